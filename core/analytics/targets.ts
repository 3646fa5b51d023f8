import { DEFAULT_CONTENT_TARGETS, type ContentTargets } from '../content/mix'
import { formatKpiValue } from '../format'
import { HORIZONS, horizonNote } from './horizons'
import { KPI_DEFS } from './kpiDefs'
import { reviewedEveryOf, type KpiSettings } from './kpiSettings'
import { nextPeriod, periodLabel, periodOf, reminderDue } from './periods'
import { KPIS, type KpiKey } from './schemas'
import type { PeriodInfo, PlannedTarget, PlannedTargets, TargetSetting, TargetSettings, TargetView, TeamTargets } from './targetSchemas'
import type { DayKey } from '../time/china'

/**
 * A team's KPI targets: what the team stored for each KPI, else the table's default. How a target
 * applies to a range (ramps, baselines, scaling) is in ./horizons.ts.
 */

/**
 * The targets in force on `day`: a plan whose period has started replaces the stored target (the hourly
 * job writes it through with its history; until it has run, reads apply it here, so no card is judged by
 * last period's target on the first morning of a new one).
 *
 * @example
 * settingsInForce({}, { output: { period: '2027-Q1', value: 7, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: '陈静' } }, '2027-01-01').output?.value //=> 7
 */
export function settingsInForce(stored: TargetSettings | undefined | null, plans: PlannedTargets | undefined | null, day: DayKey, settings?: KpiSettings | null): TargetSettings {
  const out: TargetSettings = { ...(stored ?? {}) }
  for (const k of KPIS) {
    const p = plans?.[k]
    if (p && p.period <= periodOf(reviewedEveryOf(k, settings), day)) {
      const { period: _p, ...t } = p
      out[k] = { ...t, version: Math.max(t.version, (stored?.[k]?.version ?? 0) + 1) }
    }
  }
  return out
}


/** A team's targets in force on `day` (`settingsInForce` over its own fields and KPI classes). */
export function teamTargetsOn(team: TeamTargets, day: DayKey): TargetSettings {
  return settingsInForce(team.targets, team.targetPlans, day, team.kpiSettings)
}

/** A KPI's current and next target period, and the target planned for the next one (the 目标 screen). */
export function periodInfo(kpi: KpiKey, plan: PlannedTarget | undefined | null, day: DayKey, settings?: KpiSettings | null): PeriodInfo {
  const every = reviewedEveryOf(kpi, settings)
  const current = periodOf(every, day)
  const next = nextPeriod(every, day)
  const planned = plan && plan.period === next ? plan : null
  return {
    current,
    currentLabel: periodLabel(current),
    next,
    nextLabel: periodLabel(next),
    planned: planned ? { value: planned.value, tolerance: planned.tolerance, version: planned.version, updatedByName: planned.updatedByName, updatedAt: planned.updatedAt ? new Date(planned.updatedAt).toISOString() : null } : null,
    reminderDue: reminderDue(every, day) && !planned,
  }
}

/**
 * Every KPI's target, in table order: the team's where set, else the default (version 0).
 *
 * @example
 * targetViews(undefined).find((t) => t.kpi === 'paidShare')
 * //=> { kpi: 'paidShare', value: 0.4, direction: 'lower', tolerance: 0.1, version: 0, … }
 */
export function targetViews(stored: TargetSettings | undefined | null, settings?: KpiSettings | null): TargetView[] {
  return KPIS.map((k) => targetView(k, stored?.[k], settings))
}

/**
 * One KPI's target as pages show it: the stored value and tolerance where set, else the table's
 * default at version 0 (a stored `value` of null means "no target", and is kept).
 *
 * @example
 * targetView('completionRate', null)
 * //=> { kpi: 'completionRate', label: '完播率', value: 0.5, tolerance: 0.1, version: 0, updatedAt: null, … }
 */
export function targetView(kpi: KpiKey, s: TargetSetting | undefined | null, settings?: KpiSettings | null): TargetView {
  const d = KPI_DEFS[kpi]
  const setting = settings?.[kpi]
  return {
    kpi,
    label: d.label,
    unit: d.unit,
    unitWord: d.unitWord,
    perWeek: HORIZONS[kpi].scale === 'week',
    value: s ? s.value : d.target,
    direction: d.direction,
    tolerance: s ? s.tolerance : d.tolerance,
    reviewedEvery: reviewedEveryOf(kpi, settings),
    horizon: horizonNote(kpi, (v) => formatKpiValue(d, v)),
    version: s?.version ?? 0,
    updatedAt: s?.updatedAt ? new Date(s.updatedAt).toISOString() : null,
    updatedByName: s?.updatedByName ?? null,
    ownerId: setting?.ownerId ?? null,
    ownerName: setting?.ownerId ? setting.ownerName ?? null : null,
  }
}

/**
 * The calendar's cadence and mix targets from the team's KPI targets (发布数量 per week, 基础认知占比),
 * so the calendar and the dashboard judge by the same numbers; a KPI without a target keeps the default.
 *
 * @example
 * contentTargets({ output: { value: 7, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: null } })
 * //=> { weeklyCadence: 7, maxIntroShare: 0.6 }
 */
export function contentTargets(stored: TargetSettings | undefined | null): ContentTargets {
  return {
    weeklyCadence: targetView('output', stored?.output).value ?? DEFAULT_CONTENT_TARGETS.weeklyCadence,
    maxIntroShare: targetView('introShare', stored?.introShare).value ?? DEFAULT_CONTENT_TARGETS.maxIntroShare,
  }
}
