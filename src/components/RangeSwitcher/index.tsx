import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, CalendarCard, Popup } from '@nutui/nutui-react-taro'
import { RANGE_KINDS, MAX_RANGE_DAYS, type RangeKind } from '../../../core/analytics/range'
import type { DayKey } from '../../../core/time/china'
import { customRangeProblem, RANGE_LABELS, type RangeChoice } from '../../utils/analytics'
import './index.scss'

// CalendarCard works with the phone's local Date; only its year/month/date are read, so no zone shifts.
const localDate = (day: DayKey) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
const pad = (n: number) => String(n).padStart(2, '0')
const keyOfDate = (d: Date): DayKey => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

export interface RangeSwitcherProps {
  value: RangeChoice
  onChange: (choice: RangeChoice) => void
  /** The range the function resolved, e.g. "本周 11-23 至 11-29". */
  label?: string
  /** Latest day that can be picked (today, China time). */
  today: DayKey
}

/** 今日 / 本周 / 本月 / 自定义 (a range of at most 92 days picked on a calendar). */
export function RangeSwitcher(props: RangeSwitcherProps) {
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<Date[]>([])
  const from = picked[0] ? keyOfDate(picked[0]) : undefined
  const to = picked[1] ? keyOfDate(picked[1]) : undefined
  const problem = from && to ? customRangeProblem(from, to) : null

  const choose = (kind: RangeKind) => {
    if (kind === 'custom') {
      setPicked(props.value.kind === 'custom' && props.value.from && props.value.to ? [localDate(props.value.from), localDate(props.value.to)] : [])
      setOpen(true)
    } else props.onChange({ kind })
  }

  return (
    <View className='range-switcher'>
      <View className='range-switcher__tabs'>
        {RANGE_KINDS.map((k) => (
          <View
            key={k}
            className={`range-tab range-tab--${k} ${props.value.kind === k ? 'range-tab--active' : ''}`}
            onClick={() => choose(k)}
          >
            <Text>{RANGE_LABELS[k]}</Text>
          </View>
        ))}
      </View>
      {props.label ? <Text className='range-switcher__label'>{props.label}</Text> : null}
      <Popup className='range-sheet' visible={open} position='bottom' round closeable title='自定义范围' onClose={() => setOpen(false)}>
        <View className='range-sheet__body'>
          <CalendarCard
            className='range-calendar'
            type='range'
            firstDayOfWeek={1}
            value={picked}
            endDate={localDate(props.today)}
            onChange={(v) => setPicked(Array.isArray(v) ? v : v ? [v] : [])}
          />
          <Text className={`range-sheet__hint ${problem ? 'range-sheet__hint--error' : ''}`}>
            {problem ?? (from && to ? `${from} 至 ${to}` : `先点开始日，再点结束日（最长 ${MAX_RANGE_DAYS} 天）`)}
          </Text>
          <Button
            className='range-sheet__confirm'
            type='primary'
            block
            disabled={!from || !to || Boolean(problem)}
            onClick={() => {
              if (!from || !to || problem) return
              setOpen(false)
              props.onChange({ kind: 'custom', from, to })
            }}
          >
            确定
          </Button>
        </View>
      </Popup>
    </View>
  )
}
