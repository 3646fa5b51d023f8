// The annual budget (PRODUCT.md capability 11, issue 13 part 2): categories, the plan per month against the
// actual spend in force, burn rate, the year-end forecast at the current pace, unit costs and ROI.
// Money is integer fen throughout; every ratio answers null ("—") when it has nothing to divide by.
import type { DayKey } from '../time/china'

/** The plan's groups: 人力成本, 技术投入, 推广费用, 风险准备金. */
export const BUDGET_GROUPS = ['people', 'tech', 'promo', 'reserve'] as const
export type BudgetGroup = (typeof BUDGET_GROUPS)[number]
export const BUDGET_GROUP_LABELS: Record<BudgetGroup, string> = { people: '人力成本', tech: '技术投入', promo: '推广费用', reserve: '风险准备金' }

/** The categories money is planned and spent under, in the plan's order. */
export const BUDGET_CATEGORIES = [
  'people_fixed',
  'people_performance',
  'tech_platform',
  'tech_tools',
  'tech_equipment',
  'tech_maintenance',
  'promo_ads',
  'promo_kol',
  'promo_events',
  'reserve',
] as const
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number]

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  people_fixed: '固定',
  people_performance: '绩效',
  tech_platform: '平台',
  tech_tools: '工具',
  tech_equipment: '设备',
  tech_maintenance: '维护',
  promo_ads: '广告投放',
  promo_kol: 'KOL合作',
  promo_events: '活动赞助',
  reserve: '风险准备金',
}

export const BUDGET_CATEGORY_GROUP: Record<BudgetCategory, BudgetGroup> = {
  people_fixed: 'people',
  people_performance: 'people',
  tech_platform: 'tech',
  tech_tools: 'tech',
  tech_equipment: 'tech',
  tech_maintenance: 'tech',
  promo_ads: 'promo',
  promo_kol: 'promo',
  promo_events: 'promo',
  reserve: 'reserve',
}

/** Promotion spend logged before budgets existed (投流花费) carries no category: it is 广告投放. */
export const LEGACY_SPEND_CATEGORY: BudgetCategory = 'promo_ads'

/**
 * A category in words, with its group unless it is the group itself.
 *
 * @example
 * budgetCategoryLabel('people_fixed') //=> '人力成本·固定'
 * budgetCategoryLabel('reserve')      //=> '风险准备金'
 */
export function budgetCategoryLabel(c: BudgetCategory): string {
  const group = BUDGET_GROUP_LABELS[BUDGET_CATEGORY_GROUP[c]]
  return group === BUDGET_CATEGORY_LABELS[c] ? group : `${group}·${BUDGET_CATEGORY_LABELS[c]}`
}

/** An actual spend entry as the rules need it; `category` absent: logged as 投流花费 before budgets (广告投放). */
export interface BudgetSpendFact {
  id: string
  date: DayKey
  category?: BudgetCategory | null
  amountFen: number
  supersedes: string | null
  loggedAt: Date | string
}

/** The category an entry counts under. */
export const spendCategoryOf = (f: Pick<BudgetSpendFact, 'category'>): BudgetCategory => f.category ?? LEGACY_SPEND_CATEGORY

/** The key of one day and category: one entry is in force per key. */
export const spendKey = (date: DayKey, category: BudgetCategory) => `${date}|${category}`

/**
 * The entry in force per day and category: the one no other entry supersedes; of two that both claim the
 * key, the later logged (then the greater id) — the rule promotion spend has always followed per day.
 *
 * @example
 * spendInForceByCategory([
 *   { id: 'a', date: '2026-03-01', amountFen: 100, supersedes: null, loggedAt: '2026-03-01T01:00:00Z' },
 *   { id: 'b', date: '2026-03-01', category: 'promo_ads', amountFen: 150, supersedes: 'a', loggedAt: '2026-03-01T02:00:00Z' },
 *   { id: 'c', date: '2026-03-01', category: 'promo_kol', amountFen: 900, supersedes: null, loggedAt: '2026-03-01T03:00:00Z' },
 * ]) //=> Map { '2026-03-01|promo_ads' → b, '2026-03-01|promo_kol' → c }
 */
export function spendInForceByCategory<T extends BudgetSpendFact>(facts: readonly T[]): Map<string, T> {
  const replaced = new Set(facts.map((f) => f.supersedes).filter((s): s is string => !!s))
  const out = new Map<string, T>()
  for (const f of facts) {
    if (replaced.has(f.id)) continue
    const key = spendKey(f.date, spendCategoryOf(f))
    const cur = out.get(key)
    if (!cur || later(f, cur)) out.set(key, f)
  }
  return out
}

function later(a: BudgetSpendFact, b: BudgetSpendFact): boolean {
  const ta = new Date(a.loggedAt).getTime()
  const tb = new Date(b.loggedAt).getTime()
  return ta !== tb ? ta > tb : a.id > b.id
}

/** What sums of spend read of an entry in force. */
export type SpentAmount = Pick<BudgetSpendFact, 'date' | 'category' | 'amountFen'>

/** Planned fen per category for one month; a category left out has no plan. */
export type MonthPlan = Partial<Record<BudgetCategory, number>>

/** A month's plan total, or null when nothing is planned for it (a month with no plan is not a plan of 0). */
export function planTotal(plan: MonthPlan | undefined): number | null {
  const values = Object.values(plan ?? {}).filter((v): v is number => typeof v === 'number')
  return values.length ? values.reduce((s, v) => s + v, 0) : null
}

/** a ÷ b, or null when b is 0 (or either side is missing): never NaN or Infinity. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null
  return a / b
}

/** How far into a year a day is: days elapsed (1 on 1 January, 0 before the year, all after it) and days in it. */
export function yearProgress(year: number, today: DayKey): { elapsed: number; days: number } {
  const start = Date.UTC(year, 0, 1)
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / 86_400_000)
  const [y, m, d] = today.split('-').map(Number)
  const elapsed = Math.round((Date.UTC(y, m - 1, d) - start) / 86_400_000) + 1
  return { elapsed: Math.max(0, Math.min(days, elapsed)), days }
}

/**
 * The days the current pace is measured over: from the year's first day with a plan or a spend entry
 * (`firstActive`; a budget begun in October is not spread over January to September) through today, within
 * the year. Without either, the days elapsed. 0 before the year or before its first active day.
 *
 * @example
 * paceDays(2026, '2026-11-30', '2026-10-01') //=> 61
 * paceDays(2026, '2026-11-30', null)         //=> 334
 */
export function paceDays(year: number, today: DayKey, firstActive: DayKey | null): number {
  const { elapsed } = yearProgress(year, today)
  if (!firstActive || firstActive < `${year}-01-01`) return elapsed
  const { elapsed: before } = yearProgress(year, firstActive)
  return Math.max(0, elapsed - before + 1)
}

/**
 * Spend per day at the current pace (fen): the spend so far over the pace's days, or null when there are none.
 *
 * @example
 * burnRate(3_100_000, 31) //=> 100000 (¥1,000 a day)
 * burnRate(0, 0)          //=> null
 */
export function burnRate(actualFen: number, paceDays: number): number | null {
  const r = ratio(actualFen, paceDays)
  return r === null ? null : Math.round(r)
}

/**
 * The year's spend at the current pace: what is spent so far plus the burn rate over the days left in the year.
 * A finished year's forecast is its actual spend; with no pace yet there is none.
 *
 * @example
 * yearEndForecast(3_100_000, 31, 334) //=> 36_500_000
 * yearEndForecast(0, 31, 334)         //=> 0
 * yearEndForecast(0, 0, 365)          //=> null
 */
export function yearEndForecast(actualFen: number, paceDays: number, daysLeft: number): number | null {
  if (paceDays <= 0) return null
  return actualFen + Math.round((actualFen / paceDays) * Math.max(0, daysLeft))
}

/** What the unit costs are divided by, summed from the daily rollups (and the published videos) of a period. */
export interface UnitCostBasis {
  /** Every category's spend in the period. */
  spendFen: number
  /** 广告投放 alone: what bought the paid followers. */
  adsFen: number
  newFollowers: number
  paidFollowers: number
  inquiries: number
  orders: number
  gmvFen: number
  publishedVideos: number
}

export interface UnitCosts {
  perFollowerFen: number | null
  perPaidFollowerFen: number | null
  perInquiryFen: number | null
  perOrderFen: number | null
  perVideoFen: number | null
  /** GMV ÷ spend (2.5 = every ¥1 spent brought ¥2.50 of sales). */
  roi: number | null
}

/**
 * Unit costs of a period: spend per new follower, per inquiry, per order, per published video; 广告投放 per
 * paid follower (as the growth page counts it); ROI = GMV ÷ spend. With no spend logged there is no cost
 * to speak of, and with nothing to divide by there is no unit cost: both answer null, shown as "—".
 *
 * @example
 * unitCosts({ spendFen: 100_000, adsFen: 60_000, newFollowers: 500, paidFollowers: 200, inquiries: 40, orders: 10, gmvFen: 250_000, publishedVideos: 20 })
 * //=> { perFollowerFen: 200, perPaidFollowerFen: 300, perInquiryFen: 2500, perOrderFen: 10000, perVideoFen: 5000, roi: 2.5 }
 */
export function unitCosts(b: UnitCostBasis): UnitCosts {
  const spend = b.spendFen > 0 ? b.spendFen : null
  const ads = b.adsFen > 0 ? b.adsFen : null
  const per = (fen: number | null, n: number) => {
    const r = ratio(fen, n)
    return r === null ? null : Math.round(r)
  }
  return {
    perFollowerFen: per(spend, b.newFollowers),
    perPaidFollowerFen: per(ads, b.paidFollowers),
    perInquiryFen: per(spend, b.inquiries),
    perOrderFen: per(spend, b.orders),
    perVideoFen: per(spend, b.publishedVideos),
    roi: ratio(spend === null ? null : b.gmvFen, spend),
  }
}

/** One month of the plan against the spend in force. */
export interface MonthLine {
  month: number
  planFen: number | null
  actualFen: number
  /** Actual − plan; null with no plan. */
  varianceFen: number | null
  /** Spent more than planned (a month with no plan is never "over": there is nothing to be over). */
  over: boolean
}

/**
 * Plan vs actual per month (1–12) from the months' plans and the entries in force.
 *
 * @example
 * monthLines({ 3: { promo_ads: 100_000 } }, [{ id: 'a', date: '2026-03-02', amountFen: 120_000, supersedes: null, loggedAt: '2026-03-02T00:00:00Z' }])[2]
 * //=> { month: 3, planFen: 100000, actualFen: 120000, varianceFen: 20000, over: true }
 */
export function monthLines(plans: Partial<Record<number, MonthPlan>>, inForce: readonly SpentAmount[]): MonthLine[] {
  const actual = new Array<number>(12).fill(0)
  for (const f of inForce) actual[Number(f.date.slice(5, 7)) - 1] += f.amountFen
  return actual.map((actualFen, i) => {
    const planFen = planTotal(plans[i + 1])
    return { month: i + 1, planFen, actualFen, varianceFen: planFen === null ? null : actualFen - planFen, over: planFen !== null && actualFen > planFen }
  })
}

/** Actual fen per category over the given entries in force. */
export function actualByCategory(inForce: readonly SpentAmount[]): Record<BudgetCategory, number> {
  const out = Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, 0])) as Record<BudgetCategory, number>
  for (const f of inForce) out[spendCategoryOf(f)] += f.amountFen
  return out
}
