import { addDays, type DayKey } from '../time/china'

/**
 * Target periods (PRODUCT.md capability 8, "rolling revision"): core KPIs are set per quarter, auxiliary
 * ones per month. A period is named by its key — '2026-Q4' or '2026-12' — which sorts in time order
 * within one kind. In the last two weeks of a quarter (last week of a month) managers are reminded to
 * set the next one; a period that starts without a new target carries the previous one forward.
 */

export type PeriodEvery = 'quarter' | 'month'

/** The words for a KPI's class, which is its target period: 核心 per quarter, 辅助 per month. */
export const CLASS_WORDS: Record<PeriodEvery, { name: string; period: string; review: string }> = {
  quarter: { name: '核心', period: '按季度', review: '每季度复核' },
  month: { name: '辅助', period: '按月', review: '每月复核' },
}

/** 核心目标（按季度） / 辅助目标（按月）. */
export const classText = (every: PeriodEvery): string => `${CLASS_WORDS[every].name}目标（${CLASS_WORDS[every].period}）`

/** Days before a period ends when its owners are reminded to set the next one. */
export const REMINDER_DAYS: Record<PeriodEvery, number> = { quarter: 14, month: 7 }

/**
 * The period a day falls in.
 *
 * @example
 * periodOf('quarter', '2026-12-01') //=> '2026-Q4'
 * periodOf('month', '2026-12-01')   //=> '2026-12'
 */
export function periodOf(every: PeriodEvery, day: DayKey): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))]
  return every === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : day.slice(0, 7)
}

/** First and last day of a period. */
export function periodDays(period: string): { from: DayKey; to: DayKey } {
  const y = Number(period.slice(0, 4))
  const q = /^\d{4}-Q([1-4])$/.exec(period)
  const firstMonth = q ? (Number(q[1]) - 1) * 3 + 1 : Number(period.slice(5, 7))
  const months = q ? 3 : 1
  const from = `${y}-${String(firstMonth).padStart(2, '0')}-01`
  const nextY = firstMonth + months > 12 ? y + 1 : y
  const nextM = ((firstMonth + months - 1) % 12) + 1
  return { from, to: addDays(`${nextY}-${String(nextM).padStart(2, '0')}-01`, -1) }
}

/**
 * The period after the one a day falls in.
 *
 * @example
 * nextPeriod('quarter', '2026-12-20') //=> '2027-Q1'
 * nextPeriod('month', '2026-12-20')   //=> '2027-01'
 */
export function nextPeriod(every: PeriodEvery, day: DayKey): string {
  return periodOf(every, addDays(periodDays(periodOf(every, day)).to, 1))
}

/**
 * Whether `day` is in the reminder window before its period ends (the last 14 days of a quarter, the
 * last 7 of a month).
 *
 * @example
 * reminderDue('quarter', '2026-12-18') //=> true  (14 days left, counting the 18th)
 * reminderDue('quarter', '2026-12-17') //=> false
 */
export function reminderDue(every: PeriodEvery, day: DayKey): boolean {
  return day > addDays(periodDays(periodOf(every, day)).to, -REMINDER_DAYS[every])
}

/**
 * A period as people read it.
 *
 * @example
 * periodLabel('2027-Q1') //=> '2027 年第 1 季度'
 * periodLabel('2027-01') //=> '2027 年 1 月'
 */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `${q[1]} 年第 ${q[2]} 季度`
  return `${period.slice(0, 4)} 年 ${Number(period.slice(5, 7))} 月`
}
