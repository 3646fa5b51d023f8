import { useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { KPI_DEFS } from '../../../core/analytics/kpiDefs'
import { KPIS, type KpiKey } from '../../../core/analytics/schemas'
import { createRiskInput, type RiskDetail, type RiskView } from '../../../core/steering/riskSchemas'
import { RISK_CATEGORIES, RISK_CATEGORY_LABELS, RISK_SIGNALS, RISK_SIGNAL_LABELS, type RiskCategory, type RiskSignalKind } from '../../../core/steering/risks'
import { addDays, dayKey } from '../../../core/time/china'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, FieldError, optionsOf, TextAreaField, TextField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'

const RATINGS = ['1', '2', '3', '4', '5'] as const
const RATING_OPTIONS = RATINGS.map((r) => ({ value: r, label: r }))
const SIGNAL_OPTIONS = [{ value: 'none' as const, label: '不关联' }, ...optionsOf(RISK_SIGNALS, RISK_SIGNAL_LABELS)]
const KPI_LABELS = KPIS.map((k) => KPI_DEFS[k].label)
const shape = createRiskInput.innerType().shape

export type RiskFormMode = 'create' | 'propose' | 'edit'

/**
 * 登记风险 (a manager), 提议风险 (an operator: it waits as 待评估) or 编辑 (everything but the score and the
 * status, which change with their own reasoned actions on the risk's page).
 */
export function RiskForm(props: { mode: RiskFormMode; owners: { id: string; name: string }[]; risk?: RiskView; onSaved: (d: RiskDetail) => void; onCancel: () => void }) {
  const r = props.risk
  const [category, setCategory] = useState<RiskCategory | undefined>(r?.category)
  const [title, setTitle] = useState(r?.title ?? '')
  const [description, setDescription] = useState(r?.description ?? '')
  const [likelihood, setLikelihood] = useState<string | undefined>()
  const [impact, setImpact] = useState<string | undefined>()
  const [ownerId, setOwnerId] = useState<string | undefined>(r?.ownerId)
  const [plan, setPlan] = useState(r?.plan ?? '')
  const [trigger, setTrigger] = useState(r?.trigger ?? '')
  const [signal, setSignal] = useState<RiskSignalKind | 'none'>(r?.signal ?? 'none')
  const [kpi, setKpi] = useState<KpiKey | undefined>(r?.kpi ?? undefined)
  const [reviewDay, setReviewDay] = useState(r?.reviewDay ?? addDays(dayKey(new Date()), 14))
  // 指标预警 starts on 完播率, the plan's own example ("完播率连续两周红"); the picker changes it.
  const pickSignal = (v: RiskSignalKind | 'none') => {
    setSignal(v)
    if (v === 'kpi' && !kpi) setKpi('completionRate')
  }
  const requestId = useRef(newRequestId())
  const texts = { title, description, plan, trigger, signal, reviewDay, ...(signal === 'kpi' && kpi ? { kpi } : {}) }
  const form = useFormAction(
    () => {
      const opts = { requestId: requestId.current }
      if (props.mode === 'edit') return api.steering.updateRisk({ id: r!.id, version: r!.version, ...texts, ...(category ? { category } : {}), ...(ownerId ? { ownerId } : {}) }, opts)
      const input = { ...texts, category: category as RiskCategory, likelihood: Number(likelihood), impact: Number(impact) }
      return props.mode === 'create' ? api.steering.createRisk({ ...input, ownerId: ownerId ?? '' }, opts) : api.steering.proposeRisk({ ...input, ...(ownerId ? { ownerId } : {}) }, opts)
    },
    (saved) => {
      toastSuccess(props.mode === 'edit' ? '已保存' : props.mode === 'create' ? '已登记' : '已提议，等待主管评估')
      requestId.current = newRequestId()
      props.onSaved(saved)
    },
  )
  const heading = props.mode === 'edit' ? '编辑风险' : props.mode === 'create' ? '登记风险' : '提议风险'
  return (
    <View className='analytics-card risk-form'>
      <Text className='analytics-card__title'>{heading}</Text>
      <Text className='risk-form__label'>风险类别</Text>
      <ChoiceField value={category} onChange={setCategory} options={optionsOf(RISK_CATEGORIES, RISK_CATEGORY_LABELS)} optionClass='risk-category' error={form.errors.category} />
      <Text className='risk-form__label'>风险名称</Text>
      <TextField className='field-risk-title' value={title} onChange={setTitle} schema={shape.title} placeholder='例如：平台内容审核趋严' error={form.errors.title} />
      <Text className='risk-form__label'>风险描述（选填）</Text>
      <TextAreaField className='field-risk-description' value={description} onChange={setDescription} schema={shape.description} placeholder='会发生什么、影响哪些工作' error={form.errors.description} />
      {props.mode === 'edit' ? null : (
        <>
          <Text className='risk-form__label'>可能性（1 很低 — 5 很高）</Text>
          <ChoiceField value={likelihood} onChange={setLikelihood} options={RATING_OPTIONS} optionClass='risk-likelihood' error={form.errors.likelihood} />
          <Text className='risk-form__label'>影响程度（1 很小 — 5 很大）</Text>
          <ChoiceField value={impact} onChange={setImpact} options={RATING_OPTIONS} optionClass='risk-impact' error={form.errors.impact} />
        </>
      )}
      <Text className='risk-form__label'>{props.mode === 'propose' ? '负责人（不选则为自己）' : '负责人'}</Text>
      <ChoiceField value={ownerId} onChange={setOwnerId} options={props.owners.map((o) => ({ value: o.id, label: o.name }))} optionClass='risk-owner' error={form.errors.ownerId} />
      <Text className='risk-form__label'>应对预案（选填）</Text>
      <TextAreaField className='field-risk-plan' value={plan} onChange={setPlan} schema={shape.plan} placeholder='发生时怎么办、谁来做' error={form.errors.plan} />
      <Text className='risk-form__label'>触发指标（选填）</Text>
      <TextField className='field-risk-trigger' value={trigger} onChange={setTrigger} schema={shape.trigger} placeholder='例如：完播率连续两周红' error={form.errors.trigger} />
      <Text className='risk-form__label'>关联信号（出现时建议调高可能性）</Text>
      <ChoiceField value={signal} onChange={pickSignal} options={SIGNAL_OPTIONS} optionClass='risk-signal' error={form.errors.signal} />
      {signal === 'kpi' ? (
        <Picker mode='selector' range={KPI_LABELS} value={kpi ? KPIS.indexOf(kpi) : 0} onChange={(e) => setKpi(KPIS[Number(e.detail.value)])}>
          <View className='risk-form__picker risk-kpi'>
            <Text className='risk-form__picker-label'>关联指标</Text>
            <Text className='risk-form__picker-value'>{kpi ? KPI_DEFS[kpi].label : '请选择'}</Text>
          </View>
        </Picker>
      ) : null}
      {signal === 'kpi' ? <FieldError message={form.errors.kpi} /> : null}
      <Picker mode='date' value={reviewDay} onChange={(e) => setReviewDay(String(e.detail.value))}>
        <View className='risk-form__picker risk-review-day'>
          <Text className='risk-form__picker-label'>复查日期</Text>
          <Text className='risk-form__picker-value'>{reviewDay}</Text>
        </View>
      </Picker>
      <FieldError message={form.errors.reviewDay} />
      <View className='risk-form__actions'>
        <Button className='risk-cancel' fill='outline' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='risk-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          {props.mode === 'edit' ? '保存' : props.mode === 'create' ? '登记' : '提议'}
        </Button>
      </View>
    </View>
  )
}
