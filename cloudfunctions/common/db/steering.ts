// Stored records of the steering function: risks, the budget and the plan's phases.
import type { BudgetCategory, MonthPlan } from '../../../core/steering/budget'
import type { BaseRecord } from './base'

export type { BaseRecord }

// ---- budget ----
// Actual spend is not stored here: it lives in `spend` (SpendRecord in ./analytics.ts), one fact per day and
// category, written only through common/spendFacts.ts (the growth page's 投流花费 is its 广告投放 entry).

/** A team's plan for one year, id `${teamId}_${year}`: planned fen per month ('1'–'12') and category. */
export interface BudgetPlanRecord extends BaseRecord {
  year: number
  months: Partial<Record<string, MonthPlan>>
}

/** Append-only: one revision of one month and category of the plan — a first plan, or an adjustment (弹性调整) with its reason. */
export interface BudgetRevisionRecord extends BaseRecord {
  year: number
  month: number
  category: BudgetCategory
  kind: 'plan' | 'adjust'
  beforeFen: number | null
  afterFen: number
  reason: string | null
  byName: string
  at: Date
}

export const budgetPlanId = (teamId: string, year: number) => `${teamId}_${year}`
