import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { changeRiskScoreInput, type RiskDetail, type RiskView } from '../../../core/steering/riskSchemas'
import { RISK_LEVEL_LABELS, riskLevel, riskScore } from '../../../core/steering/risks'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, TextField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'

const RATING_OPTIONS = ['1', '2', '3', '4', '5'].map((r) => ({ value: r, label: r }))

/** 调整评分: a new likelihood and impact with the reason (required), kept in the risk's history. */
export function ScoreForm(props: { risk: RiskView; onSaved: (d: RiskDetail) => void; onCancel: () => void }) {
  const [likelihood, setLikelihood] = useState(String(props.risk.likelihood))
  const [impact, setImpact] = useState(String(props.risk.impact))
  const [reason, setReason] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.steering.changeRiskScore({ id: props.risk.id, version: props.risk.version, likelihood: Number(likelihood), impact: Number(impact), reason }, { requestId: requestId.current }),
    (saved) => {
      toastSuccess('评分已调整')
      requestId.current = newRequestId()
      props.onSaved(saved)
    },
  )
  const l = Number(likelihood)
  const i = Number(impact)
  return (
    <View className='analytics-card risk-form score-form'>
      <Text className='analytics-card__title'>调整评分</Text>
      <Text className='risk-form__label'>可能性</Text>
      <ChoiceField value={likelihood} onChange={setLikelihood} options={RATING_OPTIONS} optionClass='score-likelihood' error={form.errors.likelihood} />
      <Text className='risk-form__label'>影响程度</Text>
      <ChoiceField value={impact} onChange={setImpact} options={RATING_OPTIONS} optionClass='score-impact' error={form.errors.impact} />
      <Text className='score-form__preview'>{`调整后：评分 ${riskScore(l, i)}（${RISK_LEVEL_LABELS[riskLevel(l, i)]}），原为 ${props.risk.score}（${props.risk.levelLabel}）`}</Text>
      <Text className='risk-form__label'>原因（必填，记入变更记录）</Text>
      <TextField className='field-score-reason' value={reason} onChange={setReason} schema={changeRiskScoreInput.shape.reason} placeholder='例如：完播率连续两周红' error={form.errors.reason} />
      <View className='risk-form__actions'>
        <Button className='score-cancel' fill='outline' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='score-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          确认调整
        </Button>
      </View>
    </View>
  )
}
