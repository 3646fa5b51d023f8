// The budget's action inputs and the views its page receives (rules in ./budget.ts).
import { z } from 'zod'
import { countSchema, dayKeySchema, visibleText } from '../atoms'
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetGroup, type UnitCosts } from './budget'
import type { DayKey } from '../time/china'

/** ¥100,000,000 a month in one category: any real plan fits, a few extra digits are caught. */
export const BUDGET_FEN_MAX = 10_000_000_000
/** Years a budget may be kept for. */
export const BUDGET_YEAR_MIN = 2020
export const BUDGET_YEAR_MAX = 2100

const yearSchema = z.number({ invalid_type_error: '请输入年份' }).int('应为整数').min(BUDGET_YEAR_MIN, `不能早于 ${BUDGET_YEAR_MIN} 年`).max(BUDGET_YEAR_MAX, `不能晚于 ${BUDGET_YEAR_MAX} 年`).describe('年份')
const monthSchema = z.number({ invalid_type_error: '请选择月份' }).int('应为整数').min(1, '应为 1–12 月').max(12, '应为 1–12 月').describe('月份')
const categorySchema = z.enum(BUDGET_CATEGORIES).describe('预算科目')
const fenSchema = (label: string) => countSchema(label, BUDGET_FEN_MAX)

export const budgetInput = z.object({ year: yearSchema.optional() }).strict()

/** A month's plan for the categories given (a first plan: changing one already set is an adjustment). */
export const setBudgetPlanInput = z
  .object({
    year: yearSchema,
    month: monthSchema,
    amounts: z
      .object(Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, fenSchema('计划金额').optional()])) as Record<BudgetCategory, z.ZodOptional<z.ZodNumber>>)
      .strict()
      .describe('计划金额')
      .refine((a) => Object.values(a).some((v) => v !== undefined), '请至少填写一个科目的计划金额'),
  })
  .strict()

/** 弹性调整: one category's plan for a month changed, with the reason kept in its history. */
export const adjustBudgetInput = z
  .object({
    year: yearSchema,
    month: monthSchema,
    category: categorySchema,
    amountFen: fenSchema('调整后金额'),
    reason: visibleText('调整原因', 200),
  })
  .strict()

/** A day's actual spend in one category; a second entry for the same day and category supersedes it and says why. */
export const logBudgetSpendInput = z
  .object({
    date: dayKeySchema('日期'),
    category: categorySchema,
    amountFen: fenSchema('实际花费'),
    reason: visibleText('更正原因', 200, { min: 0 }).optional(),
  })
  .strict()

export type SetBudgetPlanInput = z.output<typeof setBudgetPlanInput>
export type AdjustBudgetInput = z.output<typeof adjustBudgetInput>
export type LogBudgetSpendInput = z.output<typeof logBudgetSpendInput>

// ---- views ----

export interface BudgetCategoryView {
  key: BudgetCategory
  label: string
  group: BudgetGroup
  groupLabel: string
}

export interface BudgetCategoryLine {
  category: BudgetCategory
  planFen: number | null
  actualFen: number
}

export interface BudgetMonthView {
  month: number
  label: string
  planFen: number | null
  actualFen: number
  varianceFen: number | null
  over: boolean
  /** The categories planned or spent in that month. */
  lines: BudgetCategoryLine[]
}

/** One revision of the plan: a first plan ('plan') or an adjustment with its reason ('adjust'). */
export interface BudgetRevisionView {
  id: string
  month: number
  category: BudgetCategory
  categoryLabel: string
  kind: 'plan' | 'adjust'
  beforeFen: number | null
  afterFen: number
  reason: string | null
  byName: string
  at: string
}

export interface BudgetSpendView {
  id: string
  date: DayKey
  category: BudgetCategory
  amountFen: number
  /** The entry in force for the day when this one was logged (both are kept; sums read the newest). */
  supersedes: string | null
  reason: string | null
  loggedByName: string
}

export interface BudgetView {
  year: number
  /** The years the page offers: last year, this year, next year. */
  years: number[]
  categories: BudgetCategoryView[]
  months: BudgetMonthView[]
  annualPlanFen: number | null
  /** Year to date: through today in the running year, the whole year once it is over, nothing before it starts. */
  ytd: { through: DayKey | null; planFen: number | null; actualFen: number; over: boolean }
  /** Fen a day at the current pace: the spend since `paceFrom` (the year's first planned month or spend entry). */
  burnRateFen: number | null
  paceFrom: DayKey | null
  /** The year's spend at the current pace, and how far it lands from the annual plan (+ over, − under). */
  forecastFen: number | null
  forecastVsPlanFen: number | null
  byCategory: BudgetCategoryLine[]
  /** Unit costs and ROI over the year to date, from the daily rollups and the published videos. */
  unitCosts: UnitCosts
  basis: { newFollowers: number; paidFollowers: number; inquiries: number; orders: number; gmvFen: number; publishedVideos: number }
  /** The plan's latest revisions, newest first. */
  history: BudgetRevisionView[]
  /** The latest spend entries in force, newest first. */
  recentSpend: BudgetSpendView[]
  planVersion: number
}
