import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MyTasks, TaskView } from '../../../core/content/tasks'
import { api } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { monthDay } from '../../utils/content'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import './index.scss'

/** Where a task opens: its meeting, or the retrospective to write. */
function openSource(t: TaskView) {
  if (t.retrospectiveId) void Taro.navigateTo({ url: withQuery(ROUTES.retrospective, { id: t.retrospectiveId }) })
  else if (t.meetingId) void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { id: t.meetingId }) })
}

function TaskRow(props: { task: TaskView; busy: boolean; onToggle: () => void }) {
  const t = props.task
  const done = t.status === 'done'
  // A retrospective is done by writing it: its button opens the page instead of closing the task.
  const action = t.retrospectiveId ? (
    <Button className={done ? 'task-retro-view' : 'task-retro-write'} size='small' type='primary' fill={done ? 'none' : 'outline'} onClick={() => openSource(t)}>
      {done ? '查看' : '写复盘'}
    </Button>
  ) : (
    <Button className={done ? 'task-reopen' : 'task-done'} size='small' type='primary' fill={done ? 'none' : 'outline'} loading={props.busy} onClick={props.onToggle}>
      {done ? '重新打开' : '完成'}
    </Button>
  )
  return (
    <View className={`task-row ${t.retrospectiveId ? 'task-row--retrospective' : ''} ${done ? 'task-row--done' : ''} ${t.overdue ? 'task-row--overdue' : ''}`}>
      <View className='task-row__main' onClick={() => openSource(t)}>
        <Text className='task-row__title'>{t.title}</Text>
        <View className='task-row__meta'>
          {t.overdue ? <Text className='task-row__overdue'>已逾期</Text> : null}
          <Text className='task-row__due'>{done ? `${t.doneByName ?? ''} 已完成` : `截止 ${monthDay(t.dueDay)}`}</Text>
          <Text className='task-row__source'>{t.sourceLabel}</Text>
        </View>
      </View>
      {action}
    </View>
  )
}

/** 我的待办: the caller's tasks from meeting decisions and item retrospectives; open ones earliest due first, done in one tap. */
export default function TasksPage() {
  const tasks = useApiQuery<MyTasks>(() => api.content.myTasks({}), [])
  usePullRefresh(tasks.refresh)
  const [busy, setBusy] = useState<string | null>(null)
  const [showDone, setShowDone] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void tasks.refresh()
    shown.current = true
  })

  const toggle = async (t: TaskView) => {
    if (busy) return
    setBusy(t.id)
    try {
      if (t.status === 'open') {
        await api.content.completeTask({ id: t.id })
        toastSuccess('已完成')
      } else await api.content.reopenTask({ id: t.id })
      await tasks.refresh()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }

  const data = tasks.data
  if (!data) {
    return <View className='page tasks-page'>{tasks.error ? <ErrorState message={errorMessage(tasks.error)} onRetry={() => void tasks.refresh()} /> : <LoadingState rows={4} />}</View>
  }
  return (
    <View className='page tasks-page'>
      <View className='tasks-summary'>
        <Text className='tasks-summary__open'>{`${data.openCount} 项未完成`}</Text>
        {data.overdueCount ? <Text className='tasks-summary__overdue'>{`其中 ${data.overdueCount} 项已逾期`}</Text> : null}
      </View>
      <View className='section'>
        {data.open.length ? (
          <View className='tasks-list tasks-list--open'>
            {data.open.map((t) => (
              <TaskRow key={t.id} task={t} busy={busy === t.id} onToggle={() => void toggle(t)} />
            ))}
          </View>
        ) : (
          <EmptyState title='没有待办' description='会议上分给你的决议、内容发布 7 天后的单条复盘会出现在这里。' />
        )}
      </View>
      {data.done.length ? (
        <View className='section'>
          <Text className='tasks-done-toggle' onClick={() => setShowDone(!showDone)}>
            {`已完成（${data.done.length}）${showDone ? ' ▲' : ' ▼'}`}
          </Text>
          {showDone ? (
            <View className='tasks-list tasks-list--done'>
              {data.done.map((t) => (
                <TaskRow key={t.id} task={t} busy={busy === t.id} onToggle={() => void toggle(t)} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
