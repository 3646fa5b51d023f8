import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { setTargetInput, type TargetView } from '../../../core/analytics/targetSchemas'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { TextAreaField } from '../../components/fields'
import { NumberField } from '../../components/ResultsFields'
import { useFormAction } from '../../hooks/useFormAction'
import { targetFromInput, targetToInput, unitHint } from '../../utils/analytics'
import { toastSuccess } from '../../utils/feedback'

export interface TargetFormProps {
  /** The target as the list shows it now (after a CONFLICT reload, the newer one). */
  target: TargetView
  /** 'plan': the next period's target (managers); 'override': this period's, changed by an admin with a reason. */
  mode: 'plan' | 'override'
  onSaved: (saved: TargetView) => void
  /** Another manager changed it first: the page reloads the list. */
  onConflict: () => Promise<void>
  onCancel: () => void
}

/**
 * Changes one target: value, yellow-light tolerance and a required reason. The zod messages of
 * `setTargetInput` show under their fields; a stale version gets CONFLICT and the latest target.
 */
export function TargetForm({ target, mode, onSaved, onConflict, onCancel }: TargetFormProps) {
  // A plan starts from what is planned (else this period's value); an override from the value in force.
  const planned = mode === 'plan' ? target.period?.planned : null
  const [value, setValue] = useState(targetToInput(planned ? planned.value : target.value, target.unit))
  const [tolerance, setTolerance] = useState(String(Math.round((planned ? planned.tolerance : target.tolerance) * 1000) / 10))
  const [reason, setReason] = useState('')
  const [conflict, setConflict] = useState(false)
  // One requestId per change: a retried tap never records the change twice.
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    async () => {
      setConflict(false)
      try {
        const input = {
          kpi: target.kpi,
          value: targetFromInput(value, target.unit),
          tolerance: Math.round(Number(tolerance.trim() === '' ? Number.NaN : tolerance) * 10) / 1000,
          reason,
          version: mode === 'plan' ? planned?.version ?? 0 : target.version,
        }
        return mode === 'plan' ? await api.analytics.planTarget(input, { requestId: requestId.current }) : await api.analytics.setTarget(input, { requestId: requestId.current })
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          setConflict(true)
          requestId.current = newRequestId()
          await onConflict()
        }
        throw e
      }
    },
    (saved) => {
      toastSuccess(mode === 'plan' ? '下期目标已设定' : '本期目标已修改')
      requestId.current = newRequestId()
      onSaved(saved)
    },
  )
  const hint = unitHint(target)
  return (
    <View className={`target-form target-form--${target.kpi} target-form--${mode}`}>
      <Text className='target-form__period'>
        {mode === 'plan'
          ? `设定${target.period?.nextLabel ?? '下期'}的目标：到期自动生效，此前本期目标不变`
          : `修改${target.period?.currentLabel ?? '本期'}已生效的目标（管理员）：须写明原因，记入调整记录`}
      </Text>
      {conflict ? <Text className='target-form__conflict'>这个目标刚被其他人修改过，已显示最新的目标值；请确认后再保存。</Text> : null}
      <NumberField label='目标值' keyboard='digit' unit={hint} placeholder='必填' value={value} onChange={setValue} error={form.errors.value} className='field-value' />
      <NumberField label='黄灯容差' keyboard='digit' unit='%' placeholder='必填' value={tolerance} onChange={setTolerance} error={form.errors.tolerance} className='field-tolerance' />
      <Text className='target-form__label'>调整原因（必填，会记入调整记录）</Text>
      <TextAreaField className='field-reason' value={reason} onChange={setReason} schema={setTargetInput.shape.reason} placeholder='例如：行业头部完播率已到 55%' error={form.errors.reason} />
      <View className='target-form__actions'>
        <Button className='target-cancel' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button className='target-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          保存
        </Button>
      </View>
    </View>
  )
}
