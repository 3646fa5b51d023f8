import type { AlertStatus, AnalysisDecisionView, AnalysisView, MarketEvent } from '../../../core/analytics/alerts'
import type { KpiKey } from '../../../core/analytics/schemas'
import type { TargetHistoryEntry, TargetTrigger } from '../../../core/analytics/targetSchemas'
import type { WeekResult } from '../../../core/analytics/weekly'
import type { BudgetCategory } from '../../../core/steering/budget'
import type { BudgetSpendView } from '../../../core/steering/budgetSchemas'
import type { DayKey } from '../../../core/time/china'
import type { BaseRecord, DerivedDoc, FieldsOfView } from './base'

/**
 * Raw fact (append-only): actual spend logged for one day and budget category; a later entry for the same day
 * and category supersedes the one in force. The growth page's 投流花费 is the 广告投放 (`promo_ads`) entry;
 * entries logged before budgets existed have no `category` and count as 广告投放 (the steering timer
 * stamps it on them: cloudfunctions/steering/spendMigration.ts). Written only by common/spendFacts.ts.
 * The fields stored as the budget page shows them are BudgetSpendView's; `category` and `reason` may be absent here.
 */
export interface SpendRecord extends BaseRecord, Pick<BudgetSpendView, 'date' | 'amountFen' | 'supersedes' | 'loggedByName'> {
  category?: BudgetCategory
  /** Why an entry superseding another was logged (the budget page asks for it; absent on 投流花费). */
  reason?: string | null
  loggedAt: Date
}

/** Target revisions, append-only (read only by targetHistory; the targets in force live on the team document). */
export interface TargetHistoryRecord
  extends BaseRecord,
    Pick<TargetHistoryEntry, 'kpi' | 'value' | 'previousValue' | 'tolerance' | 'previousTolerance' | 'reason' | 'byName'> {
  at: Date
  /** The special analysis whose 调整目标 decision made this revision (absent for a plain edit). */
  analysisId?: string | null
  /** What made it (absent on revisions recorded before periods: 'edit'). */
  trigger?: TargetTrigger
  /** The period the value is for ('2026-Q4', '2026-12'). */
  period?: string
}

/** Derived: one team's weekly verdicts for one completed ISO week, every KPI; id `${teamId}_${week}`. Written once, never changed. */
export interface KpiWeekRecord extends DerivedDoc {
  week: string
  from: DayKey
  to: DayKey
  results: Partial<Record<KpiKey, WeekResult>>
}

/** An alert (预警) of the two-week rule; id `${teamId}_${kpi}_${runStart}`, so one run of misses opens it once. */
export interface AlertRecord extends BaseRecord {
  kpi: KpiKey
  runStart: string
  openedWeek: string
  status: AlertStatus
  /** The weeks of the run up to its opening (the evidence). */
  weeks: WeekResult[]
  recoveredWeek: string | null
  analysisId: string
  dueDay: DayKey
  endedAt: Date | null
}

/** What a special analysis's decision stored: AnalysisDecisionView's fields but the value as a number (the view shows it formatted). */
export interface AnalysisDecision extends Pick<AnalysisDecisionView, 'kind' | 'kpi' | 'reason' | 'items'> {
  value: number | null
}

/**
 * A special analysis (专项分析): opened by an alert or by a market event; closed with findings and a decision.
 * Its fields are AnalysisView's (FieldsOfView, the instants stored as Dates); the labels and texts are only the
 * view's, and the decision is stored as taken.
 */
export interface AnalysisRecord
  extends BaseRecord,
    FieldsOfView<AnalysisView, 'openedAt' | 'closedAt', 'statusLabel' | 'triggerText' | 'overdue' | 'decisionLabel' | 'ownerText' | 'decision'> {
  /** The owner(s) named for its KPIs when it opened; null or absent: the managers (the default owner). */
  ownerName?: string | null
  trigger: { kind: 'alert'; alertId: string; runStart: string; runFrom: DayKey } | { kind: 'event'; event: MarketEvent; description: string }
  decision: AnalysisDecision | null
  /** Set when the admins were told it is overdue (once). */
  overdueNotifiedAt: Date | null
}
