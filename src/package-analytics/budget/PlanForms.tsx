import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BUDGET_CATEGORIES, budgetCategoryLabel, type BudgetCategory } from '../../../core/steering/budget'
import { adjustBudgetInput, type BudgetView } from '../../../core/steering/budgetSchemas'
import { formatMoney } from '../../../core/format'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, TextField } from '../../components/fields'
import { FieldGroup, NumberField } from '../../components/ResultsFields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'
import { yuanToFen } from '../../utils/analytics'
import { CATEGORY_OPTIONS, fenOf } from './SpendForm'

const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))

/**
 * 制定月度预算: a month's first plan per category (amounts in 元). A category already planned shows its
 * plan and is changed only by 弹性调整, which asks why.
 */
export function PlanForm(props: { view: BudgetView; month: number; onMonth: (m: number) => void; onSaved: (v: BudgetView) => void }) {
  const [amounts, setAmounts] = useState<Partial<Record<BudgetCategory, string>>>({})
  const requestId = useRef(newRequestId())
  const planned = props.view.months[props.month - 1]?.lines ?? []
  const plannedOf = (c: BudgetCategory) => planned.find((l) => l.category === c)?.planFen ?? null
  const form = useFormAction(
    async () => {
      const out: Partial<Record<BudgetCategory, number>> = {}
      for (const c of BUDGET_CATEGORIES) {
        const text = amounts[c]
        if (!text?.trim()) continue
        const fen = yuanToFen(text)
        if (fen === undefined || Number.isNaN(fen)) throw new ApiError('VALIDATION', '计划金额：请输入金额（元，最多两位小数）', [{ path: `amounts.${c}`, message: '计划金额：请输入金额（元，最多两位小数）' }])
        out[c] = fen
      }
      return api.steering.setBudgetPlan({ year: props.view.year, month: props.month, amounts: out }, { requestId: requestId.current })
    },
    (view) => {
      toastSuccess('已保存预算')
      requestId.current = newRequestId()
      setAmounts({})
      props.onSaved(view)
    },
  )
  return (
    <FieldGroup title={`制定 ${props.view.year} 年月度预算`} className='budget-form plan-form'>
      <ChoiceField value={String(props.month)} onChange={(v) => props.onMonth(Number(v))} options={MONTH_OPTIONS} optionClass='plan-month' />
      {BUDGET_CATEGORIES.map((c) => {
        const done = plannedOf(c)
        return done === null ? (
          <NumberField key={c} label={budgetCategoryLabel(c)} unit='元' keyboard='digit' value={amounts[c] ?? ''} onChange={(v) => setAmounts((a) => ({ ...a, [c]: v }))} error={form.errors[`amounts.${c}`]} className={`field-plan-${c}`} />
        ) : (
          <View key={c} className={`plan-done plan-done--${c}`}>
            <Text className='plan-done__name'>{budgetCategoryLabel(c)}</Text>
            <Text className='plan-done__value'>{formatMoney(done)}</Text>
          </View>
        )
      })}
      {form.errors.amounts ? <Text className='budget-form__error'>{form.errors.amounts}</Text> : null}
      <Text className='budget-form__hint'>已定的科目要改，请用下面的「弹性调整」并写明原因。</Text>
      <Button className='plan-submit' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        保存预算
      </Button>
    </FieldGroup>
  )
}

/** 弹性调整: one month and category to a new amount, with the reason kept in the history. */
export function AdjustForm(props: { view: BudgetView; month: number; onSaved: (v: BudgetView) => void }) {
  const [category, setCategory] = useState<BudgetCategory | undefined>()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const requestId = useRef(newRequestId())
  const current = category ? props.view.months[props.month - 1]?.lines.find((l) => l.category === category)?.planFen ?? null : null
  const form = useFormAction(
    async () => {
      if (!category) throw new ApiError('VALIDATION', '预算科目：必填', [{ path: 'category', message: '预算科目：必填' }])
      const amountFen = fenOf(amount, 'amountFen', '调整后金额')
      return api.steering.adjustBudget({ year: props.view.year, month: props.month, category, amountFen, reason }, { requestId: requestId.current })
    },
    (view) => {
      toastSuccess('已调整')
      requestId.current = newRequestId()
      setAmount('')
      setReason('')
      props.onSaved(view)
    },
  )
  return (
    <FieldGroup title={`弹性调整 · ${props.month}月`} className='budget-form adjust-form'>
      <ChoiceField value={category} onChange={setCategory} options={CATEGORY_OPTIONS} optionClass='adjust-category' error={form.errors.category} />
      <NumberField label='调整后金额' unit='元' keyboard='digit' placeholder='必填' reference={category ? `现为 ${formatMoney(current)}` : undefined} value={amount} onChange={setAmount} error={form.errors.amountFen} className='field-adjust-amount' />
      <TextField className='field-adjust-reason' value={reason} onChange={setReason} schema={adjustBudgetInput.shape.reason} placeholder='调整原因（必填）' error={form.errors.reason} />
      <Button className='adjust-submit' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        保存调整
      </Button>
    </FieldGroup>
  )
}
