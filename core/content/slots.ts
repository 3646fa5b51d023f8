import { addDays, dayKey, type DayKey } from '../time/china'

/**
 * Publish slots: a day and a China-time hour an item goes out at. No zod here, so pages in the main
 * package may use it too.
 */

/** When an item goes out on its day unless someone picks another time (选题会, the ideas page, a new plan). */
export const DEFAULT_PUBLISH_TIME = '20:00'

export interface Slot {
  day: DayKey
  time: string
}

/**
 * The instant a slot stands for: `time` (China time) on `day`.
 *
 * @example
 * publishInstant('2026-12-02', '20:00').toISOString() //=> '2026-12-02T12:00:00.000Z'
 */
export function publishInstant(day: DayKey, time: string = DEFAULT_PUBLISH_TIME): Date {
  return new Date(`${day}T${time}:00+08:00`)
}

/**
 * The first day something scheduled now can still go out on at `time`: today until that time has passed
 * (China time), then tomorrow. Default days start here, so an operator scheduling after 20:00 is not
 * offered tonight's slot, which the server would refuse as past.
 *
 * @example
 * firstOpenDay(new Date('2026-12-02T11:59:00Z')) //=> '2026-12-02' (19:59 in China)
 * firstOpenDay(new Date('2026-12-02T12:00:00Z')) //=> '2026-12-03'
 */
export function firstOpenDay(now: Date, time: string = DEFAULT_PUBLISH_TIME): DayKey {
  const today = dayKey(now)
  return publishInstant(today, time).getTime() > now.getTime() ? today : addDays(today, 1)
}

/** The slot a schedule sheet suggests when the item has none: the default time on the first open day. */
export function defaultSlot(now: Date): Slot {
  return { day: firstOpenDay(now), time: DEFAULT_PUBLISH_TIME }
}

/**
 * Where a schedule sheet starts for an item: its own slot while still ahead; a past one at its own hour on
 * the first day that hour is ahead; none, the default slot.
 *
 * @example
 * suggestedSlot({ day: '2026-12-01', time: '18:00' }, new Date('2026-12-02T11:00:00Z')) //=> { day: '2026-12-03', time: '18:00' }
 */
export function suggestedSlot(current: Slot | undefined, now: Date): Slot {
  if (!current) return defaultSlot(now)
  if (publishInstant(current.day, current.time) > now) return current
  return { day: firstOpenDay(now, current.time), time: current.time }
}
