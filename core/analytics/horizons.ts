import { addDays, daysBetween, type DayKey } from '../time/china'
import { rate } from './kpi'
import { followerTotal, periodSums, yuanPerOrder } from './kpiData'
import type { DayRollup } from '../results/rollup'
import type { KpiKey } from './schemas'
import type { BaselineView, TargetView } from './targetSchemas'

/**
 * Where the plan wants each KPI and by when (PRODUCT.md "Targets: periods, baselines, horizons"), and the
 * target that follows for a range: a ramp from the baseline to the end value by the deadline, a multiple
 * of a measured baseline, or a flat value — each scaled from its natural period to the range's length.
 * The light then judges "on plan for this range", never "already at the end value".
 */

/** How a target set for the KPI's natural period applies to a range of n days. */
export type Scale =
  /** A count per ISO week: × n / 7. */
  | 'week'
  /** A rate or an average: the same for any range. */
  | 'same'
  /** A level on a day (followers): read at the range's last day, not scaled. */
  | 'point'
  /** A monthly growth rate: compounded, (1 + r)^(n / 30) − 1. */
  | 'compoundMonth'

export type Horizon =
  | { kind: 'flat'; scale: Scale }
  /** From `start` (or the measured level at the plan's start) to the KPI's target by plan start + `months`. */
  | { kind: 'ramp'; scale: Scale; start: number | 'measured'; months: number }
  /** `factor` × the baseline measured over the 4 weeks before the plan's start; `fallback` when nothing was measured. */
  | { kind: 'relative'; scale: Scale; factor: number; fallback: number | null }

/** Weeks before the plan's start that a relative target's baseline is measured over. */
export const BASELINE_WEEKS = 4
/** Days of a month in compounding (a stated convention: 30). */
const MONTH_DAYS = 30

export const HORIZONS: Record<KpiKey, Horizon> = {
  output: { kind: 'flat', scale: 'week' },
  completionRate: { kind: 'ramp', scale: 'same', start: 0.35, months: 3 },
  interactionRate: { kind: 'ramp', scale: 'same', start: 0.15, months: 6 },
  followers: { kind: 'ramp', scale: 'point', start: 'measured', months: 3 },
  netAdds: { kind: 'flat', scale: 'week' },
  organicGrowthRate: { kind: 'flat', scale: 'compoundMonth' },
  paidGrowthRate: { kind: 'flat', scale: 'compoundMonth' },
  paidShare: { kind: 'flat', scale: 'same' },
  inquiries: { kind: 'relative', scale: 'week', factor: 3, fallback: null },
  // The plan words today's order conversion as 15%; used only until the team's own is measured.
  orderConversion: { kind: 'relative', scale: 'same', factor: 1.25, fallback: 0.15 },
  liveConversion: { kind: 'flat', scale: 'same' },
  cycleHours: { kind: 'flat', scale: 'same' },
  freshnessHours: { kind: 'flat', scale: 'same' },
  // Assumption: the plan's "+70%" read as a 70% first-pass rate, the same for any range.
  firstPassRate: { kind: 'flat', scale: 'same' },
  introShare: { kind: 'flat', scale: 'same' },
  followerGrowthRate: { kind: 'flat', scale: 'compoundMonth' },
  // Assumptions (the plan says "measured; set by a manager"): like and comment rates +20% on their baseline, 客单价 held.
  likeRate: { kind: 'relative', scale: 'same', factor: 1.2, fallback: null },
  commentRate: { kind: 'relative', scale: 'same', factor: 1.2, fallback: null },
  avgOrderValue: { kind: 'relative', scale: 'same', factor: 1, fallback: null },
  liveShare: { kind: 'flat', scale: 'same' },
  imageTextShare: { kind: 'flat', scale: 'same' },
  // A level on the range's last day, like followers, but flat: the plan gives no deadline for 8 → 3.
  pathSteps: { kind: 'flat', scale: 'point' },
}

/** What the plan's targets are measured from: its start day and the levels measured around it. */
export interface PlanBasis {
  startDay: DayKey
  /** Per KPI, the baseline measured over the weeks before the start (relative KPIs) or the level at the start (followers). */
  measured: Partial<Record<KpiKey, number | null>>
  /** KPIs whose `measured` value is a manager's entry (nothing could be measured). */
  entered?: Partial<Record<KpiKey, true>>
}

/** The rollups a plan's baselines read: the 4 weeks before its start and the 4 weeks after (a follower total logged soon after the start stands in when none was logged before). */
export function baselineWindow(startDay: DayKey): { from: DayKey; to: DayKey } {
  return { from: addDays(startDay, -7 * BASELINE_WEEKS), to: addDays(startDay, 7 * BASELINE_WEEKS) }
}

/**
 * Baselines measured from the rollups of `baselineWindow(startDay)`: inquiries per week and order
 * conversion over the 4 weeks before the start (null without data), and the follower total at the start
 * (the last one logged on or before it, else the first one after it).
 *
 * @example
 * // 1,200 inquiries logged in the 4 weeks before 2026-11-01
 * measureBaselines(rollups, '2026-11-01').measured.inquiries //=> 300
 * // none logged, 250 entered by a manager
 * measureBaselines([], '2026-11-01', { inquiries: 250 }).measured.inquiries //=> 250
 */
export function measureBaselines(rollups: readonly DayRollup[], startDay: DayKey, entered: Partial<Record<KpiKey, number>> = {}): PlanBasis {
  const basis = measureFrom(rollups, startDay)
  // A manager's entry stands in only where history measured nothing: data, once there, wins.
  for (const [k, v] of Object.entries(entered) as [KpiKey, number][]) {
    if (basis.measured[k] !== null && basis.measured[k] !== undefined) continue
    basis.measured[k] = v
    basis.entered = { ...basis.entered, [k]: true }
  }
  return basis
}

function measureFrom(rollups: readonly DayRollup[], startDay: DayKey): PlanBasis {
  const before = { from: addDays(startDay, -7 * BASELINE_WEEKS), to: addDays(startDay, -1) }
  const { get, latest } = periodSums(rollups, before)
  const atStart = followerTotal(rollups, startDay) ?? firstFollowerTotal(rollups, startDay)
  return {
    startDay,
    measured: {
      inquiries: latest.leads || latest.posts ? (get('leads') + get('inquiries')) / BASELINE_WEEKS : null,
      orderConversion: latest.posts ? rate(get('orders'), get('inquiries')) : null,
      likeRate: latest.posts ? rate(get('likes'), get('plays')) : null,
      commentRate: latest.posts ? rate(get('comments'), get('plays')) : null,
      avgOrderValue: latest.posts ? yuanPerOrder(get('gmvFen'), get('orders')) : null,
      followers: atStart?.total ?? null,
    },
  }
}

function firstFollowerTotal(rollups: readonly DayRollup[], after: DayKey) {
  const r = rollups.filter((x) => x.followers && x.day > after).sort((a, b) => a.day.localeCompare(b.day))[0]
  return r ? { total: r.followers!.total, day: r.day } : null
}

/** A KPI's target for one range, with where it is heading. */
export interface RangeTarget {
  /** 本期目标: the target for this range (scaled to its length; on the ramp at its last day). */
  value: number | null
  /** 终期目标 for ramps (else the natural-period target), and its deadline for ramps. */
  end: number | null
  deadline: DayKey | null
  /** The measured baseline a relative target multiplies, or a ramp's starting level. */
  baseline: number | null
}

/**
 * The target a KPI's light judges for a range [from, to] of `days` days.
 *
 * A target the team set (version > 0) replaces the plan's end value; a relative KPI's set target is taken
 * as it is (a manager's override of baseline × factor). A ramp is linear in days from the plan's start to
 * its deadline, read at the range's last day, and holds at the end value after the deadline.
 *
 * @example
 * // completion 35% → 50% over 3 months from 2026-09-01, on 2026-10-16 (half-way)
 * rangeTargetOf('completionRate', view, { startDay: '2026-09-01', measured: {} }, { to: '2026-10-16', days: 7 }).value //=> ≈ 0.425
 */
export function rangeTargetOf(kpi: KpiKey, target: TargetView, plan: PlanBasis, range: { to: DayKey; days: number }): RangeTarget {
  const h = HORIZONS[kpi]
  if (target.value === null) return { value: null, end: null, deadline: null, baseline: null }
  if (h.kind === 'flat') return { value: scaled(h.scale, target.value, range.days), end: target.value, deadline: null, baseline: null }
  if (h.kind === 'relative') {
    if (target.version > 0) return { value: scaled(h.scale, target.value, range.days), end: target.value, deadline: null, baseline: null }
    const base = plan.measured[kpi] ?? h.fallback
    if (base === null || base === undefined) return { value: null, end: null, deadline: null, baseline: null }
    const t = base * h.factor
    return { value: scaled(h.scale, t, range.days), end: t, deadline: null, baseline: base }
  }
  const start = h.start === 'measured' ? plan.measured[kpi] ?? null : h.start
  const deadline = deadlineOf(kpi, plan.startDay)!
  if (start === null) return { value: null, end: target.value, deadline, baseline: null }
  const on = ramp(start, target.value, plan.startDay, deadline, range.to)
  return { value: scaled(h.scale, on, range.days), end: target.value, deadline, baseline: start }
}

/**
 * How a KPI's target is used, in words for the 目标 screen (no dates: those depend on the team's plan start).
 *
 * @example
 * horizonNote('completionRate') //=> '从基线 35.0% 起，计划开始后 3 个月内线性爬升到此目标；看板按所选范围最后一天在爬坡线上的值亮灯'
 */
export function horizonNote(kpi: KpiKey, formatStart: (v: number) => string): string {
  const h = HORIZONS[kpi]
  if (h.kind === 'ramp') {
    const from = h.start === 'measured' ? '从计划开始时的实际值起' : `从基线 ${formatStart(h.start)} 起`
    return `${from}，计划开始后 ${h.months} 个月内线性爬升到此目标；看板按所选范围最后一天在爬坡线上的值亮灯`
  }
  if (h.kind === 'relative') {
    return `未调整时 = 计划开始前 ${BASELINE_WEEKS} 周实测基线 ${upliftText(h.factor)}；调整后按调整值${h.scale === 'week' ? '（每周，按范围天数折算）' : ''}`
  }
  if (h.scale === 'week') return '每周目标，按所选范围的天数折算'
  if (h.scale === 'compoundMonth') return '每月目标，其他范围按 30 天一个月复利折算'
  if (h.scale === 'point') return '按所选范围最后一天的值判断'
  return '任意范围同一目标'
}

/**
 * A relative target's factor in the plan's own words.
 *
 * @example
 * upliftText(3)    //=> '+200%'
 * upliftText(1.25) //=> '+25%'
 */
export function upliftText(factor: number): string {
  return `+${Math.round((factor - 1) * 100)}%`
}

/**
 * A ramp's deadline for a plan that starts on `startDay`; null for KPIs without one.
 *
 * @example
 * deadlineOf('followers', '2026-09-01') //=> '2026-12-01'
 */
export function deadlineOf(kpi: KpiKey, startDay: DayKey): DayKey | null {
  const h = HORIZONS[kpi]
  return h.kind === 'ramp' ? addMonths(startDay, h.months) : null
}

/**
 * The targets as they are in force for a plan: a relative KPI the team has not set (version 0) shows
 * its measured baseline × factor (the plan's fallback when nothing was measured, else null), not the
 * table's placeholder.
 *
 * @example
 * inForce(targetViews(undefined), { startDay: '2026-09-01', measured: { inquiries: 149 } }).find((t) => t.kpi === 'inquiries')!.value //=> 447
 */
export function inForce(views: TargetView[], plan: PlanBasis, enteredNotes: Partial<Record<KpiKey, string>> = {}): TargetView[] {
  return views.map((t) => {
    const h = HORIZONS[t.kpi]
    const withBase = { ...t, ...(takesBaseline(t.kpi) ? { baseline: baselineView(t.kpi, plan, enteredNotes[t.kpi]) } : {}) }
    if (h.kind !== 'relative' || t.version > 0) return withBase
    const base = plan.measured[t.kpi] ?? h.fallback
    return { ...withBase, value: base === null || base === undefined ? null : base * h.factor }
  })
}

/**
 * Whether a KPI's target reads a baseline measured at the plan's start (a relative target, or a ramp from
 * the level at the start): only those show a baseline and take a manager's entry.
 *
 * @example
 * takesBaseline('inquiries')      //=> true
 * takesBaseline('completionRate') //=> false (its ramp starts at the plan's stated 35%)
 */
export function takesBaseline(kpi: KpiKey): boolean {
  const h = HORIZONS[kpi]
  return h.kind === 'relative' || (h.kind === 'ramp' && h.start === 'measured')
}

/**
 * Where a KPI's baseline comes from, for the 目标 screen.
 *
 * @example
 * baselineView('inquiries', { startDay: '2026-09-01', measured: { inquiries: 149 } }).note //=> '计划开始（2026-09-01）前 4 周实测'
 */
export function baselineView(kpi: KpiKey, plan: PlanBasis, enteredNote?: string): BaselineView {
  const v = plan.measured[kpi]
  if (v === null || v === undefined) return { value: null, source: 'none', note: `计划开始（${plan.startDay}）前 ${BASELINE_WEEKS} 周没有数据，可由主管录入基线` }
  if (plan.entered?.[kpi]) return { value: v, source: 'entered', note: enteredNote ?? '主管录入' }
  const h = HORIZONS[kpi]
  return { value: v, source: 'measured', note: h.kind === 'ramp' ? `计划开始（${plan.startDay}）时的实际值` : `计划开始（${plan.startDay}）前 ${BASELINE_WEEKS} 周实测` }
}

/**
 * Linear from `start` on `from` to `end` on `deadline`, by days; `start` before, `end` after.
 *
 * @example
 * ramp(0.35, 0.5, '2026-09-01', '2026-12-01', '2026-09-01') //=> 0.35
 * ramp(0.35, 0.5, '2026-09-01', '2026-12-01', '2027-01-01') //=> 0.5
 */
export function ramp(start: number, end: number, from: DayKey, deadline: DayKey, day: DayKey): number {
  if (day <= from) return start
  if (day >= deadline) return end
  const total = daysBetween(from, deadline).length - 1
  const done = daysBetween(from, day).length - 1
  return start + ((end - start) * done) / total
}

/**
 * A natural-period target applied to a range of `days` days.
 *
 * @example
 * scaled('week', 5, 14)             //=> 10
 * scaled('compoundMonth', 0.35, 30) //=> 0.35
 * scaled('compoundMonth', 0.35, 7)  //=> ≈ 0.0725 (1.35^(7/30) − 1)
 */
export function scaled(scale: Scale, value: number, days: number): number {
  if (scale === 'week') return (value * days) / 7
  if (scale === 'compoundMonth') return Math.pow(1 + value, days / MONTH_DAYS) - 1
  return value
}

/** The same calendar day `months` later (clamped to the month's last day), China-time day keys. */
export function addMonths(day: DayKey, months: number): DayKey {
  const [y, m, d] = day.split('-').map(Number)
  const idx = y * 12 + (m - 1) + months
  const ny = Math.floor(idx / 12)
  const nm = (idx % 12) + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}
