// The demo team's budget: the two months before this one planned (人力, 技术, 推广, 风险准备金), one 弹性调整
// with its reason, and the month's salaries, tools and a KOL deal as actual spend beside the seeded 投流花费
// (广告投放). The running month is left unplanned, as a team would have it before its planning meeting.
import { BUDGET_PLANS, BUDGET_REVISIONS, SPEND } from '../cloudfunctions/common/db/collections'
import type { SpendRecord } from '../cloudfunctions/common/db/analytics'
import { budgetPlanId, type BudgetPlanRecord, type BudgetRevisionRecord } from '../cloudfunctions/common/db/steering'
import type { BudgetCategory, MonthPlan } from '../core/steering/budget'
import { dayKey } from '../core/time/china'
import type { Store } from './store'

/** A month's plan in 元 (stored in fen). */
const PLAN_YUAN: Partial<Record<BudgetCategory, number>> = {
  people_fixed: 45_000,
  people_performance: 8_000,
  tech_platform: 1_200,
  tech_tools: 600,
  promo_ads: 2_500,
  promo_kol: 5_000,
  reserve: 3_000,
}

/** Actual spend per month besides 投流: [day of month, category, 元]. */
const SPENT: [number, BudgetCategory, number][] = [
  [1, 'tech_tools', 598],
  [5, 'people_fixed', 45_000],
  [18, 'promo_kol', 11_800],
]

export function seedBudget(store: Store, teamId: string, manager: { id: string; name: string }, now: Date): void {
  const today = dayKey(now)
  const [y, m] = today.split('-').map(Number)
  const months = [2, 1].map((back) => {
    const d = new Date(Date.UTC(y, m - 1 - back, 1))
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }
  })
  const at = (day: string) => new Date(Math.min(new Date(`${day}T10:00:00+08:00`).getTime(), now.getTime()))
  const base = (id: string, when: Date) => ({ _id: id, teamId, createdAt: when, updatedAt: when, createdBy: manager.id, version: 0 })
  const dayOf = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const plans = new Map<number, BudgetPlanRecord>()
  const revisions: BudgetRevisionRecord[] = []
  const spend: SpendRecord[] = []
  for (const { year, month } of months) {
    const plannedOn = dayOf(year, month, 1)
    const plan: MonthPlan = Object.fromEntries(Object.entries(PLAN_YUAN).map(([c, v]) => [c, v! * 100]))
    const rec = plans.get(year) ?? plans.set(year, { ...base(budgetPlanId(teamId, year), at(plannedOn)), year, months: {}, version: 0 }).get(year)!
    rec.months[String(month)] = plan
    rec.version += 1
    for (const [c, fen] of Object.entries(plan) as [BudgetCategory, number][]) {
      revisions.push({ ...base(`demo_budgetrev_${year}_${month}_${c}`, at(plannedOn)), year, month, category: c, kind: 'plan', beforeFen: null, afterFen: fen, reason: null, byName: manager.name, at: at(plannedOn) })
    }
    for (const [d, category, yuan] of SPENT) {
      const date = dayOf(year, month, d)
      if (date > today) continue
      spend.push({ ...base(`demo_budgetspend_${date}_${category}`, at(date)), date, category, amountFen: yuan * 100, supersedes: null, reason: null, loggedByName: manager.name, loggedAt: at(date) })
    }
  }
  // The later month's KOL deal grew: planned up with a reason before the money went out.
  const last = months[1]
  const adjustedOn = dayOf(last.year, last.month, 12)
  const kol = plans.get(last.year)!.months[String(last.month)]!
  revisions.push({ ...base(`demo_budgetrev_${last.year}_${last.month}_promo_kol_adjust`, at(adjustedOn)), year: last.year, month: last.month, category: 'promo_kol', kind: 'adjust', beforeFen: kol.promo_kol!, afterFen: 12_000_00, reason: '达人合作加量（大促）', byName: manager.name, at: at(adjustedOn) })
  kol.promo_kol = 12_000_00
  plans.get(last.year)!.version += 1
  const docs = (list: object[]) => list as unknown as Record<string, unknown>[]
  store.insert(BUDGET_PLANS, docs([...plans.values()]))
  store.insert(BUDGET_REVISIONS, docs(revisions))
  if (spend.length) store.insert(SPEND, docs(spend))
}
