// Stored records of the steering function: risks, the budget and the plan's phases.
import type { RiskSignalKind, RiskStatus } from '../../../core/steering/risks'
import type { RiskChangeView, RiskSuggestionView, RiskView } from '../../../core/steering/riskSchemas'
import type { DayKey } from '../../../core/time/china'
import type { MonthPlan } from '../../../core/steering/budget'
import type { BudgetRevisionView } from '../../../core/steering/budgetSchemas'
import type { BaseRecord, FieldsOfView } from './base'
import type { PhasePlan } from '../../../core/steering/phasePlan'

export type { BaseRecord }

// ---- team plan and phases ----

/**
 * The team's phase plan: one document per team (id `phaseplan_${teamId}`, so starting it twice collides),
 * holding its four phases (each closed with its 复盘) and its milestones, each with its own version.
 * A plan is tens of milestones, read whole by every view: one document is one read.
 */
export interface PhasePlanRecord extends BaseRecord, PhasePlan {}

/** The id of a team's phase plan. */
export const phasePlanId = (teamId: string) => `phaseplan_${teamId}`

// ---- risk register and radar ----

/**
 * A risk of the register (风险). Its score and status change only with a `riskChanges` entry, in one transaction.
 * The fields it shares with RiskView are taken from it; the labels, score and level are only the view's.
 */
export interface RiskRecord
  extends BaseRecord,
    Pick<RiskView, 'category' | 'title' | 'description' | 'likelihood' | 'impact' | 'status' | 'ownerId' | 'ownerName' | 'plan' | 'trigger' | 'kpi' | 'reviewDay' | 'createdByName'> {
  /** Null when the trigger has no link (the view says 'none'). */
  signal: RiskSignalKind | null
  /** The review day whose reminder was sent (a new review day is reminded again). */
  reviewRemindedFor: DayKey | null
}

/**
 * Raw fact (append-only): a risk was created, re-scored, changed status, or took a suggestion — who, when,
 * why, and the values before and after (for a score change the reason is required).
 */
export interface RiskChangeRecord extends BaseRecord, FieldsOfView<RiskChangeView, 'at', 'text'> {
  riskId: string
  from: { likelihood: number; impact: number; status: RiskStatus } | null
  to: { likelihood: number; impact: number; status: RiskStatus }
  suggestionId: string | null
}

/**
 * A signal's suggestion to raise a risk's likelihood, id `${riskId}_${signal key}` (one per risk and signal
 * occurrence). Open until a person accepts (the risk changes, with a history entry) or dismisses it.
 */
export interface RiskSuggestionRecord
  extends BaseRecord,
    Pick<RiskSuggestionView, 'riskId' | 'fromLikelihood' | 'toLikelihood' | 'reason' | 'status' | 'decidedByName'> {
  signalKind: RiskSignalKind
  decidedBy: string | null
  decidedAt: Date | null
  note: string
}
// ---- budget ----
// Actual spend is not stored here: it lives in `spend` (SpendRecord in ./analytics.ts), one fact per day and
// category, written only through common/spendFacts.ts (the growth page's 投流花费 is its 广告投放 entry).

/** A team's plan for one year, id `${teamId}_${year}`: planned fen per month ('1'–'12') and category. */
export interface BudgetPlanRecord extends BaseRecord {
  year: number
  months: Partial<Record<string, MonthPlan>>
}

/** Append-only: one revision of one month and category of the plan — a first plan, or an adjustment (弹性调整) with its reason. */
export interface BudgetRevisionRecord extends BaseRecord, FieldsOfView<BudgetRevisionView, 'at', 'categoryLabel'> {
  year: number
}

export const budgetPlanId = (teamId: string, year: number) => `${teamId}_${year}`
