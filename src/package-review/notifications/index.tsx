import '../inputs'
import { useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { NotificationPage, NotificationView } from '../../../core/review/schemas'
import { api } from '../../api'
import { NotificationList } from '../../components/NotificationList'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { errorMessage, toastError } from '../../utils/feedback'
import './index.scss'

export default function NotificationsPage() {
  const first = useApiQuery(() => api.review.notifications({ offset: 0 }), [])
  const [more, setMore] = useState<NotificationPage[]>([])
  const [marking, setMarking] = useState(false)
  const refresh = async () => {
    setMore([])
    await first.refresh()
  }
  usePullRefresh(refresh)

  const pages = first.data ? [first.data, ...more] : []
  const items = pages.flatMap((pg) => pg.items)
  const last = pages[pages.length - 1]
  // Marked-read locally too, so the dot goes at once; the list is read again on the next refresh.
  const [readIds, setReadIds] = useState<Set<string>>(new Set())
  const shown = items.map((n) => (readIds.has(n.id) ? { ...n, read: true } : n))
  const unread = Math.max(0, (first.data?.unread ?? 0) - items.filter((n) => !n.read && readIds.has(n.id)).length)

  useReachBottom(() => {
    if (!last?.hasMore) return
    void api.review.notifications({ offset: last.nextOffset }).then((pg) => setMore((m) => [...m, pg]), toastError)
  })

  const open = (n: NotificationView) => {
    if (!n.read) {
      setReadIds((s) => new Set(s).add(n.id))
      void api.review.markRead({ ids: [n.id] }).catch(() => undefined)
    }
    // A special analysis's notice carries the analysis id where a review notice carries the item's (a report's notice, the report's id); a reminder to set targets opens 目标管理.
    // 填报 is a tab: a tab page opens by switchTab, never navigateTo.
    if (n.kind === 'data_missing') return void Taro.switchTab({ url: ROUTES.log })
    const url =
      n.kind === 'analysis_opened' || n.kind === 'analysis_overdue'
        ? withQuery(ROUTES.analysis, { id: n.itemId })
        : n.kind === 'targets_due'
          ? ROUTES.targets
          : n.kind === 'report_ready'
            ? withQuery(ROUTES.report, { id: n.itemId })
            : n.kind === 'risk_review_due' || n.kind === 'risk_suggestion'
              ? withQuery(ROUTES.risk, { id: n.itemId })
              : withQuery(ROUTES.production, { itemId: n.itemId })
    void Taro.navigateTo({ url })
  }
  const markAll = async () => {
    setMarking(true)
    try {
      await api.review.markRead({ all: true })
      setReadIds(new Set(items.map((n) => n.id)))
      await refresh()
    } catch (e) {
      toastError(e)
    } finally {
      setMarking(false)
    }
  }

  return (
    <View className='page notifications-page'>
      {first.data ? (
        <>
          <View className='notifications-head'>
            <Text className='notifications-head__count'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
            {unread > 0 ? (
              <Button className='notifications-read-all' size='small' fill='outline' type='primary' disabled={marking} onClick={() => void markAll()}>
                全部标为已读
              </Button>
            ) : null}
          </View>
          <NotificationList items={shown} onOpen={open} />
          {last?.hasMore ? <Text className='notifications-more'>上拉加载更多</Text> : null}
        </>
      ) : first.error ? (
        <ErrorState message={errorMessage(first.error)} onRetry={() => void first.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
    </View>
  )
}
