import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ItemDetail } from '../../../core/content/schemas'
import { defaultSlot } from '../../../core/content/slots'
import { api } from '../../api'
import { IdeaFilters } from '../../components/IdeaFilters'
import { ItemRow } from '../../components/ItemRow'
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/PageState'
import { ScheduleSheet, type Schedule } from '../../components/ScheduleSheet'
import { useIdeas } from '../../hooks/useIdeas'
import { useItem } from '../../hooks/useItem'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useCanPlan } from '../../state/me'
import { chinaIso, monthDay, today } from '../../utils/content'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import './index.scss'

export default function IdeasPage() {
  const ideas = useIdeas()
  const canPlan = useCanPlan()
  usePullRefresh(ideas.refresh)
  useReachBottom(() => void ideas.loadMore())
  // The idea being scheduled, read fresh so the write carries its current version.
  const [schedulingId, setSchedulingId] = useState<string | undefined>()
  const target = useItem(schedulingId)
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void ideas.refresh()
    shown.current = true
  })

  const schedule = async (idea: ItemDetail, s: Schedule) => {
    if (saving) return
    setSaving(true)
    setErrors({})
    try {
      await api.content.rescheduleItem({ id: idea.id, version: idea.version, plannedAt: chinaIso(s.day, s.time) })
      toastSuccess(`已安排到 ${monthDay(s.day)}`)
      ideas.remove(idea.id)
      setSchedulingId(undefined)
    } catch (e) {
      const fields = fieldErrorMap(e)
      setErrors(fields)
      if (Object.keys(fields).length === 0) {
        setSchedulingId(undefined)
        await target.onWriteError(e)
        void ideas.refresh()
      } else toastError(e)
    } finally {
      setSaving(false)
    }
  }

  const scheduleButton = (id: string) =>
    canPlan ? (
      <Button
        className='idea-schedule'
        size='small'
        type='primary'
        fill='outline'
        onClick={() => {
          setErrors({})
          setSchedulingId(id)
        }}
      >
        安排发布
      </Button>
    ) : undefined

  return (
    <View className='page ideas-page'>
      <IdeaFilters value={ideas.filters} onChange={ideas.setFilters} />
      {canPlan ? (
        <Button className='idea-create' block type='primary' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.itemEditor, { kind: 'idea' }) })}>
          + 记录选题
        </Button>
      ) : null}
      <View className='section'>
        {ideas.items ? (
          ideas.items.length ? (
            <View className='ideas-list'>
              {ideas.items.map((idea) => (
                <ItemRow
                  key={idea.id}
                  item={idea}
                  withCategory
                  showTime={false}
                  onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.itemDetail, { id: idea.id }) })}
                  action={scheduleButton(idea.id)}
                />
              ))}
            </View>
          ) : (
            <EmptyState title='没有符合条件的选题' description='热点、销售听到的用户痛点、评论区的问题，都可以先记成选题，想好哪天发再安排发布。' />
          )
        ) : ideas.error ? (
          <ErrorState message={errorMessage(ideas.error)} onRetry={() => void ideas.refresh()} />
        ) : (
          <LoadingState rows={4} />
        )}
        <LoadMore hasMore={Boolean(ideas.hasMore)} loading={ideas.loading} shown={ideas.items?.length ?? 0} onMore={() => void ideas.loadMore()} buttonClassName='ideas-more' />
      </View>
      <ScheduleSheet
        visible={Boolean(schedulingId) && target.data?.id === schedulingId}
        title='安排发布'
        initial={defaultSlot(new Date())}
        minDay={today()}
        withReason={false}
        confirmText='安排发布'
        saving={saving}
        errors={errors}
        onConfirm={(s) => target.data && void schedule(target.data, s)}
        onClose={() => setSchedulingId(undefined)}
      />
    </View>
  )
}
