import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, InputNumber } from '@nutui/nutui-react-taro'
import { DEFAULT_LAYER_SHARES, SHARE_LAYERS, type LayerShares, type ReviewPlanView } from '../../../core/content/meetings'
import { LAYER_LABELS } from '../../../core/content/labels'
import { formatPercent } from '../../../core/format'
import { FieldError } from '../../components/fields'
import { ROUTES, withQuery } from '../../routes'
import { monthTitle, shiftMonth } from '../../utils/content'
import { Section } from './parts'

export interface ReviewPlanProps {
  plan: ReviewPlanView | null
  /** The month the meeting is held in: the plan is for the next one. */
  meetingMonth: string
  editable: boolean
  saving: boolean
  errors: Record<string, string>
  onSave: (p: { month: string; layerShares: LayerShares; theme: string }) => void
}

/** 复盘会: next month's layer shares and theme; a change of the 基础认知 ceiling itself is a target, set on the targets page. */
export function ReviewPlan(props: ReviewPlanProps) {
  const month = props.plan?.month ?? shiftMonth(props.meetingMonth, 1)
  const [shares, setShares] = useState<LayerShares>(props.plan?.layerShares ?? DEFAULT_LAYER_SHARES)
  const [theme, setTheme] = useState(props.plan?.theme ?? '')
  useEffect(() => {
    if (props.plan) {
      setShares(props.plan.layerShares)
      setTheme(props.plan.theme)
    }
  }, [props.plan])
  const sum = shares.intro + shares.value + shares.story
  const target = props.plan?.introTarget
  const above = props.plan && target !== null && target !== undefined && props.plan.layerShares.intro / 100 > target
  return (
    <Section title={`${monthTitle(month)} 内容结构与主题`} className='review-plan'>
      {SHARE_LAYERS.map((l) => (
        <View key={l} className={`share-row share-row--${l}`}>
          <Text className='share-row__label'>{LAYER_LABELS[l]}</Text>
          <InputNumber className='share-row__input' value={shares[l]} min={0} max={100} step={5} disabled={!props.editable} onChange={(v) => setShares((s) => ({ ...s, [l]: Number(v) }))} />
          <Text className='share-row__unit'>%</Text>
        </View>
      ))}
      <Text className={`share-sum ${sum === 100 ? '' : 'share-sum--off'}`}>{`合计 ${sum}%`}</Text>
      <FieldError message={props.errors.layerShares} />
      <View className='theme-row'>
        <Text className='share-row__label'>月度主题</Text>
        <Input className='theme-input' value={theme} onChange={setTheme} placeholder='如：年终回馈' disabled={!props.editable} />
      </View>
      <FieldError message={props.errors.theme} />
      {target !== null && target !== undefined ? (
        <Text className={`intro-target ${above ? 'intro-target--above' : ''}`}>
          {`日历按「基础认知占比 ≤ ${formatPercent(target)}」检查结构${above ? '；本次计划高于这个目标，如需调整请到目标页修改并在决议里写明原因' : ''}`}
        </Text>
      ) : null}
      <Text className='target-link' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.targets, { kpi: 'introShare' }) })}>
        调整辅助目标 ›
      </Text>
      {props.editable ? (
        <Button className='review-plan-save' block type='primary' fill='outline' loading={props.saving} disabled={props.saving || sum !== 100} onClick={() => props.onSave({ month, layerShares: shares, theme: theme.trim() })}>
          保存下月结构与主题
        </Button>
      ) : null}
    </Section>
  )
}
