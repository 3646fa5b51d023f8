import { Text, View } from '@tarojs/components'
import type { DayCell, WeekView } from '../../../core/content/calendar'
import type { Mix, MixCheck } from '../../../core/content/mix'
import { LAYERS, LAYER_LABELS } from '../../../core/content/labels'
import type { ItemCard } from '../../../core/content/schemas'
import { formatPercent } from '../../../core/format'
import type { DayKey } from '../../../core/time/china'
import { cadencePercent, dayTitle, emptyDaysText, introCheckText } from '../../utils/content'
import { ItemRow } from '../ItemRow'
import './index.scss'

/** The layer mix as one stacked bar with its intro-share check below; red when the plan drifts. */
export function MixBar(props: { mix: Mix; check: MixCheck }) {
  const { mix, check } = props
  return (
    <View className='mix-bar'>
      <View className='mix-bar__track'>
        {mix.total === 0 ? null : LAYERS.map((l) => (
          <View key={l} className={`mix-bar__part mix-bar__part--${l}`} style={{ width: `${(mix.layer[l].share ?? 0) * 100}%` }} />
        ))}
      </View>
      <View className='mix-bar__legend'>
        {LAYERS.map((l) => (
          <Text key={l} className={`mix-bar__key mix-bar__key--${l}`}>{`${LAYER_LABELS[l]} ${formatPercent(mix.layer[l].share)}`}</Text>
        ))}
      </View>
      <Text className={`mix-check ${check.drift ? 'mix-check--drift' : 'mix-check--ok'}`}>
        {check.drift ? `${introCheckText(check)}，产品介绍偏多` : introCheckText(check)}
      </Text>
    </View>
  )
}

export interface WeekSummaryProps {
  week: WeekView
  /** '本周' for the current week, '第48周' for another. */
  label: string
}

/** Cadence progress against the weekly target, the days with nothing planned, and the week's mix. */
export function WeekSummary({ week, label }: WeekSummaryProps) {
  const { cadence } = week
  const empty = emptyDaysText(week.emptyDays)
  return (
    <View className='week-summary'>
      <View className='week-summary__cadence'>
        <Text className='week-cadence'>{`${label} ${cadence.count}/${cadence.target} 条`}</Text>
        <Text className={`week-summary__met ${cadence.met ? 'week-summary__met--yes' : ''}`}>
          {cadence.met ? '已达成发布节奏' : `还差 ${cadence.target - cadence.count} 条`}
        </Text>
      </View>
      <View className='cadence-bar'>
        <View
          className={`cadence-bar__fill ${cadence.met ? 'cadence-bar__fill--met' : ''}`}
          style={{ width: `${cadencePercent(cadence.count, cadence.target)}%` }}
        />
      </View>
      {empty ? <Text className='week-empty-days'>{empty}</Text> : null}
      <MixBar mix={week.mix} check={week.mixCheck} />
    </View>
  )
}

export interface WeekDaysProps {
  days: readonly DayCell[]
  today: DayKey
  onDayTap: (day: DayKey) => void
  onOpenItem: (item: ItemCard) => void
}

/** Seven day rows, Monday first, each with every item of the day; a day without a plan says so. */
export function WeekDays({ days, today, onDayTap, onOpenItem }: WeekDaysProps) {
  return (
    <View className='week-days'>
      {days.map((cell) => (
        <View key={cell.day} className={`week-day week-day--${cell.day} ${cell.day === today ? 'week-day--today' : ''}`}>
          <View className='week-day__head' onClick={() => onDayTap(cell.day)}>
            <Text className='week-day__title'>{dayTitle(cell.day)}</Text>
            {cell.day === today ? <Text className='week-day__today'>今天</Text> : null}
            <Text className='week-day__count'>{cell.items.length ? `${cell.items.length + cell.more} 条` : '未排期'}</Text>
          </View>
          {cell.items.map((item) => (
            <ItemRow key={item.id} item={item} onOpen={onOpenItem} />
          ))}
          {cell.more > 0 ? (
            <Text className='week-day__more' onClick={() => onDayTap(cell.day)}>
              {`还有 ${cell.more} 条`}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
