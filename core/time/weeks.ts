import { addDays, dayKey, isoWeekKey, weekStart, type DayKey } from './china'

/**
 * ISO weeks as the competitor watch names them ('2026-W48', China time). A competitor's numbers are
 * logged per week; the comparison lines weeks up.
 */
export type WeekKey = string

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/

/**
 * The Monday of an ISO week, or null when `week` names no week (malformed, W00, W53 of a 52-week year).
 *
 * @example
 * weekMonday('2026-W01') //=> '2025-12-29'
 * weekMonday('2026-W53') //=> '2026-12-28' (2026 has 53 ISO weeks)
 * weekMonday('2025-W53') //=> null
 */
export function weekMonday(week: string): DayKey | null {
  const m = WEEK_PATTERN.exec(week)
  if (!m) return null
  const n = Number(m[2])
  if (n < 1 || n > 53) return null
  // 4 January is always in week 1.
  const monday = addDays(weekStart(`${m[1]}-01-04`), (n - 1) * 7)
  return isoWeekKey(monday) === week ? monday : null
}

/**
 * The Sunday that ends an ISO week (null for no week).
 *
 * @example
 * weekSunday('2026-W48') //=> '2026-11-29'
 */
export function weekSunday(week: string): DayKey | null {
  const monday = weekMonday(week)
  return monday ? addDays(monday, 6) : null
}

/**
 * The week `n` weeks after `week` (before, for a negative n).
 *
 * @example
 * shiftWeek('2026-W01', -1) //=> '2025-W52'
 */
export function shiftWeek(week: WeekKey, n: number): WeekKey {
  const monday = weekMonday(week)
  if (!monday) throw new Error(`not a week: ${week}`)
  return isoWeekKey(addDays(monday, 7 * n))
}

/**
 * The ISO week of `now` (China time): the one still running.
 *
 * @example
 * currentWeek(new Date('2026-11-29T16:30:00Z')) //=> '2026-W49' (Monday 00:30 in Beijing)
 */
export function currentWeek(now: Date): WeekKey {
  return isoWeekKey(dayKey(now))
}

/**
 * The last ISO week that has ended at `now` (China time): what a weekly log is about by default.
 *
 * @example
 * lastCompletedWeek(new Date('2026-12-02T04:00:00Z')) //=> '2026-W48' (Wednesday of W49)
 */
export function lastCompletedWeek(now: Date): WeekKey {
  return shiftWeek(currentWeek(now), -1)
}

/**
 * `n` consecutive weeks ending with `last`, oldest first.
 *
 * @example
 * weeksEnding('2026-W02', 3) //=> ['2025-W52', '2026-W01', '2026-W02']
 */
export function weeksEnding(last: WeekKey, n: number): WeekKey[] {
  return Array.from({ length: n }, (_, i) => shiftWeek(last, i - n + 1))
}

/**
 * A week as people read it: its number and its days.
 *
 * @example
 * weekLabel('2026-W48') //=> '第48周（11-23 至 11-29）'
 */
export function weekLabel(week: WeekKey): string {
  const monday = weekMonday(week)
  if (!monday) return week
  return `第${Number(week.slice(6))}周（${monday.slice(5)} 至 ${addDays(monday, 6).slice(5)}）`
}

/**
 * A week's short name for a chart axis.
 *
 * @example
 * weekShort('2026-W48') //=> 'W48'
 */
export function weekShort(week: WeekKey): string {
  return week.slice(5)
}
