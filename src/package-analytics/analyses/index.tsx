import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import '../components/common.scss'
import { EventForm } from './EventForm'
import './index.scss'

/**
 * 专项分析: what the two-week rule and recorded market events opened — overdue first, then open, then
 * closed — each with its due day and, once closed, its decision.
 */
export default function AnalysesPage() {
  const { me } = useMe()
  const canDecide = allows(manifest.analytics.closeAnalysis.access, me?.member?.roles)
  const list = useApiQuery(() => api.analytics.analyses({}), [])
  usePullRefresh(list.refresh)
  const [adding, setAdding] = useState(false)
  // Back from a task page: it may have been closed.
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else void list.refresh()
  })
  const open = (id: string) => void Taro.navigateTo({ url: withQuery(ROUTES.analysis, { id }) })

  return (
    <View className='page analyses-page'>
      <Text className='analyses-page__intro'>
        指标连续两周未达标时自动开启专项分析：负责人在截止日前写下分析结论，并决定维持目标、调整目标或采取行动。
      </Text>
      {canDecide ? (
        adding ? (
          <EventForm
            onSaved={(a) => {
              setAdding(false)
              void list.refresh()
              open(a.id)
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button className='event-add' fill='outline' type='primary' block onClick={() => setAdding(true)}>
            记录市场事件（政策 / 竞品 / 平台规则）
          </Button>
        )
      ) : null}
      {list.data ? (
        list.data.length ? (
          list.data.map((a) => (
            <View key={a.id} className={`analytics-card analysis-row analysis-row--${a.status} ${a.overdue ? 'analysis-row--overdue' : ''}`} onClick={() => open(a.id)}>
              <View className='analysis-row__head'>
                <Text className='analysis-row__title'>{a.title}</Text>
                <Text className='analysis-row__status'>{a.statusLabel}</Text>
              </View>
              <Text className='analysis-row__trigger'>{a.triggerText}</Text>
              <Text className='analysis-row__meta'>
                {a.status === 'open' ? `${a.ownerText} · 截止 ${a.dueDay}` : `决定：${a.decisionLabel ?? '—'}`} · 开启于 {formatDateTime(a.openedAt)}
              </Text>
            </View>
          ))
        ) : (
          <EmptyState title='没有专项分析' description='指标连续两周未达标时，这里会出现待分析的任务。' />
        )
      ) : list.error ? (
        <ErrorState message={errorMessage(list.error)} error={list.error} onRetry={() => void list.refresh()} />
      ) : (
        <LoadingState rows={4} />
      )}
    </View>
  )
}
