import '../inputs'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { FieldError } from '../../../core/errors'
import { formatCount } from '../../../core/format'
import { dayNotInFutureErrors } from '../../../core/results/dates'
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../../core/results/metrics'
import type { LeadView } from '../../../core/results/views'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { LeadCorrectionForm, LeadsForm } from '../../components/ResultsForms'
import { useApiQuery } from '../../hooks/useApiQuery'
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

interface Fix {
  lead: Pick<LeadView, 'id' | 'date' | 'channel' | 'count'>
  count?: string
  reason: string
  requestId: string
}

const leadTitle = (l: Pick<LeadView, 'date' | 'channel' | 'count'>) => `${shortDay(l.date)} · ${CHANNEL_LABELS[l.channel]} · 原为 ${formatCount(l.count)}`

function fixFromEntry(requestId?: string): Fix | null {
  const entry = requestId ? findEntry(requestId) : undefined
  if (!entry || entry.action !== 'correctLeads') return null
  const i = entry.input as OutboxInput<'correctLeads'>
  const meta = (entry.meta ?? {}) as { date?: string; channel?: Channel; count?: string }
  const lead = { id: i.leadId, date: meta.date ?? today(), channel: meta.channel ?? 'channels', count: Number(meta.count ?? 0) }
  return { lead, count: String(i.count), reason: i.reason, requestId: entry.requestId }
}

/** 更正线索: a separate small form, so the day's entry form keeps its draft underneath. */
function LeadCorrection(props: { fix: Fix; onChange: (f: Fix | null) => void }) {
  const { fix } = props
  const form = useSubmit()
  const precheck = (): FieldError[] => {
    const errors: FieldError[] = []
    const n = readNumber(fix.count)
    if (n === undefined || Number.isNaN(n)) errors.push({ path: 'count', message: '咨询数：请输入数字' })
    if (!fix.reason.trim()) errors.push({ path: 'reason', message: '更正原因：请填写' })
    return errors
  }
  const run = async (): Promise<Outcome> => {
    const meta = { date: fix.lead.date, channel: fix.lead.channel, count: String(fix.lead.count) }
    const r = await submitOrQueue('correctLeads', { leadId: fix.lead.id, count: readNumber(fix.count)!, reason: fix.reason }, { requestId: fix.requestId, label: `更正线索 · ${leadTitle(fix.lead)}`, meta })
    props.onChange(null)
    return r.kind
  }
  return (
    <LeadCorrectionForm
      title={leadTitle(fix.lead)}
      count={fix.count}
      reason={fix.reason}
      errors={form.errors}
      submitting={form.submitting}
      onCount={(count) => props.onChange({ ...fix, count })}
      onReason={(reason) => props.onChange({ ...fix, reason })}
      onCancel={() => props.onChange(null)}
      onSubmit={() => void form.submit(precheck, run, '已更正')}
    />
  )
}

/** 线索: inquiries by source channel for a day; recent records with 更正 for the logger (24 h) or a manager. */
export default function LeadsPage() {
  const { params } = useRouter()
  const [fix, setFix] = useState<Fix | null>(() => fixFromEntry(params.outbox))
  const recent = useApiQuery(() => api.results.recentLeads({ withinDays: 3 }), [])
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
      const r = await submitOrQueue('logLeads', { date: draft.date, channel, count: n! }, { requestId: ids[channel]!, label: `线索 · ${CHANNEL_LABELS[channel]} ${formatCount(n)} · ${shortDay(draft.date)}` })
      queued = queued || r.kind === 'queued'
      // Sent or queued: this channel is done, a retry of the form must not send it again.
      setDraft((d) => ({ ...d, counts: { ...d.counts, [channel]: '' } }))
    }
    finish()
    return queued ? 'queued' : 'sent'
  }

  if (fix) {
    return (
      <View className='page leads-page'>
        <LeadCorrection fix={fix} onChange={setFix} />
      </View>
    )
  }

  const records = (recent.data ?? []).map((l) => ({
    id: l.id,
    text: `${shortDay(l.date)} · ${CHANNEL_LABELS[l.channel]} · ${formatCount(l.count)}`,
    by: `${l.loggedByName} 填报${l.reason ? ` · 已更正：${l.reason}` : ''}`,
    canCorrect: l.canCorrect,
  }))
  const startFix = (id: string) => {
    const lead = recent.data?.find((l) => l.id === id)
    if (lead) setFix({ lead, count: String(lead.count), reason: '', requestId: newRequestId() })
  }

  return (
    <View className='page leads-page'>
      <LeadsForm
        recent={records}
        onCorrect={startFix}
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
