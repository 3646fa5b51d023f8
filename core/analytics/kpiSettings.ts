import { takesBaseline } from './horizons'
import { KPI_DEFS } from './kpiDefs'
import type { PeriodEvery } from './periods'
import { KPIS, type KpiKey } from './schemas'

/**
 * A team's choices about its KPIs beyond the target value (PRODUCT.md capability 8): which class a KPI is
 * in (核心 per quarter / 辅助 per month; the admin may reclassify), who owns it (the special analyses of its
 * alerts are assigned to them; default: the managers), and a baseline a manager entered with a reason
 * where no history measured one.
 */

/** A baseline entered by hand (no data before the plan's start to measure it from). */
export interface EnteredBaseline {
  value: number
  reason: string
  byName: string
  at: Date | string
}

/** What the team stored for one KPI, on the team document (field `kpiSettings`). */
export interface KpiSetting {
  reviewedEvery?: PeriodEvery
  /** The owning member; absent or null: the managers. */
  ownerId?: string | null
  ownerName?: string | null
  baseline?: EnteredBaseline | null
}

export type KpiSettings = Partial<Record<KpiKey, KpiSetting>>

/**
 * The KPI's class for this team: its setting, else the table's default.
 *
 * @example
 * reviewedEveryOf('paidShare', undefined)                              //=> 'month'
 * reviewedEveryOf('paidShare', { paidShare: { reviewedEvery: 'quarter' } }) //=> 'quarter'
 */
export function reviewedEveryOf(kpi: KpiKey, settings: KpiSettings | undefined | null): PeriodEvery {
  return settings?.[kpi]?.reviewedEvery ?? KPI_DEFS[kpi].reviewedEvery
}

/**
 * Why a baseline cannot be entered for a KPI (a Chinese message naming the field), or null when it can:
 * only KPIs whose target reads a baseline take one, and a ratio stays within 0..1.
 */
export function baselineProblem(kpi: KpiKey, value: number): { path: string; message: string } | null {
  if (!takesBaseline(kpi)) return { path: 'kpi', message: `指标：${KPI_DEFS[kpi].label}的目标不按基线计算，无需录入基线` }
  if (KPI_DEFS[kpi].unit === 'ratio' && value > 1) return { path: 'value', message: '基线：比例应在 0–100% 之间' }
  return null
}

/** The entered baselines by KPI (what `measureBaselines` falls back to where nothing was measured). */
export function enteredBaselines(settings: KpiSettings | undefined | null): Partial<Record<KpiKey, number>> {
  const out: Partial<Record<KpiKey, number>> = {}
  for (const k of KPIS) {
    const b = settings?.[k]?.baseline
    if (b && takesBaseline(k)) out[k] = b.value
  }
  return out
}
