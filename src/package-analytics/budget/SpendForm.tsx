import { useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { budgetCategoryLabel, BUDGET_CATEGORIES, type BudgetCategory } from '../../../core/steering/budget'
import { logBudgetSpendInput } from '../../../core/steering/budgetSchemas'
import { formatMoney } from '../../../core/format'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, TextField } from '../../components/fields'
import { DayChips, FieldGroup, NumberField } from '../../components/ResultsFields'
import { useFormAction } from '../../hooks/useFormAction'
import { recentDays } from '../../package-results/lib/days'
import { yuanToFen } from '../../utils/analytics'
import { today } from '../../utils/content'
import { toastSuccess } from '../../utils/feedback'

export const CATEGORY_OPTIONS = BUDGET_CATEGORIES.map((c) => ({ value: c, label: budgetCategoryLabel(c) }))

/** Amount in 元 as typed → fen, or a field error the form shows under the amount. */
export function fenOf(text: string, path: string, label: string): number {
  const fen = yuanToFen(text)
  if (fen === undefined) throw new ApiError('VALIDATION', `${label}：必填`, [{ path, message: `${label}：必填` }])
  if (Number.isNaN(fen)) throw new ApiError('VALIDATION', `${label}：请输入金额（元，最多两位小数）`, [{ path, message: `${label}：请输入金额（元，最多两位小数）` }])
  return fen
}

/** 记录实际花费: a day, a category, an amount; correcting the day's entry asks why. One requestId per entry. */
export function SpendForm(props: { onSaved: () => void }) {
  const [date, setDate] = useState(today())
  const [category, setCategory] = useState<BudgetCategory | undefined>('promo_ads')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    async () => {
      const amountFen = fenOf(amount, 'amountFen', '实际花费')
      if (!category) throw new ApiError('VALIDATION', '预算科目：必填', [{ path: 'category', message: '预算科目：必填' }])
      return api.steering.logBudgetSpend({ date, category, amountFen, ...(reason.trim() ? { reason } : {}) }, { requestId: requestId.current })
    },
    (saved) => {
      toastSuccess(`已记录 ${formatMoney(saved.amountFen)}`)
      requestId.current = newRequestId()
      setAmount('')
      setReason('')
      props.onSaved()
    },
  )
  return (
    <FieldGroup title='记录实际花费' className='budget-form spend-form'>
      <DayChips options={recentDays(new Date())} value={date} onChange={setDate} error={form.errors.date} className='spend-day' />
      <ChoiceField value={category} onChange={setCategory} options={CATEGORY_OPTIONS} optionClass='spend-category' error={form.errors.category} />
      <NumberField label='金额' unit='元' keyboard='digit' placeholder='必填' value={amount} onChange={setAmount} error={form.errors.amountFen} className='field-spend-amount' />
      <TextField className='field-spend-reason' value={reason} onChange={setReason} schema={logBudgetSpendInput.shape.reason} placeholder='更正原因（同一天同一科目再次记录时必填）' error={form.errors.reason} />
      <Text className='budget-form__hint'>广告投放即看板「粉丝增长」里的投流花费，两处记录的是同一笔。</Text>
      <Button className='spend-submit' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        保存花费
      </Button>
    </FieldGroup>
  )
}
