import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { closeAnalysisInput, DECISIONS, DECISION_LABELS, type AnalysisView, type Decision } from '../../../core/analytics/alerts'
import { KPI_DEFS } from '../../../core/analytics/kpiDefs'
import type { KpiKey } from '../../../core/analytics/schemas'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, FieldError, optionsOf, TextAreaField } from '../../components/fields'
import { NumberField } from '../../components/ResultsFields'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { targetFromInput, targetText, targetToInput, unitHint } from '../../utils/analytics'
import { toastSuccess } from '../../utils/feedback'

/**
 * Closes a special analysis: findings and one decision — 维持目标, 调整目标 (new value + reason, recorded
 * as a target revision linked to this analysis) or 行动 (ideas from the topic library put to work).
 */
export function DecisionForm({ analysis, onClosed, onConflict }: { analysis: AnalysisView; onClosed: (a: AnalysisView) => void; onConflict: () => Promise<void> }) {
  const [findings, setFindings] = useState('')
  const [decision, setDecision] = useState<Decision | undefined>()
  const [kpi, setKpi] = useState<KpiKey>(analysis.kpis[0])
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const [itemIds, setItemIds] = useState<string[]>([])
  const targets = useApiQuery(() => api.analytics.targets({}), [], { enabled: decision === 'adjust' })
  const ideas = useApiQuery(() => api.content.listIdeas({ offset: 0 }), [], { enabled: decision === 'action' })
  const current = targets.data?.find((t) => t.kpi === kpi)
  const unit = KPI_DEFS[kpi].unit
  // One requestId per decision: a retried tap never records it twice.
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    async () => {
      try {
        return await api.analytics.closeAnalysis(
          {
            id: analysis.id,
            findings,
            decision: decision as Decision,
            ...(decision === 'adjust' ? { kpi, value: value.trim() === '' ? undefined : targetFromInput(value, unit), reason: reason.trim() === '' ? undefined : reason } : {}),
            ...(decision === 'action' ? { itemIds } : {}),
            version: analysis.version,
          },
          { requestId: requestId.current },
        )
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          requestId.current = newRequestId()
          await onConflict()
        }
        throw e
      }
    },
    (closed) => {
      toastSuccess('专项分析已结案')
      onClosed(closed)
    },
  )
  return (
    <View className='analytics-card decision-form'>
      <Text className='analytics-card__title'>分析结论与决定</Text>
      <TextAreaField className='field-findings' value={findings} onChange={setFindings} schema={closeAnalysisInput.innerType().shape.findings} placeholder='例如：开头 3 秒流失高，新品介绍类视频完播明显偏低' error={form.errors.findings} />
      <Text className='decision-form__label'>决定</Text>
      <ChoiceField value={decision} onChange={setDecision} options={optionsOf(DECISIONS, DECISION_LABELS)} optionClass='decision-kind' error={form.errors.decision} />
      {decision === 'adjust' ? (
        <View className='decision-form__adjust'>
          {analysis.kpis.length > 1 ? (
            <ChoiceField value={kpi} onChange={setKpi} options={analysis.kpis.map((k) => ({ value: k, label: KPI_DEFS[k].label }))} optionClass='decision-kpi' error={form.errors.kpi} />
          ) : null}
          <Text className='decision-form__current'>{current ? `当前目标值：${targetText(current.value, current)}（${current.horizon}）` : '正在读取当前目标…'}</Text>
          <NumberField label='新目标值' keyboard='digit' unit={current ? unitHint(current) : ''} placeholder={current ? targetToInput(current.value, unit) : '必填'} value={value} onChange={setValue} error={form.errors.value} className='field-value' />
          <Text className='decision-form__label'>调整原因（记入目标调整记录）</Text>
          <TextAreaField className='field-reason' value={reason} onChange={setReason} placeholder='例如：行业完播率整体下滑，本季度先守住 38%' error={form.errors.reason} />
        </View>
      ) : null}
      {decision === 'action' ? (
        <View className='decision-form__action'>
          <Text className='decision-form__label'>从选题库选择要执行的选题（最多 10 条）</Text>
          {ideas.data ? (
            ideas.data.items.length ? (
              <Checkbox.Group className='decision-form__ideas' value={itemIds} onChange={(v) => setItemIds(v as string[])}>
                {ideas.data.items.slice(0, 20).map((i) => (
                  <Checkbox key={i.id} className='decision-idea' value={i.id} label={i.title} />
                ))}
              </Checkbox.Group>
            ) : (
              <Text className='decision-form__current'>选题库还没有选题：先在「日历 → 选题库」添加，再回来选择。</Text>
            )
          ) : (
            <Text className='decision-form__current'>正在读取选题库…</Text>
          )}
          <FieldError message={form.errors.itemIds} />
        </View>
      ) : null}
      <Button className='decision-save' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        结案
      </Button>
    </View>
  )
}
