import { Text, View } from '@tarojs/components'
import { formatMoney } from '../../../core/format'
import type { BudgetMonthView } from '../../../core/steering/budgetSchemas'

/** Plan vs actual per month as rows: a month over its plan reads red, one with no plan shows "—". */
export function MonthTable(props: { months: BudgetMonthView[]; currentMonth: number | null }) {
  return (
    <View className='budget-months'>
      <View className='budget-months__row budget-months__row--head'>
        <Text className='budget-months__cell'>月份</Text>
        <Text className='budget-months__cell'>计划</Text>
        <Text className='budget-months__cell'>实际</Text>
        <Text className='budget-months__cell'>差额</Text>
      </View>
      {props.months.map((m) => (
        <View
          key={m.month}
          className={`budget-months__row budget-month budget-month--${m.month} ${m.over ? 'budget-month--over' : ''} ${m.month === props.currentMonth ? 'budget-month--current' : ''}`}
        >
          <Text className='budget-months__cell'>{m.label}</Text>
          <Text className='budget-months__cell'>{formatMoney(m.planFen)}</Text>
          <Text className='budget-months__cell budget-month__actual'>{formatMoney(m.actualFen)}</Text>
          <Text className='budget-months__cell budget-month__variance'>{m.varianceFen === null ? '—' : `${m.varianceFen > 0 ? '超' : '余'} ${formatMoney(Math.abs(m.varianceFen))}`}</Text>
        </View>
      ))}
    </View>
  )
}
