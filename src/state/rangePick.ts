import Taro from '@tarojs/taro'
import type { DayKey } from '../../core/time/china'
import { ROUTES, withQuery } from '../routes'

export interface PickedRange {
  from: DayKey
  to: DayKey
}

/** Whoever opened the range page and waits for its answer (one at a time: a newer request answers the older with null). */
let waiting: ((range: PickedRange | null) => void) | null = null

/**
 * Opens the 自定义范围 page (package-analytics: the calendar it draws stays out of the main package) and
 * resolves with the range confirmed there, or null when the person goes back without one.
 */
export function pickCustomRange(current: Partial<PickedRange>, today: DayKey): Promise<PickedRange | null> {
  waiting?.(null)
  return new Promise((resolve) => {
    waiting = resolve
    void Taro.navigateTo({ url: withQuery(ROUTES.rangePicker, { from: current.from, to: current.to, today }) })
  })
}

/** The range page's answer: the range confirmed, or null when it closes without one. */
export function deliverCustomRange(range: PickedRange | null): void {
  const answer = waiting
  waiting = null
  answer?.(range)
}
