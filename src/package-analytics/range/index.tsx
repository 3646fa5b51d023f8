import '../inputs'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, CalendarCard } from '@nutui/nutui-react-taro'
import { MAX_RANGE_DAYS } from '../../../core/analytics/range'
import { dayKey, isCalendarDay, type DayKey } from '../../../core/time/china'
import { deliverCustomRange } from '../../state/rangePick'
import { customRangeProblem } from '../../utils/analytics'
import { calendarDate as localDate, dayOfCalendarDate as keyOfDate } from '../../utils/content'
import './index.scss'

const dayParam = (v: string | undefined): DayKey | undefined => (v && isCalendarDay(v) ? v : undefined)

/**
 * 自定义范围: a range of at most 92 days picked on a calendar, for the range switcher of 看板, the funnel,
 * growth and KPI detail (src/state/rangePick.ts opens it and takes its answer).
 */
export default function RangePickerPage() {
  const params = useRouter().params
  const today = dayParam(params.today) ?? dayKey(new Date())
  const start = dayParam(params.from)
  const end = dayParam(params.to)
  const [picked, setPicked] = useState<Date[]>(start && end ? [localDate(start), localDate(end)] : [])
  const from = picked[0] ? keyOfDate(picked[0]) : undefined
  const to = picked[1] ? keyOfDate(picked[1]) : undefined
  const problem = from && to ? customRangeProblem(from, to) : null
  // Leaving without 确定 (back) answers "no range", so the page that asked stops waiting.
  useEffect(() => () => deliverCustomRange(null), [])

  return (
    <View className='page range-picker'>
      <CalendarCard
        className='range-calendar'
        type='range'
        firstDayOfWeek={1}
        value={picked}
        endDate={localDate(today)}
        onChange={(v) => setPicked(Array.isArray(v) ? v : v ? [v] : [])}
      />
      <Text className={`range-picker__hint ${problem ? 'range-picker__hint--error' : ''}`}>
        {problem ?? (from && to ? `${from} 至 ${to}` : `先点开始日，再点结束日（最长 ${MAX_RANGE_DAYS} 天）`)}
      </Text>
      <Button
        className='range-picker__confirm'
        type='primary'
        block
        disabled={!from || !to || Boolean(problem)}
        onClick={() => {
          if (!from || !to || problem) return
          deliverCustomRange({ from, to })
          void Taro.navigateBack()
        }}
      >
        确定
      </Button>
    </View>
  )
}
