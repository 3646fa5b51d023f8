import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FieldError as FieldErr } from '../../../core/errors'
import { formatCount } from '../../../core/format'
import type { VariantView } from '../../../core/research/experiments'
import { dayNotInFutureErrors } from '../../../core/results/dates'
import { addDays } from '../../../core/time/china'
import { newRequestId } from '../../api/client'
import { DayChips, NumberField } from '../../components/ResultsFields'
import { findEntry, type OutboxInput } from '../../state/outbox'
import { today } from '../../utils/content'
import { fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import { submitOrQueue } from '../../utils/offline'

interface Draft {
  requestId: string
  day: string
  sent: string
  opened: string
}

const DAY_NAMES = ['今天', '昨天', '前天']

/** A failed outbox entry for this variant reopens here with its requestId (fixing it sends it once). */
function fromOutbox(requestId: string | undefined, variantKey: string): Draft | null {
  const entry = requestId ? findEntry(requestId) : undefined
  if (!entry || entry.action !== 'logVariantCounts') return null
  const i = entry.input as OutboxInput<'logVariantCounts'>
  return i.variantKey === variantKey ? { requestId: entry.requestId, day: i.day, sent: String(i.sent), opened: String(i.opened) } : null
}

/**
 * 录入数据 for a push-counts variant: a day's sent and opened, with the last entry shown. Offline-safe like
 * the results forms: without network (or without an answer in time) it waits in the outbox and is re-sent
 * with the same requestId, so it is stored once. A second entry for the same day replaces the first.
 */
export function CountsForm(props: { experimentId: string; title: string; variant: VariantView; startDay: string | null; outboxId?: string; onSent: () => void }) {
  const v = props.variant
  const [d, setD] = useState<Draft>(() => fromOutbox(props.outboxId, v.key) ?? { requestId: newRequestId(), day: today(), sent: '', opened: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const days = DAY_NAMES.map((label, i) => ({ day: addDays(today(), -i), label })).filter((o) => !props.startDay || o.day >= props.startDay)
  const read = (s: string) => (s.trim() === '' ? undefined : Number(s))

  const submit = async () => {
    if (busy) return
    const sent = read(d.sent)
    const opened = read(d.opened)
    const pre: FieldErr[] = dayNotInFutureErrors(d.day, { now: new Date(), path: 'day' })
    if (sent === undefined) pre.push({ path: 'sent', message: '推送：必填' })
    if (opened === undefined) pre.push({ path: 'opened', message: '打开：必填' })
    if (pre.length) {
      setErrors(Object.fromEntries(pre.map((f) => [f.path, f.message])))
      return
    }
    setBusy(true)
    setErrors({})
    try {
      const input = { experimentId: props.experimentId, variantKey: v.key as OutboxInput<'logVariantCounts'>['variantKey'], day: d.day, sent: sent!, opened: opened! }
      const r = await submitOrQueue('logVariantCounts', input, { requestId: d.requestId, label: `实验计数 · ${props.title} · ${v.key} 组 · ${d.day.slice(5)}` })
      if (r.kind === 'sent') toastSuccess('已录入')
      else void Taro.showToast({ title: '没有网络，已保存，待同步', icon: 'none', duration: 2500 })
      setD({ requestId: newRequestId(), day: d.day, sent: '', opened: '' })
      props.onSent()
    } catch (e) {
      setErrors(fieldErrorMap(e))
      toastError(e)
    } finally {
      setBusy(false)
    }
  }

  const last = v.lastEntry
  return (
    <View className={`counts-form counts-form--${v.key}`}>
      <Text className='counts-form__title'>{`录入数据 · ${v.key} 组`}</Text>
      <Text className='counts-form__last'>{last ? `上次：${last.day.slice(5)} 推送 ${formatCount(last.sent)} · 打开 ${formatCount(last.opened)}（${last.byName}）` : '还没有录入'}</Text>
      <DayChips options={days} value={d.day} onChange={(day) => setD((x) => ({ ...x, day }))} error={errors.day} className='counts-form__days' />
      <NumberField label='推送' keyboard='number' unit='次' placeholder='必填' value={d.sent} onChange={(sent) => setD((x) => ({ ...x, sent }))} error={errors.sent} className={`field-sent field-sent--${v.key}`} />
      <NumberField label='打开' keyboard='number' unit='次' placeholder='必填' value={d.opened} onChange={(opened) => setD((x) => ({ ...x, opened }))} error={errors.opened} className={`field-opened field-opened--${v.key}`} />
      <Text className='counts-form__hint'>同一天再次录入会替换当天的数字（旧记录保留）。</Text>
      <Button className={`counts-save counts-save--${v.key}`} type='primary' size='small' block loading={busy} disabled={busy} onClick={() => void submit()}>
        保存
      </Button>
    </View>
  )
}
