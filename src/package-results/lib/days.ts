import { addDays, dayKey } from '../../../core/time/china'
import type { DayOption } from '../../components/ResultsFields'

const NAMES = ['今天', '昨天', '前天']

/**
 * Today, yesterday and the day before in China time, none before `minDay` (an item's publish day):
 * the dates field staff actually log, as chips instead of a date picker.
 */
export function recentDays(now: Date, minDay?: string | null): DayOption[] {
  const today = dayKey(now)
  return NAMES.map((label, i) => ({ day: addDays(today, -i), label })).filter((o) => !minDay || o.day >= minDay)
}
