import dayjs from 'dayjs'
import type { MixCheck, Mix } from '../../core/content/mix'
import { formatPercent } from '../../core/format'
import { LAYERS, LAYER_LABELS, type Format, type Layer } from '../../core/content/labels'
import { dayKey, inChina, isoWeekKey, type DayKey } from '../../core/time/china'

/** One character per format, small enough for a month cell. */
export const FORMAT_MARKS: Record<Format, string> = { short_video: '视', livestream: '播', image_text: '文' }

/** One character per content layer, next to the format mark. */
export const LAYER_MARKS: Record<Layer, string> = { intro: '认', value: '值', story: '情' }

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

// Day keys are calendar dates, not instants: read them as UTC so the phone's zone never shifts them.
const asDate = (day: DayKey) => dayjs.utc(`${day}T00:00:00Z`)

/** '周六' for '2026-11-28'. */
export function weekdayLabel(day: DayKey): string {
  return WEEKDAYS[(asDate(day).day() + 6) % 7]
}

/** '11月28日'. */
export function monthDay(day: DayKey): string {
  const d = asDate(day)
  return `${d.month() + 1}月${d.date()}日`
}

/** '11月28日 周六'. */
export function dayTitle(day: DayKey): string {
  return `${monthDay(day)} ${weekdayLabel(day)}`
}

/** '11/28'. */
export function shortDay(day: DayKey): string {
  const d = asDate(day)
  return `${d.month() + 1}/${d.date()}`
}

/** '2026年11月' for '2026-11'. */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The month `n` months away from 'YYYY-MM'. */
export function shiftMonth(month: string, n: number): string {
  return asDate(`${month}-01`).add(n, 'month').format('YYYY-MM')
}

/** The China-time month of an instant: what "this month" means for the team. */
export function monthOf(now: Date): string {
  return inChina(now).format('YYYY-MM')
}

/** A day as the phone's local Date at midnight, for NutUI CalendarCard (only its year/month/date are read, so no zone shifts). */
export function calendarDate(day: DayKey): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
}

/** The day a CalendarCard Date stands for (its local year/month/date). */
export function dayOfCalendarDate(d: Date): DayKey {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function today(now: Date = new Date()): DayKey {
  return dayKey(now)
}

/** 'W48' → '第48周'. */
export function weekLabel(week: string): string {
  return `第${Number(week.split('-W')[1])}周`
}

export function isSameWeek(a: DayKey, b: DayKey): boolean {
  return isoWeekKey(a) === isoWeekKey(b)
}

/** '基础认知 占比 66.7%，目标 ≤ 60.0%'. */
export function introCheckText(check: MixCheck): string {
  return `${LAYER_LABELS.intro} 占比 ${formatPercent(check.introShare)}，目标 ≤ ${formatPercent(check.maxIntroShare)}`
}

/** Each layer with its share, in the canonical order: '基础认知 66.7% · 深度价值 22.2% · 情感共鸣 11.1%'. */
export function layerMixText(mix: Mix): string {
  return LAYERS.map((l) => `${LAYER_LABELS[l]} ${formatPercent(mix.layer[l].share)}`).join(' · ')
}

/** '周三、周五 还没有排期', or null when every day has something planned. */
export function emptyDaysText(days: readonly DayKey[]): string | null {
  if (days.length === 0) return null
  if (days.length === 7) return '这一周还没有排期'
  return `${days.map(weekdayLabel).join('、')} 还没有排期`
}

/** Cadence progress as a 0–100 bar width (a week past its target shows a full bar). */
export function cadencePercent(count: number, target: number): number {
  if (target <= 0) return 100
  return Math.min(100, Math.round((count / target) * 100))
}

/** The planned-time string the content function takes: China time with its +08:00 offset. */
export function chinaIso(day: DayKey, time: string): string {
  return `${day}T${time}:00+08:00`
}

/** The China-time 'YYYY-MM-DD' and 'HH:mm' of an ISO instant. */
export function splitChinaTime(iso: string): { day: DayKey; time: string } {
  const d = inChina(iso)
  return { day: d.format('YYYY-MM-DD'), time: d.format('HH:mm') }
}

/** First and last day of 'YYYY-MM' (the range an export of the month asks for). */
export function monthRange(month: string): { from: DayKey; to: DayKey } {
  const first = asDate(`${month}-01`)
  return { from: first.format('YYYY-MM-DD'), to: first.endOf('month').format('YYYY-MM-DD') }
}
