import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { KPI_DEFS } from '../../../core/analytics/kpiDefs'
import { KPIS, type KpiKey } from '../../../core/analytics/schemas'
import { saveDecisionInput, type DecisionView } from '../../../core/content/meetings'
import { addDays, type DayKey } from '../../../core/time/china'
import { ChoiceField, FieldError, TextAreaField } from '../../components/fields'
import { DayStepper } from './parts'

/** The auxiliary (monthly) KPIs a 复盘会 may decide to change; the change itself is made on the targets page. */
const MONTHLY_KPIS = KPIS.filter((k) => KPI_DEFS[k].reviewedEvery === 'month')

export interface DecisionDraft {
  decisionId?: string
  text: string
  ownerId: string
  dueDay: DayKey
  kpi?: KpiKey
}

export interface DecisionSheetProps {
  visible: boolean
  /** The decision being edited, or undefined for a new one. */
  editing?: DecisionView
  members: { id: string; name: string }[]
  today: DayKey
  /** 复盘会: a decision may be about an auxiliary target (its reason is the text). */
  withTarget: boolean
  saving: boolean
  errors: Record<string, string>
  onSave: (d: DecisionDraft) => void
  onRemove: (decisionId: string) => void
  onClose: () => void
}

/** Adds or edits one decision: what, who (any member, field staff too) and by when. */
export function DecisionSheet(props: DecisionSheetProps) {
  const [text, setText] = useState('')
  const [ownerId, setOwnerId] = useState('')
  const [dueDay, setDueDay] = useState(props.today)
  const [kpi, setKpi] = useState<KpiKey | ''>('')
  useEffect(() => {
    if (!props.visible) return
    setText(props.editing?.text ?? '')
    setOwnerId(props.editing?.ownerId ?? '')
    setDueDay(props.editing?.dueDay ?? addDays(props.today, 3))
    setKpi(props.editing?.kpi ?? '')
  }, [props.visible, props.editing, props.today])

  const owners = props.members.map((m) => ({ value: m.id, label: m.name }))
  return (
    <Popup className='decision-sheet' visible={props.visible} position='bottom' round closeable title={props.editing ? '编辑决议' : '添加决议'} onClose={props.onClose}>
      <View className='decision-sheet__body'>
        <TextAreaField className='field-decision-text' value={text} onChange={setText} placeholder='决定了什么，要做什么' schema={saveDecisionInput.shape.text} error={props.errors.text} />
        <Text className='sheet-label'>负责人</Text>
        <ChoiceField options={owners} optionClass='decision-owner' className='field-decision-owner' value={ownerId} onChange={setOwnerId} error={props.errors.ownerId} />
        <Text className='sheet-label'>截止日期</Text>
        <DayStepper className='decision-due' day={dueDay} min={props.today} onChange={setDueDay} />
        <FieldError message={props.errors.dueDay} />
        {props.withTarget ? (
          <>
            <Text className='sheet-label'>调整辅助目标（选填：决议内容写原因，目标在目标页修改）</Text>
            <ChoiceField
              options={[{ value: '' as KpiKey | '', label: '不涉及' }, ...MONTHLY_KPIS.map((k) => ({ value: k as KpiKey | '', label: KPI_DEFS[k].label }))]}
              optionClass='decision-kpi'
              value={kpi}
              onChange={setKpi}
            />
          </>
        ) : null}
        <Button
          className='decision-save'
          block
          type='primary'
          loading={props.saving}
          disabled={props.saving || !text.trim() || !ownerId}
          onClick={() => props.onSave({ decisionId: props.editing?.id, text: text.trim(), ownerId, dueDay, kpi: kpi || undefined })}
        >
          保存决议
        </Button>
        {props.editing ? (
          <Button className='decision-remove' block fill='none' type='danger' disabled={props.saving} onClick={() => props.onRemove(props.editing!.id)}>
            删除这条决议
          </Button>
        ) : null}
      </View>
    </Popup>
  )
}
