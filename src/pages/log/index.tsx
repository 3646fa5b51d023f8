import { useEffect, useMemo, useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { api } from '../../api'
import { LogShortcuts, OutboxBar, OutboxList, PendingList, RecentLogs, TodayHeader, type LogShortcut } from '../../components/LogHome'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { RESULTS_ROUTES, resultsUrl } from '../../package-results/routes'
import { ROUTES, withQuery } from '../../routes'
import { useOutbox, type OutboxEntry, type OutboxInput } from '../../state/outbox'
import { errorMessage, toastSuccess } from '../../utils/feedback'
import { cachePendingToday, cachedPendingToday, recentLogs } from '../../utils/offlineCache'
import './index.scss'

/** Which form fixes a failed outbox entry (a push experiment's counts: its experiment page, see fixUrl). */
const FORM_OF: Record<Exclude<OutboxEntry['action'], 'logVariantCounts'>, string> = {
  logSnapshot: RESULTS_ROUTES.snapshot,
  correctSnapshot: RESULTS_ROUTES.snapshot,
  logLive: RESULTS_ROUTES.live,
  correctLive: RESULTS_ROUTES.live,
  logLeads: RESULTS_ROUTES.leads,
  correctLeads: RESULTS_ROUTES.leads,
  logFollowers: RESULTS_ROUTES.followers,
}

function fixUrl(e: OutboxEntry): string {
  if (e.action === 'logVariantCounts') return withQuery(ROUTES.experiment, { id: (e.input as OutboxInput<'logVariantCounts'>).experimentId, outbox: e.requestId })
  return resultsUrl(FORM_OF[e.action] as typeof RESULTS_ROUTES.snapshot, { outbox: e.requestId })
}

const SHORTCUT_ROUTES: Record<LogShortcut, (typeof RESULTS_ROUTES)[keyof typeof RESULTS_ROUTES]> = {
  live: RESULTS_ROUTES.live,
  leads: RESULTS_ROUTES.leads,
  followers: RESULTS_ROUTES.followers,
  import: RESULTS_ROUTES.import,
}

/**
 * 填报: today's published items that still lack today's numbers (one tap to log), what the phone still
 * holds to send, and the other things field staff log. Kept light: every form lives in package-results.
 */
export default function LogPage() {
  const pending = useApiQuery(async () => {
    const answer = await api.results.pendingToday({})
    cachePendingToday(answer)
    return answer
  }, [])
  const outbox = useOutbox()
  // Offline at launch: show what the phone saw last instead of an error.
  const shown = pending.data ?? (pending.error ? cachedPendingToday() ?? undefined : undefined)

  const sync = async (quiet: boolean) => {
    const report = await outbox.sync()
    if (!quiet) {
      if (report.sent) toastSuccess(`已同步 ${report.sent} 条`)
      else if (report.left) void Taro.showToast({ title: '暂时发不出去，有网时会自动同步', icon: 'none', duration: 2500 })
      else if (report.failed) void Taro.showToast({ title: '有记录未通过，请查看原因', icon: 'none', duration: 2500 })
    }
    if (report.sent) await pending.refresh()
  }
  const refresh = async () => {
    await Promise.all([pending.refresh(), outbox.pending.length ? sync(true) : undefined])
  }
  usePullRefresh(refresh)

  // Back from a form: the list changed; the outbox may hold something to send.
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else void refresh()
  })

  // The outbox sent something on its own (the network came back): the list has changed.
  const sentBefore = useRef(outbox.pending.length)
  useEffect(() => {
    if (outbox.pending.length < sentBefore.current && !outbox.syncing) void pending.refresh()
    sentBefore.current = outbox.pending.length
  }, [outbox.pending.length]) // eslint-disable-line react-hooks/exhaustive-deps

  const queued = useMemo(() => {
    const today = shown?.today
    return new Set(
      outbox.entries
        .filter((e) => e.action === 'logSnapshot' && (e.input as OutboxInput<'logSnapshot'>).date === today)
        .map((e) => (e.input as OutboxInput<'logSnapshot'>).itemId),
    )
  }, [outbox.entries, shown?.today])

  const queuedEntryOf = (itemId: string) =>
    outbox.entries.find((e) => e.action === 'logSnapshot' && (e.input as OutboxInput<'logSnapshot'>).itemId === itemId)

  const go = (url: string) => void Taro.navigateTo({ url })
  // Read on every render: a form just added to it before the tab showed again.
  const recent = recentLogs()

  return (
    <View className='page log-page'>
      <OutboxBar pending={outbox.pending.length} failed={outbox.failed.length} syncing={outbox.syncing} onSync={() => void sync(false)} />
      <OutboxList
        entries={outbox.entries}
        onFix={(e) => go(fixUrl(e))}
        onDiscard={(e) => {
          void Taro.showModal({ title: '放弃这条记录？', content: `${e.label}\n放弃后不会再发送。`, confirmText: '放弃', cancelText: '保留' }).then((r) => {
            if (r.confirm) outbox.discard(e.requestId)
          })
        }}
      />
      <View className='section'>
        {shown ? (
          <>
            <TodayHeader today={shown.today} pending={shown.items.length} done={shown.doneCount} />
            {shown.items.length ? (
              <PendingList
                items={shown.items}
                queued={queued}
                onLog={(item) => {
                  const entry = queuedEntryOf(item.id)
                  go(resultsUrl(RESULTS_ROUTES.snapshot, entry ? { outbox: entry.requestId } : { itemId: item.id }))
                }}
                onHistory={(item) => go(resultsUrl(RESULTS_ROUTES.history, { itemId: item.id }))}
              />
            ) : (
              <EmptyState
                className='log-all-done'
                title={shown.doneCount ? '今天的数据都填好了' : '最近 7 天没有已发布的内容'}
                description={shown.doneCount ? `已填 ${shown.doneCount} 条，辛苦了` : '内容在日历里标记为已发布后，会出现在这里等你填报数据'}
              />
            )}
            {pending.error ? (
              <Text className='log-page__stale'>
                {pending.error.code === 'NETWORK' ? '没有网络，显示的是上次的列表' : `列表没有刷新：${errorMessage(pending.error)}`}
              </Text>
            ) : null}
          </>
        ) : pending.error ? (
          <ErrorState message={errorMessage(pending.error)} onRetry={() => void pending.refresh()} />
        ) : (
          <LoadingState rows={4} />
        )}
      </View>
      {recent.length ? (
        <View className='section'>
          <Text className='section__title'>最近填报（24 小时内可更正）</Text>
          <RecentLogs logs={recent} onOpen={(l) => go(resultsUrl(RESULTS_ROUTES.history, { itemId: l.itemId }))} />
        </View>
      ) : null}
      <View className='section'>
        <Text className='section__title'>其他填报</Text>
        <LogShortcuts onOpen={(key) => go(SHORTCUT_ROUTES[key])} />
      </View>
    </View>
  )
}
