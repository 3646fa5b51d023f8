import { addDays, isoWeekKey, weekStart, type DayKey } from '../time/china'
import { light } from './kpi'
import { KPI_DEFS } from './kpiDefs'
import type { KpiData } from './kpiData'
import { rangeTargetOf, type PlanBasis } from './horizons'
import type { KpiKey } from './schemas'
import type { TargetView } from './targetSchemas'

/**
 * The two-week rule's arithmetic (PRODUCT.md capability 8): each KPI's verdict for a completed ISO week
 * (Monday–Sunday, China time), and where a run of misses opens an alert. Pure: the weekly job stores the
 * verdicts and recomputes the streak from them on every run, so a restart, a missed timer or an edited
 * target cannot reset it.
 */

/**
 * A week's verdict: `hit` (green or yellow — within tolerance), `miss` (red: 未达标), `missing` (未录入:
 * no numbers for the week; neither hit nor miss), `untargeted` (no target to judge by; also neither).
 */
export type WeekVerdict = 'hit' | 'miss' | 'missing' | 'untargeted'

export interface WeekResult {
  week: string
  from: DayKey
  to: DayKey
  verdict: WeekVerdict
  value: number | null
  target: number | null
}

/** The ISO week key and days of a completed week. */
export interface Week {
  week: string
  from: DayKey
  to: DayKey
}

/**
 * The last `n` completed ISO weeks before `today` (China-time day), oldest first: what the weekly job
 * evaluates, catching up on weeks it missed.
 *
 * @example
 * completedWeeks('2026-12-01', 2) //=> [{ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' }, { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' }]
 */
export function completedWeeks(today: DayKey, n: number): Week[] {
  const thisMonday = weekStart(today)
  return Array.from({ length: n }, (_, i) => {
    const from = addDays(thisMonday, -7 * (n - i))
    return { week: isoWeekKey(from), from, to: addDays(from, 6) }
  })
}

/**
 * One KPI's verdict for one completed week, judged like its card for that week (本期目标 on the plan's
 * ramp at the week's last day, scaled to 7 days).
 *
 * @example
 * weekResult('completionRate', data, { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' }, target, plan).verdict //=> 'miss'
 */
export function weekResult(kpi: KpiKey, data: KpiData, w: Week, target: TargetView, plan: PlanBasis): WeekResult {
  const value = KPI_DEFS[kpi].compute(data, w).value
  const t = rangeTargetOf(kpi, target, plan, { to: w.to, days: 7 })
  const base = { week: w.week, from: w.from, to: w.to, value, target: t.value }
  if (t.value === null) return { ...base, verdict: 'untargeted' }
  if (value === null) return { ...base, verdict: 'missing' }
  return { ...base, verdict: light(value, t.value, KPI_DEFS[kpi].direction, target.tolerance) === 'red' ? 'miss' : 'hit' }
}

/** A week in the streak: how many misses the current run holds, and whether an alert opens this week. */
export interface StreakStep {
  week: string
  verdict: WeekVerdict
  /** Misses since the last hit (missing and untargeted weeks neither add nor reset). */
  misses: number
  /** The week the current run of misses began (its alert's identity), or null outside a run. */
  runStart: string | null
  /** True exactly on the run's second miss: the alert opens here, once per run. */
  opens: boolean
  /** On a hit that ends a run whose alert opened: that run's start (the alert reads 恢复中 until its analysis closes it). */
  recovers: string | null
}

/**
 * The streak over stored weekly verdicts, oldest first.
 *
 * @example
 * streak([{ week: 'W1', verdict: 'miss' }, { week: 'W2', verdict: 'missing' }, { week: 'W3', verdict: 'miss' }]).map((s) => s.opens)
 * //=> [false, false, true]
 */
export function streak(weeks: readonly { week: string; verdict: WeekVerdict }[]): StreakStep[] {
  let misses = 0
  let runStart: string | null = null
  let alerted = false
  return weeks.map(({ week, verdict }) => {
    let opens = false
    let recovers: string | null = null
    if (verdict === 'miss') {
      if (misses === 0) runStart = week
      misses++
      opens = misses === 2
      if (opens) alerted = true
    } else if (verdict === 'hit') {
      recovers = alerted ? runStart : null
      misses = 0
      runStart = null
      alerted = false
    }
    return { week, verdict, misses, runStart, opens, recovers }
  })
}
