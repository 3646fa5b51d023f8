import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FieldError } from '../../../core/errors'
import type { LogLiveInput } from '../../../core/results/schemas'
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

type Draft = LiveTexts & { requestId: string }

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
  if (!entry || entry.action !== 'logLive') return null
  const i = entry.input as OutboxInput<'logLive'>
  const s = splitChinaTime(i.startAt)
  const text = (n: number | undefined) => (n === undefined ? undefined : String(n))
  return {
    requestId: entry.requestId,
    itemId: i.itemId,
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

/** 直播数据: one livestream session's numbers, logged against its item on the calendar. */
export default function LivePage() {
  const { params } = useRouter()
  // Published livestreams of the last 30 days (the 填报 list's source, filtered to livestreams).
  const lives = useApiQuery(() => api.results.pendingToday({ withinDays: 30 }), [])
  const [draft, setDraft, finish] = useDraft<Draft>(params.outbox ? `outbox:${params.outbox}` : 'live', () => fromEntry(params.outbox) ?? { requestId: newRequestId(), itemId: '', day: today(), start: '19:00', end: '21:00' })
  const form = useSubmit()
  const options = (lives.data?.items ?? []).filter((i) => i.format === 'livestream').map((i) => ({ id: i.id, title: i.title, day: i.publishedDay }))
  const title = options.find((o) => o.id === draft.itemId)?.title ?? '直播'

  const submit = () => {
    const { input, errors } = toInput(draft)
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
      />
    </View>
  )
}
