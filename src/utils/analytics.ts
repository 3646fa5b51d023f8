import type { Direction } from '../../core/analytics/kpi'
import { MAX_RANGE_DAYS, type RangeKind } from '../../core/analytics/range'
import type { KpiUnit, RangeInput } from '../../core/analytics/schemas'
import { CLASS_WORDS } from '../../core/analytics/periods'
import type { TargetView } from '../../core/analytics/targetSchemas'
import { formatCount, formatHours, formatPercent } from '../../core/format'
import { daysBetween, type DayKey } from '../../core/time/china'

export { LIGHT_WORDS } from '../../core/analytics/kpi'

export const DIRECTION_WORDS: Record<Direction, string> = { higher: '越高越好', lower: '越低越好' }

export const REVIEW_WORDS: Record<TargetView['reviewedEvery'], string> = { quarter: CLASS_WORDS.quarter.review, month: CLASS_WORDS.month.review }

export const RANGE_LABELS: Record<RangeKind, string> = { today: '今日', week: '本周', month: '本月', custom: '自定义' }

/** What the range switcher holds; `from`/`to` only for a custom range. */
export interface RangeChoice {
  kind: RangeKind
  from?: DayKey
  to?: DayKey
}

/** The action input for a range choice (custom ranges carry their days). */
export function rangeInputOf(choice: RangeChoice): RangeInput {
  return choice.kind === 'custom' ? { range: 'custom', from: choice.from, to: choice.to } : { range: choice.kind }
}

/** A range choice as page query (sub-pages open on the range the dashboard showed). */
export function rangeQuery(choice: RangeChoice): Record<string, string | undefined> {
  return { range: choice.kind, from: choice.kind === 'custom' ? choice.from : undefined, to: choice.kind === 'custom' ? choice.to : undefined }
}

/** Reads a range choice back from page query; anything unknown is this week. */
export function rangeFromQuery(params: Record<string, string | undefined>): RangeChoice {
  const kind = params.range as RangeKind | undefined
  if (kind === 'custom' && params.from && params.to) return { kind, from: params.from, to: params.to }
  if (kind === 'today' || kind === 'month' || kind === 'week') return { kind }
  return { kind: 'week' }
}

/**
 * Why a custom range can't be asked for, or null when it can (at most 92 days, end not before start).
 *
 * @example
 * customRangeProblem('2026-01-01', '2026-05-01') //=> '自定义范围最长 92 天，当前 121 天'
 */
export function customRangeProblem(from: DayKey, to: DayKey): string | null {
  if (to < from) return '结束日期不能早于开始日期'
  const days = daysBetween(from, to).length
  return days > MAX_RANGE_DAYS ? `自定义范围最长 ${MAX_RANGE_DAYS} 天，当前 ${days} 天` : null
}

/**
 * Bar heights (0..100, percent of the tallest) for a sparkline; a day without data is null (drawn as a gap).
 * Only scales what the function sent for drawing: no KPI is computed here.
 *
 * @example
 * sparkHeights([2, null, 4]) //=> [50, null, 100]
 */
export function sparkHeights(trend: readonly (number | null)[]): (number | null)[] {
  const values = trend.filter((v): v is number => v !== null && Number.isFinite(v))
  // From the lowest of 0 and the values, so a negative day (a correction) is the shortest bar, not a tall one.
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  return trend.map((v) => (v === null || !Number.isFinite(v) ? null : hi === lo ? 4 : Math.max(4, Math.round(((v - lo) / (hi - lo)) * 100))))
}

/** ▲ / ▼ / nothing for a change ratio; the words are in changeDisplay. */
export function changeArrow(change: number | null): string {
  if (change === null || change === 0) return ''
  return change > 0 ? '▲' : '▼'
}

/** Whether a change is good news for this KPI (up for higher-is-better, down for lower-is-better). */
export function changeTone(change: number | null, direction: Direction): 'good' | 'bad' | 'flat' {
  if (change === null || change === 0) return 'flat'
  return (change > 0) === (direction === 'higher') ? 'good' : 'bad'
}

/** 元 typed by a person → fen; undefined when blank, NaN when not a number. */
export function yuanToFen(text: string | undefined): number | undefined {
  const t = (text ?? '').trim().replace(/,/g, '')
  if (!t) return undefined
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return Number.NaN
  return Math.round(Number(t) * 100)
}

/** A target value as a person edits it: ratios in %, hours and counts as they are. */
export function targetToInput(value: number | null, unit: KpiUnit): string {
  if (value === null) return ''
  return unit === 'ratio' ? String(Math.round(value * 1000) / 10) : String(value)
}

/** What a person typed back to the stored unit (ratio from %); NaN for text that is not a number. */
export function targetFromInput(text: string, unit: KpiUnit): number {
  const t = text.trim()
  if (!t || !/^-?\d+(\.\d+)?$/.test(t)) return Number.NaN
  const n = Number(t)
  return unit === 'ratio' ? Math.round(n * 10) / 1000 : n
}

type TargetUnit = Pick<TargetView, 'unit' | 'unitWord' | 'perWeek'>

/** A target as text: "50.0%", "24 小时", "每周 5 条", "100,000 人", "299 元"; "未设定" without one. */
export function targetText(value: number | null, t: TargetUnit): string {
  if (value === null) return '未设定'
  if (t.unit === 'ratio') return formatPercent(value)
  if (t.unit === 'hours') return formatHours(value)
  const n = `${formatCount(value)}${t.unitWord ? ` ${t.unitWord}` : ''}`
  return t.perWeek ? `每周 ${n}` : n
}

/** The unit a person types a target in. */
export function unitHint(t: TargetUnit): string {
  if (t.unit === 'ratio') return '%'
  if (t.unit === 'hours') return '小时'
  return t.perWeek ? `${t.unitWord}/周` : t.unitWord
}
