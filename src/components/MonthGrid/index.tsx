import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import type { DayCell, MonthView } from '../../../core/content/calendar'
import { chipLabels } from '../../../core/content/chipLabels'
import type { ItemCard } from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { FORMAT_MARKS, LAYER_MARKS, introCheckText, layerMixText, weekLabel, weekdayLabel } from '../../utils/content'
import './index.scss'

const HEADS = ['一', '二', '三', '四', '五', '六', '日']
// One string: every separate text node is one more node in the mini-program's setData tree.
const LEGEND_NOTE = `播/文 = 直播/图文，短视频不标 · 左边线：${LAYER_MARKS.intro}橙 ${LAYER_MARKS.value}紫 ${LAYER_MARKS.story}粉 · 标题只显示与其他内容不同的部分，点日期看完整标题`
/** CJK characters a chip surely shows at 390 px with a format mark; labels differ within this. */
const CHIP_VISIBLE = 3

export interface MonthGridProps {
  /** Every day of the month, in order, as the content function returns them. */
  days: readonly DayCell[]
  today: DayKey
  onDayTap: (day: DayKey) => void
}

/**
 * A compact item: status colour, layer edge, a format mark for livestreams and image posts (short
 * video, the usual format, goes unmarked to leave room for the title) and the title's distinctive part.
 */
function Chip({ item, label }: { item: ItemCard; label: string }) {
  return (
    <View className={`month-chip month-chip--${item.status} month-chip--layer-${item.layer}`} aria-label={item.title}>
      {item.format === 'short_video' ? null : <Text className='month-chip__mark'>{FORMAT_MARKS[item.format]}</Text>}
      <Text className='month-chip__title'>{label}</Text>
    </View>
  )
}

/** Each shown item's chip label, by item id: judged against every title on the month's chips. */
function useChipLabels(days: readonly DayCell[]): Map<string, string> {
  return useMemo(() => {
    const items = days.flatMap((d) => d.items)
    const labels = chipLabels(items.map((i) => i.title), { visible: CHIP_VISIBLE })
    return new Map(items.map((item, k) => [item.id, labels[k]]))
  }, [days])
}

/**
 * The month as a Monday-first 7-column grid sized for a 390 px phone: each day shows at most the
 * items the function sent (3), each by the part of its title that differs from the others', and a
 * "+n" for the rest; tapping a day opens its full list with whole titles.
 */
export function MonthGrid({ days, today, onDayTap }: MonthGridProps) {
  const labels = useChipLabels(days)
  const lead = days.length ? HEADS.indexOf(weekdayLabel(days[0].day).slice(1)) : 0
  return (
    <View className='month-grid'>
      <View className='month-grid__heads'>
        {HEADS.map((h) => (
          <Text key={h} className='month-grid__head'>
            {h}
          </Text>
        ))}
      </View>
      <View className='month-grid__cells'>
        {Array.from({ length: lead }, (_, i) => (
          <View key={`lead-${i}`} className='month-cell month-cell--blank' />
        ))}
        {days.map((cell) => (
          <View
            key={cell.day}
            className={`month-cell month-cell--${cell.day} ${cell.day === today ? 'month-cell--today' : ''}`}
            onClick={() => onDayTap(cell.day)}
          >
            <Text className='month-cell__date'>{Number(cell.day.slice(8))}</Text>
            {cell.items.map((item) => (
              <Chip key={item.id} item={item} label={labels.get(item.id) ?? item.title} />
            ))}
            {cell.more > 0 ? <Text className='month-cell__more'>{`+${cell.more}`}</Text> : null}
          </View>
        ))}
      </View>
      <View className='month-grid__legend'>
        <Text className='legend legend--planned'>已排期</Text>
        <Text className='legend legend--scheduled'>待发布</Text>
        <Text className='legend legend--published'>已发布</Text>
        <Text className='legend legend--idea'>选题</Text>
        <Text className='month-grid__legend-note'>{LEGEND_NOTE}</Text>
      </View>
    </View>
  )
}

export interface MonthSummaryProps {
  view: Pick<MonthView, 'total' | 'mix' | 'mixCheck' | 'cadence'>
}

/** The month's numbers in one line plus each ISO week's cadence: "本月 18 条 · 基础认知 占比 67%，目标 ≤ 60%". */
export function MonthSummary({ view }: MonthSummaryProps) {
  return (
    <View className='month-summary'>
      <Text className='month-summary__total'>{`本月 ${view.total} 条`}</Text>
      <Text className='month-summary__layers'>{layerMixText(view.mix)}</Text>
      <Text className={`mix-check month-mix ${view.mixCheck.drift ? 'mix-check--drift' : 'mix-check--ok'}`}>
        {introCheckText(view.mixCheck)}
      </Text>
      <View className='month-summary__weeks'>
        {view.cadence.map((w) => (
          <Text key={w.week} className={`week-pill ${w.met ? 'week-pill--met' : ''}`}>
            {`${weekLabel(w.week)} ${w.count}/${w.target}`}
          </Text>
        ))}
      </View>
    </View>
  )
}
