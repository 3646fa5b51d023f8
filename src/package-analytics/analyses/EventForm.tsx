import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { MARKET_EVENTS, MARKET_EVENT_LABELS, reportEventInput, type AnalysisSummary, type MarketEvent } from '../../../core/analytics/alerts'
import { KPI_DEFS } from '../../../core/analytics/kpiDefs'
import { KPIS, type KpiKey } from '../../../core/analytics/schemas'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, FieldError, optionsOf, TextAreaField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'
import './EventForm.scss'

/** What the form starts with: 竞品 opens it as a competitor's move, named. */
export interface EventDraft {
  kind?: MarketEvent
  description?: string
  kpis?: KpiKey[]
}

/** 市场雷达: a manager records a major market event; it opens a special analysis for the KPIs it touches. */
export function EventForm(props: { onSaved: (a: AnalysisSummary) => void; onCancel: () => void; initial?: EventDraft; title?: string }) {
  const [kind, setKind] = useState<MarketEvent | undefined>(props.initial?.kind)
  const [description, setDescription] = useState(props.initial?.description ?? '')
  const [kpis, setKpis] = useState<KpiKey[]>(props.initial?.kpis ?? [])
  // One requestId per event: a retried tap never opens two analyses.
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.analytics.reportEvent({ kind: kind as MarketEvent, description, kpis }, { requestId: requestId.current }),
    (a) => {
      toastSuccess('已开启专项分析')
      requestId.current = newRequestId()
      props.onSaved(a)
    },
  )
  return (
    <View className='analytics-card event-form'>
      <Text className='analytics-card__title'>{props.title ?? '记录市场事件'}</Text>
      <Text className='event-form__label'>事件类型</Text>
      <ChoiceField value={kind} onChange={setKind} options={optionsOf(MARKET_EVENTS, MARKET_EVENT_LABELS)} optionClass='event-kind' error={form.errors.kind} />
      <Text className='event-form__label'>事件描述</Text>
      <TextAreaField className='field-description' value={description} onChange={setDescription} schema={reportEventInput.shape.description} placeholder='例如：平台调整推荐规则，完播权重上升' error={form.errors.description} />
      <Text className='event-form__label'>影响的指标（可多选）</Text>
      <Checkbox.Group className='event-form__kpis' value={kpis} onChange={(v) => setKpis(v as KpiKey[])} direction='horizontal'>
        {KPIS.map((k) => (
          <Checkbox key={k} className={`event-kpi event-kpi--${k}`} value={k} shape='button' label={KPI_DEFS[k].label} />
        ))}
      </Checkbox.Group>
      <FieldError message={form.errors.kpis} />
      <View className='event-form__actions'>
        <Button className='event-cancel' fill='outline' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='event-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          开启专项分析
        </Button>
      </View>
    </View>
  )
}
