import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CLASS_WORDS } from '../../../core/analytics/periods'
import { setBaselineInput, setKpiSettingInput, type TargetView } from '../../../core/analytics/targetSchemas'
import { mayOwnKpi } from '../../../core/roles'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, TextAreaField } from '../../components/fields'
import { NumberField } from '../../components/ResultsFields'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { targetFromInput, unitHint } from '../../utils/analytics'
import { errorMessage, toastSuccess } from '../../utils/feedback'

interface FormProps {
  target: TargetView
  onSaved: (saved: TargetView) => void
  onCancel: () => void
}

const CLASS_OPTIONS = (['quarter', 'month'] as const).map((value) => ({ value, label: `${CLASS_WORDS[value].name} · ${CLASS_WORDS[value].period}` }))
/** The default owner: no one named, the managers together. */
const MANAGERS = 'managers'

function Actions({ submitting, onCancel, onSave }: { submitting: boolean; onCancel: () => void; onSave: () => void }) {
  return (
    <View className='target-form__actions'>
      <Button className='target-cancel' fill='outline' onClick={onCancel}>
        取消
      </Button>
      <Button className='target-save' type='primary' loading={submitting} disabled={submitting} onClick={onSave}>
        保存
      </Button>
    </View>
  )
}

/** The admin's class (核心 per quarter / 辅助 per month) and owner of one KPI, with a reason on record. */
export function KpiSettingForm({ target, onSaved, onCancel }: FormProps) {
  const members = useApiQuery(() => api.team.listMembers({}), [])
  const [every, setEvery] = useState(target.reviewedEvery)
  const [owner, setOwner] = useState(target.ownerId ?? MANAGERS)
  const [reason, setReason] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.analytics.setKpiSetting({ kpi: target.kpi, reviewedEvery: every, ownerId: owner === MANAGERS ? null : owner, reason }, { requestId: requestId.current }),
    (saved) => {
      toastSuccess('已保存')
      requestId.current = newRequestId()
      onSaved(saved)
    },
  )
  // Owners close the special analyses, which managers and admins do.
  const eligible = (members.data ?? []).filter((m) => mayOwnKpi(m.roles))
  const ownerOptions = [{ value: MANAGERS, label: '全体主管' }, ...eligible.map((m) => ({ value: m.id, label: m.name }))]
  return (
    <View className={`target-form target-form--settings target-form--${target.kpi}`}>
      <Text className='target-form__period'>分类决定目标按季度还是按月设定；改分类后本期目标不变，已设定的下期目标需按新周期重新设定。</Text>
      <Text className='target-form__label'>目标分类</Text>
      <ChoiceField className='field-class' optionClass='kpi-class' value={every} options={CLASS_OPTIONS} onChange={setEvery} error={form.errors.reviewedEvery} />
      <Text className='target-form__label'>负责人（连续两周未达标时由其完成专项分析）</Text>
      {members.error ? <Text className='target-form__conflict'>{errorMessage(members.error)}</Text> : null}
      <ChoiceField className='field-owner' optionClass='kpi-owner' value={owner} options={ownerOptions} onChange={setOwner} error={form.errors.ownerId} />
      <Text className='target-form__label'>原因（必填，记入审计日志）</Text>
      <TextAreaField className='field-reason' value={reason} onChange={setReason} schema={setKpiSettingInput.shape.reason} placeholder='例如：投流占比关系到季度预算' error={form.errors.reason} />
      <Actions submitting={form.submitting} onCancel={onCancel} onSave={() => void form.submit(undefined)} />
    </View>
  )
}

/** A manager's baseline for a KPI whose weeks before the plan's start have no data, with where it comes from. */
export function BaselineForm({ target, onSaved, onCancel }: FormProps) {
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.analytics.setBaseline({ kpi: target.kpi, value: targetFromInput(value, target.unit), reason }, { requestId: requestId.current }),
    (saved) => {
      toastSuccess('基线已录入')
      requestId.current = newRequestId()
      onSaved(saved)
    },
  )
  return (
    <View className={`target-form target-form--baseline target-form--${target.kpi}`}>
      <Text className='target-form__period'>计划开始前没有数据可测时，由主管录入基线并写明来源；之后有了实测数据，以实测为准。</Text>
      <NumberField label='基线' keyboard='digit' unit={unitHint(target)} placeholder='必填' value={value} onChange={setValue} error={form.errors.value} className='field-baseline' />
      <Text className='target-form__label'>基线来源（必填）</Text>
      <TextAreaField className='field-reason' value={reason} onChange={setReason} schema={setBaselineInput.shape.reason} placeholder='例如：去年同期线下台账，月均咨询 1,200 次' error={form.errors.reason} />
      <Actions submitting={form.submitting} onCancel={onCancel} onSave={() => void form.submit(undefined)} />
    </View>
  )
}
