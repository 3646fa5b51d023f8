import '../inputs'
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SnapshotMetrics } from '../../../core/results/schemas'
import type { SeriesPoint } from '../../../core/results/views'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ErrorState, LoadingState } from '../../components/PageState'
import { SnapshotForm } from '../../components/SnapshotForm'
import { useApiQuery } from '../../hooks/useApiQuery'
import { findEntry, type OutboxInput } from '../../state/outbox'
import { shortDay, today } from '../../utils/content'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import { submitOrQueue } from '../../utils/offline'
import { cachedPendingItem, rememberLog } from '../../utils/offlineCache'
import { recentDays } from '../lib/days'
import { formErrors, readSnapshot, snapshotPrecheck, textsOf, type SnapshotDraft } from '../lib/snapshot'
import { useDraft } from '../lib/useDraft'
import { scrollToField } from '../lib/useSubmit'

/** What the query says to do: log an item's numbers, correct a record, or fix an outbox entry. */
function useTarget() {
  const { params } = useRouter()
  const entry = params.outbox ? findEntry(params.outbox) : undefined
  const correctId = entry?.action === 'correctSnapshot' ? (entry.input as OutboxInput<'correctSnapshot'>).snapshotId : params.correct
  const itemId = entry?.meta?.itemId ?? (entry?.action === 'logSnapshot' ? (entry.input as OutboxInput<'logSnapshot'>).itemId : params.itemId) ?? ''
  return { entry, correctId: correctId || undefined, itemId }
}

/**
 * 填报数据 / 更正数据 for one item: the cumulative numbers with last values beside them. Works offline
 * from the 填报 tab's cached list; the draft is kept as typed; one requestId per entry, reused when
 * the entry waits in the outbox.
 */
export default function SnapshotPage() {
  const { entry, correctId, itemId } = useTarget()
  const mode = correctId ? 'correct' : 'log'
  const cached = cachedPendingItem(itemId)
  const history = useApiQuery(() => api.results.itemHistory({ itemId }), [itemId], { enabled: Boolean(itemId) })
  const target = correctId ? history.data?.entries.find((e) => e.id === correctId) : undefined

  const draftKey = entry ? `outbox:${entry.requestId}` : correctId ? `correct:${correctId}` : `snapshot:${itemId}`
  const [draft, setDraft, finish] = useDraft<SnapshotDraft>(draftKey, () => fromEntry(entry) ?? { requestId: newRequestId(), date: today(), texts: {} })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  useEffect(() => void Taro.setNavigationBarTitle({ title: mode === 'correct' ? '更正数据' : '填报数据' }), [mode])
  // A correction starts from the values it corrects (unless the person already typed).
  useEffect(() => {
    if (target && Object.keys(draft.texts).length === 0) setDraft((d) => ({ ...d, date: target.date, texts: textsOf(target.metrics) }))
  }, [target]) // eslint-disable-line react-hooks/exhaustive-deps

  const title = history.data?.item.title ?? cached?.title ?? entry?.meta?.title
  const publishedDay = history.data?.item.publishedDay ?? cached?.publishedDay ?? entry?.meta?.publishedDay ?? null
  const date = target?.date ?? draft.date
  const last = lastBefore(history.data?.series, date) ?? (cached?.last && cached.last.date < date ? cached.last : null)

  if (!title) {
    return (
      <View className='page snapshot-page'>
        {history.error ? <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refresh()} /> : <LoadingState rows={8} />}
      </View>
    )
  }
  if (mode === 'correct' && !target && !entry) {
    return (
      <View className='page snapshot-page'>
        {history.error ? <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refresh()} /> : <LoadingState rows={8} />}
      </View>
    )
  }

  const submit = async () => {
    if (busy.current) return
    const { metrics, errors: unreadable } = readSnapshot(draft.texts)
    const pre = unreadable.length
      ? unreadable
      : snapshotPrecheck({ date, now: new Date(), publishedDay, last, metrics: metrics as SnapshotMetrics, correction: mode === 'correct' })
    if (pre.length) {
      const shown = formErrors(pre)
      setErrors(shown)
      scrollToField(Object.keys(shown)[0])
      toastError(new ApiError('VALIDATION', pre[0].message))
      return
    }
    busy.current = true
    setSubmitting(true)
    setErrors({})
    const meta = { itemId, title, ...(publishedDay ? { publishedDay } : {}) }
    try {
      const sent =
        mode === 'correct'
          ? await submitOrQueue(
              'correctSnapshot',
              { snapshotId: correctId!, metrics: metrics as SnapshotMetrics, reason: draft.reason ?? '' },
              { requestId: draft.requestId, label: `更正 · ${title} · ${shortDay(date)}`, meta },
            )
          : await submitOrQueue('logSnapshot', { itemId, date, metrics: metrics as SnapshotMetrics }, { requestId: draft.requestId, label: `作品数据 · ${title} · ${shortDay(date)}`, meta })
      finish()
      rememberLog({ itemId, title, date })
      if (sent.kind === 'sent') toastSuccess(mode === 'correct' ? '已更正' : '已提交')
      else void Taro.showToast({ title: '没有网络，已保存，待同步', icon: 'none', duration: 2500 })
      void Taro.navigateBack()
    } catch (e) {
      const shown = formErrors(Object.entries(fieldErrorMap(e)).map(([path, message]) => ({ path, message })))
      setErrors(shown)
      scrollToField(Object.keys(shown)[0])
      toastError(e)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }

  return (
    <View className='page snapshot-page'>
      <SnapshotForm
        title={title}
        mode={mode}
        date={date}
        dayOptions={recentDays(new Date(), publishedDay)}
        texts={draft.texts}
        reason={draft.reason}
        last={last}
        errors={errors}
        submitting={submitting}
        onDate={(d) => setDraft((x) => ({ ...x, date: d }))}
        onText={(f, t) => setDraft((x) => ({ ...x, texts: { ...x.texts, [f]: t } }))}
        onReason={(r) => setDraft((x) => ({ ...x, reason: r }))}
        onSubmit={() => void submit()}
      />
    </View>
  )
}

/** An outbox entry reopened for fixing: its values and its requestId. */
function fromEntry(entry: ReturnType<typeof findEntry>): SnapshotDraft | null {
  if (!entry) return null
  if (entry.action === 'logSnapshot') {
    const input = entry.input as OutboxInput<'logSnapshot'>
    return { requestId: entry.requestId, date: input.date, texts: textsOf(input.metrics as SnapshotMetrics) }
  }
  if (entry.action === 'correctSnapshot') {
    const input = entry.input as OutboxInput<'correctSnapshot'>
    return { requestId: entry.requestId, date: today(), texts: textsOf(input.metrics as SnapshotMetrics), reason: input.reason }
  }
  return null
}

/** The values in force on the latest date before `date`. */
function lastBefore(series: readonly SeriesPoint[] | undefined, date: string): SeriesPoint | null {
  if (!series) return null
  const earlier = series.filter((p) => p.date < date)
  return earlier[earlier.length - 1] ?? null
}
