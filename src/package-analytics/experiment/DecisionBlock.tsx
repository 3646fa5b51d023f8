import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DECISION_CHOICES, DECISION_LABELS, VARIANT_KEYS, decideExperimentInput, type DecisionChoice, type ExperimentView } from '../../../core/research/experiments'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, optionsOf, TextAreaField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'

type VariantKey = (typeof VARIANT_KEYS)[number]

/** What was decided, by whom, with the learning. */
export function DecisionShown({ x }: { x: ExperimentView }) {
  const d = x.decision!
  const v = x.variants.find((o) => o.key === d.variantKey)
  return (
    <View className='analytics-card experiment-decision'>
      <Text className='analytics-card__title'>{`决策 · ${d.choiceLabel}${v ? ` ${v.key}（${v.name}）` : ''}`}</Text>
      <Text className='analytics-card__text experiment-decision__learning'>{`结论与经验：${d.learning}`}</Text>
      <Text className='experiment-decision__meta'>{`${d.byName} 于 ${formatDateTime(d.at)} 记录`}</Text>
    </View>
  )
}

/** A manager records 采用 (which variant) / 放弃 / 再测, with what the team learnt. */
export function DecisionForm({ x, onDone, onConflict }: { x: ExperimentView; onDone: (x: ExperimentView) => void; onConflict: () => Promise<void> }) {
  const [choice, setChoice] = useState<DecisionChoice | undefined>()
  const [variantKey, setVariantKey] = useState<string | undefined>(x.verdict.winner ?? undefined)
  const [learning, setLearning] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    async () => {
      try {
        return await api.research.decideExperiment(
          { id: x.id, version: x.version, choice: choice as DecisionChoice, ...(choice === 'adopt' && variantKey ? { variantKey: variantKey as VariantKey } : {}), learning },
          { requestId: requestId.current },
        )
      } catch (e) {
        if (e instanceof ApiError) requestId.current = newRequestId()
        if (e instanceof ApiError && e.code === 'CONFLICT') await onConflict()
        throw e
      }
    },
    (done) => {
      toastSuccess('决策已记录')
      onDone(done)
    },
  )
  return (
    <View className='analytics-card decision-form experiment-decide'>
      <Text className='analytics-card__title'>记录决策</Text>
      <ChoiceField value={choice} onChange={setChoice} options={optionsOf(DECISION_CHOICES, DECISION_LABELS)} optionClass='experiment-choice' error={form.errors.choice} />
      {choice === 'adopt' ? (
        <ChoiceField value={variantKey} onChange={setVariantKey} options={x.variants.map((v) => ({ value: v.key, label: `${v.key} · ${v.name}` }))} optionClass='experiment-adopt' error={form.errors.variantKey} />
      ) : null}
      <Text className='decision-form__label'>结论与经验</Text>
      <TextAreaField className='field-learning' value={learning} onChange={setLearning} schema={decideExperimentInput.innerType().shape.learning} placeholder='例如：发布后 3 分钟推送打开率更高，今后统一在发布后立即推送' error={form.errors.learning} />
      <Button className='experiment-decide__save' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        记录决策
      </Button>
    </View>
  )
}
