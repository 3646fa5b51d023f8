import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FieldError } from '../../../core/errors'
import { dayNotInFutureErrors } from '../../../core/results/dates'
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../../core/results/metrics'
import { newRequestId } from '../../api/client'
import { LeadsForm } from '../../components/ResultsForms'
import { findEntry, type OutboxInput } from '../../state/outbox'
import { shortDay, today } from '../../utils/content'
import { submitOrQueue } from '../../utils/offline'
import { recentDays } from '../lib/days'
import { readNumber } from '../lib/numbers'
import { useDraft } from '../lib/useDraft'
import { useSubmit, type Outcome } from '../lib/useSubmit'

interface Draft {
  date: string
  counts: Partial<Record<Channel, string>>
  /** One requestId per channel: each channel's count is its own write (and outbox entry). */
  requestIds: Partial<Record<Channel, string>>
}

function fromEntry(requestId?: string): Draft | null {
  const entry = requestId ? findEntry(requestId) : undefined
  if (!entry || entry.action !== 'logLeads') return null
  const i = entry.input as OutboxInput<'logLeads'>
  return { date: i.date, counts: { [i.channel]: String(i.count) }, requestIds: { [i.channel]: entry.requestId } }
}

/** 线索: inquiries by source channel for a day. */
export default function LeadsPage() {
  const { params } = useRouter()
  const [draft, setDraft, finish] = useDraft<Draft>(params.outbox ? `outbox:${params.outbox}` : 'leads', () => fromEntry(params.outbox) ?? { date: today(), counts: {}, requestIds: {} })
  // A refusal names `count`; show it under the channel being sent.
  let sending: Channel | null = null
  const form = useSubmit((path) => (path === 'count' && sending ? sending : path))

  const filled = CHANNELS.map((c) => ({ channel: c, n: readNumber(draft.counts[c]) })).filter((x) => x.n !== undefined && x.n !== 0)

  const precheck = (): FieldError[] => {
    const errors: FieldError[] = dayNotInFutureErrors(draft.date, { now: new Date() })
    for (const { channel, n } of filled) if (Number.isNaN(n)) errors.push({ path: channel, message: `${CHANNEL_LABELS[channel]}：请输入数字` })
    if (!filled.length) errors.push({ path: CHANNELS[0], message: '至少填一个渠道的咨询数' })
    return errors
  }

  const run = async (): Promise<Outcome> => {
    let queued = false
    const ids = { ...draft.requestIds }
    for (const { channel } of filled) ids[channel] = ids[channel] ?? newRequestId()
    // Keep the ids before sending: a closed app retries the same writes, never new ones.
    setDraft((d) => ({ ...d, requestIds: ids }))
    for (const { channel, n } of filled) {
      sending = channel
      const r = await submitOrQueue('logLeads', { date: draft.date, channel, count: n! }, { requestId: ids[channel]!, label: `线索 · ${CHANNEL_LABELS[channel]} ${n} · ${shortDay(draft.date)}` })
      queued = queued || r.kind === 'queued'
      // Sent or queued: this channel is done, a retry of the form must not send it again.
      setDraft((d) => ({ ...d, counts: { ...d.counts, [channel]: '' } }))
    }
    finish()
    return queued ? 'queued' : 'sent'
  }

  return (
    <View className='page leads-page'>
      <LeadsForm
        day={draft.date}
        counts={draft.counts}
        dayOptions={recentDays(new Date())}
        errors={form.errors}
        submitting={form.submitting}
        onDay={(date) => setDraft((d) => ({ ...d, date }))}
        onCount={(c, t) => setDraft((d) => ({ ...d, counts: { ...d.counts, [c]: t } }))}
        onSubmit={() => void form.submit(precheck, run)}
      />
    </View>
  )
}
