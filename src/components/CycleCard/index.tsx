import { Text, View } from '@tarojs/components'
import type { ItemCycleView } from '../../../core/review/schemas'
import { formatHours } from '../../../core/format'
import { CYCLE_TARGET_HOURS } from '../../utils/review'
import './index.scss'

/** The item's production time (topic approved → final approved) against the 24-hour target, and where the hours went. */
export function CycleCard({ cycle }: { cycle: ItemCycleView }) {
  const total = cycle.productionHours
  const over = total !== null && total > CYCLE_TARGET_HOURS
  return (
    <View className='cycle-card'>
      <View className='cycle-card__head'>
        <Text className='cycle-card__title'>{cycle.done ? '制作周期' : '制作周期（进行中）'}</Text>
        <Text className='cycle-card__target'>{`目标 ≤ ${formatHours(CYCLE_TARGET_HOURS)}`}</Text>
      </View>
      <Text className={`cycle-total ${over ? 'cycle-total--over' : total !== null ? 'cycle-total--ok' : ''}`}>
        {total === null ? '选题通过后开始计时' : formatHours(total)}
      </Text>
      {total !== null ? (
        <Text className='cycle-card__split'>{`自选题通过起 · 等待审核 ${formatHours(cycle.waitingHours)} · 制作 ${formatHours(cycle.workingHours)}`}</Text>
      ) : null}
      <View className='cycle-stages'>
        {cycle.stages.map((s) => (
          <View key={s.key} className={`cycle-stage cycle-stage--${s.key}`}>
            <Text className='cycle-stage__name'>{s.name}</Text>
            <Text className='cycle-stage__hours'>{s.startedAt ? formatHours(s.hours) : '—'}</Text>
            <Text className='cycle-stage__split'>{s.startedAt ? `等待 ${formatHours(s.waitingHours)} · 制作 ${formatHours(s.workingHours)}` : '未开始'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
