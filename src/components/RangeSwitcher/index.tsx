import { Text, View } from '@tarojs/components'
import { RANGE_KINDS, type RangeKind } from '../../../core/analytics/range'
import type { DayKey } from '../../../core/time/china'
import { pickCustomRange } from '../../state/rangePick'
import { RANGE_LABELS, type RangeChoice } from '../../utils/analytics'
import './index.scss'

export interface RangeSwitcherProps {
  value: RangeChoice
  onChange: (choice: RangeChoice) => void
  /** The range the function resolved, e.g. "本周 11-23 至 11-29". */
  label?: string
  /** Latest day that can be picked (today, China time). */
  today: DayKey
}

/**
 * 今日 / 本周 / 本月 / 自定义. 自定义 opens the range page (a calendar of at most 92 days, in package-analytics so
 * the 看板 tab carries no calendar) and switches once a range is confirmed there.
 */
export function RangeSwitcher(props: RangeSwitcherProps) {
  const choose = async (kind: RangeKind) => {
    if (kind !== 'custom') return props.onChange({ kind })
    const current = props.value.kind === 'custom' ? { from: props.value.from, to: props.value.to } : {}
    const picked = await pickCustomRange(current, props.today)
    if (picked) props.onChange({ kind: 'custom', ...picked })
  }

  return (
    <View className='range-switcher'>
      <View className='range-switcher__tabs'>
        {RANGE_KINDS.map((k) => (
          <View
            key={k}
            className={`range-tab range-tab--${k} ${props.value.kind === k ? 'range-tab--active' : ''}`}
            onClick={() => void choose(k)}
          >
            <Text>{RANGE_LABELS[k]}</Text>
          </View>
        ))}
      </View>
      {props.label ? <Text className='range-switcher__label'>{props.label}</Text> : null}
    </View>
  )
}
