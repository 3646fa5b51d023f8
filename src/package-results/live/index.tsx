import '../inputs'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FieldError } from '../../../core/errors'
import { formatCount } from '../../../core/format'
import type { LogLiveInput } from '../../../core/results/schemas'
import type { LiveView } from '../../../core/results/views'
import { addDays } from '../../../core/time/china'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { LiveForm, type LiveTexts } from '../../components/ResultsForms'
import { useApiQuery } from '../../hooks/useApiQuery'
import { findEntry, type OutboxInput } from '../../state/outbox'
import { chinaIso, shortDay, splitChinaTime, today } from '../../utils/content'
import { submitOrQueue } from '../../utils/offline'
import { recentDays } from '../lib/days'
import { fenToYuanText, readNumber, yuanToFen } from '../lib/numbers'
import { useDraft } from '../lib/useDraft'
import { useSubmit } from '../lib/useSubmit'

/** While correcting, `correctId` names the session being replaced and `reason` says why. */
type Draft = LiveTexts & { requestId: string; correctId?: string; correctTitle?: string; reason?: string }

const NUMBERS = ['uniqueViewers', 'peakConcurrent', 'avgWatchSeconds', 'newFollowers', 'comments', 'orders'] as const

/** The form's texts as the logLive input; unreadable numbers become field errors. */
function toInput(d: Draft): { input: LogLiveInput; errors: FieldError[] } {
  const errors: FieldError[] = []
  const out: Record<string, unknown> = { itemId: d.itemId }
  for (const k of NUMBERS) {
    const n = readNumber(d[k])
    if (n !== undefined && Number.isNaN(n)) errors.push({ path: k, message: '请输入数字' })
    else if (n !== undefined) out[k] = n
  }
  const gmv = yuanToFen(d.gmvYuan)
  if (gmv !== undefined && Number.isNaN(gmv)) errors.push({ path: 'gmvFen', message: '成交额：请输入数字' })
  else if (gmv !== undefined) out.gmvFen = gmv
  // A session that ends before it starts ran past midnight.
  const endDay = d.end <= d.start ? addDays(d.day, 1) : d.day
  out.startAt = chinaIso(d.day, d.start)
  out.endAt = chinaIso(endDay, d.end)
  if (!d.itemId) errors.push({ path: 'itemId', message: '直播：请选择是哪一场' })
  return { input: out as LogLiveInput, errors }
}

function fromEntry(requestId?: string): Draft | null {
  const entry = requestId ? findEntry(requestId) : undefined
  if (!entry || (entry.action !== 'logLive' && entry.action !== 'correctLive')) return null
  const i = entry.input as OutboxInput<'logLive'> & Partial<OutboxInput<'correctLive'>>
  const s = splitChinaTime(i.startAt)
  const text = (n: number | undefined) => (n === undefined ? undefined : String(n))
  const correcting = entry.action === 'correctLive' ? { correctId: i.liveId, correctTitle: entry.label, reason: i.reason } : {}
  return {
    ...correcting,
    requestId: entry.requestId,
    itemId: i.itemId ?? '',
    day: s.day,
    start: s.time,
    end: splitChinaTime(i.endAt).time,
    uniqueViewers: text(i.uniqueViewers),
    peakConcurrent: text(i.peakConcurrent),
    avgWatchSeconds: text(i.avgWatchSeconds),
    newFollowers: text(i.newFollowers),
    comments: text(i.comments),
    orders: text(i.orders),
    gmvYuan: fenToYuanText(i.gmvFen),
  }
}

/** A logged session's numbers back in the form's texts, to correct them. */
function fromSession(v: LiveView, title: string): Draft {
  const s = splitChinaTime(v.startAt)
  const text = (n: number | null) => (n === null ? undefined : String(n))
  return {
    requestId: newRequestId(),
    correctId: v.id,
    correctTitle: `${title} · ${shortDay(s.day)} ${s.time}`,
    reason: '',
    itemId: v.itemId,
    day: s.day,
    start: s.time,
    end: splitChinaTime(v.endAt).time,
    uniqueViewers: text(v.uniqueViewers),
    peakConcurrent: text(v.peakConcurrent),
    avgWatchSeconds: text(v.avgWatchSeconds),
    newFollowers: text(v.newFollowers),
    comments: text(v.comments),
    orders: text(v.orders),
    gmvYuan: fenToYuanText(v.gmvFen),
  }
}

function sessionText(v: LiveView): string {
  const s = splitChinaTime(v.startAt)
  return `${shortDay(s.day)} ${s.time}–${splitChinaTime(v.endAt).time} · 观看 ${formatCount(v.uniqueViewers)} · 订单 ${formatCount(v.orders)}`
}

/** 直播数据: one livestream session's numbers, logged against its item on the calendar; 更正 replaces one. */
export default function LivePage() {
  const { params } = useRouter()
  // Livestreams on the calendar in the last 30 days, with the sessions already logged for each.
  const lives = useApiQuery(() => api.results.recentLives({ withinDays: 30 }), [])
  const [draft, setDraft, finish] = useDraft<Draft>(params.outbox ? `outbox:${params.outbox}` : 'live', () => fromEntry(params.outbox) ?? { requestId: newRequestId(), itemId: '', day: today(), start: '19:00', end: '21:00' })
  const form = useSubmit()
  const options = (lives.data ?? []).map((i) => ({ id: i.id, title: i.title, day: i.day }))
  const title = options.find((o) => o.id === draft.itemId)?.title ?? '直播'
  const chosen = (lives.data ?? []).find((i) => i.id === draft.itemId)
  const sessions = (chosen?.sessions ?? []).map((v) => ({ id: v.id, text: sessionText(v), by: `${v.loggedByName} 填报${v.reason ? ` · 已更正：${v.reason}` : ''}`, canCorrect: v.canCorrect }))
  const correct = (id: string) => {
    const v = chosen?.sessions.find((x) => x.id === id)
    if (v) setDraft(fromSession(v, title))
  }
  const cancelCorrect = () => setDraft((d) => ({ requestId: newRequestId(), itemId: d.itemId, day: today(), start: '19:00', end: '21:00' }))

  const submit = () => {
    const { input, errors } = toInput(draft)
    if (draft.correctId) {
      const { itemId: _item, ...numbers } = input
      if (!draft.reason?.trim()) errors.push({ path: 'reason', message: '更正原因：请填写' })
      return form.submit(
        () => errors.filter((e) => e.path !== 'itemId'),
        async () => {
          const label = `更正直播 · ${draft.correctTitle ?? title}`
          const r = await submitOrQueue('correctLive', { ...numbers, liveId: draft.correctId!, reason: draft.reason ?? '' }, { requestId: draft.requestId, label })
          finish()
          return r.kind
        },
        '已更正',
      )
    }
    return form.submit(
      () => errors,
      async () => {
        const r = await submitOrQueue('logLive', input, { requestId: draft.requestId, label: `直播数据 · ${title} · ${shortDay(draft.day)}` })
        finish()
        return r.kind
      },
    )
  }

  return (
    <View className='page live-page'>
      <LiveForm
        lives={options}
        values={draft}
        dayOptions={recentDays(new Date())}
        errors={form.errors}
        submitting={form.submitting}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        onSubmit={() => void submit()}
        sessions={sessions}
        onCorrect={correct}
        correcting={
          draft.correctId
            ? { title: draft.correctTitle ?? title, reason: draft.reason ?? '', onReason: (reason) => setDraft((d) => ({ ...d, reason })), onCancel: cancelCorrect }
            : undefined
        }
      />
    </View>
  )
}
