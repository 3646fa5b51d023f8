// The budget's actions: the year's view, a month's first plan, 弹性调整 with a reason, and actual spend per day
// and category (the view is built in budgetRead.ts; spend is written only by common/spendFacts.ts).
import type { steeringContract } from '../../core/api/steering'
import { AppError, fieldError, refuseFields } from '../../core/errors'
import { dayNotInFutureErrors } from '../../core/results/dates'
import { budgetCategoryLabel, type BudgetCategory, type MonthPlan } from '../../core/steering/budget'
import { dayKey } from '../../core/time/china'
import { formatMoney } from '../../core/format'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { BUDGET_PLANS, BUDGET_REVISIONS } from '../common/db/collections'
import { budgetPlanId, type BudgetPlanRecord, type BudgetRevisionRecord } from '../common/db/steering'
import { appendSpend } from '../common/spendFacts'
import { docIn, isConflict } from '../common/transaction'
import { budgetView, spendEntryView } from './budgetRead'
import { baseFields } from '../common/records'

type C = typeof steeringContract

/** One change of one month and category of the plan. */
interface Change {
  category: BudgetCategory
  beforeFen: number | null
  afterFen: number
}

export const budgetHandlers: Pick<Handlers<C>, 'budget' | 'setBudgetPlan' | 'adjustBudget' | 'logBudgetSpend'> = {
  async budget({ ctx, input }) {
    return budgetView(ctx, input.year ?? Number(dayKey(ctx.now).slice(0, 4)))
  },

  /** A month's first plan per category. A category already planned is changed only by 弹性调整 (with a reason). */
  async setBudgetPlan({ ctx, input }) {
    await revise(ctx, input.year, input.month, 'plan', null, (months) => {
      const current = months[input.month] ?? {}
      const changes: Change[] = []
      for (const [category, fen] of Object.entries(input.amounts) as [BudgetCategory, number | undefined][]) {
        if (fen === undefined || current[category] === fen) continue
        if (current[category] !== undefined) {
          throw fieldError(`amounts.${category}`, `计划金额：${budgetCategoryLabel(category)}本月已有计划（${formatMoney(current[category])}），修改请用「弹性调整」并写明原因`)
        }
        changes.push({ category, beforeFen: null, afterFen: fen })
      }
      return changes
    })
    return budgetView(ctx, input.year)
  },

  /** 弹性调整: one category's plan for the month changed; the revision keeps before, after and why. */
  async adjustBudget({ ctx, input }) {
    await revise(ctx, input.year, input.month, 'adjust', input.reason, (months) => {
      const before = months[input.month]?.[input.category] ?? null
      if (before === input.amountFen) throw fieldError('amountFen', `调整后金额：与现在的计划相同（${formatMoney(before)}）`)
      return [{ category: input.category, beforeFen: before, afterFen: input.amountFen }]
    })
    return budgetView(ctx, input.year)
  },

  /** A day's actual spend in a category; correcting the entry in force needs a reason (both are kept). */
  async logBudgetSpend({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.date, { now: ctx.now }))
    const doc = await appendSpend(ctx, input, {
      requireReason: true,
      onMissingReason: (current) => fieldError('reason', `更正原因：${input.date} ${budgetCategoryLabel(input.category)}已记录 ${formatMoney(current.amountFen)}，更正请写明原因`),
    })
    ctx.audit({ subjectId: doc._id, subjectName: budgetCategoryLabel(input.category), detail: { date: doc.date, category: doc.category, amountFen: doc.amountFen, supersedes: doc.supersedes, reason: doc.reason } })
    return spendEntryView(doc)
  },
}

/**
 * Changes the year's plan and appends one revision per changed category, in one transaction: the plan
 * document and its history never disagree. Revision ids come from the request, so a re-run collides.
 */
async function revise(
  ctx: MemberCtx,
  year: number,
  month: number,
  kind: BudgetRevisionRecord['kind'],
  reason: string | null,
  decide: (months: Partial<Record<number, MonthPlan>>) => Change[],
): Promise<void> {
  const id = budgetPlanId(ctx.team._id, year)
  const ids = new Map<BudgetCategory, string>()
  let written: Change[] = []
  try {
    await ctx.db.runTransaction(async (tx) => {
      const plan = await docIn<BudgetPlanRecord>(tx, BUDGET_PLANS, id)
      const months = Object.fromEntries(Object.entries(plan?.months ?? {}).map(([m, p]) => [Number(m), p ?? {}])) as Partial<Record<number, MonthPlan>>
      const changes = decide(months)
      written = changes
      if (changes.length === 0) return
      const next: MonthPlan = { ...(months[month] ?? {}) }
      for (const c of changes) next[c.category] = c.afterFen
      if (plan) {
        await tx.collection(BUDGET_PLANS).doc(id).update({ data: { [`months.${month}`]: next, updatedAt: ctx.now, version: plan.version + 1 } })
      } else {
        const doc: Omit<BudgetPlanRecord, '_id'> = { teamId: ctx.team._id, year, months: { [month]: next }, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.member._id, version: 1 }
        await tx.collection(BUDGET_PLANS).doc(id).set({ data: doc as unknown as Record<string, unknown> })
      }
      for (const c of changes) {
        const revId = ids.get(c.category) ?? ids.set(c.category, ctx.newId('budgetRevision')).get(c.category)!
        const rev: BudgetRevisionRecord = {
          ...baseFields(ctx, revId),
          year,
          month,
          category: c.category,
          kind,
          beforeFen: c.beforeFen,
          afterFen: c.afterFen,
          reason,
          byName: ctx.member.name,
          at: ctx.now,
        }
        await tx.collection(BUDGET_REVISIONS).add({ data: rev as unknown as Record<string, unknown> })
      }
    })
  } catch (e) {
    if (e instanceof AppError) throw e
    if (isConflict(e)) throw new AppError('CONFLICT', '同时有人在修改预算，请刷新后重试')
    throw e
  }
  // After the commit: a transaction that ran twice (a lost race) is audited once.
  if (written.length) ctx.audit({ subjectId: id, subjectName: `${year}年${month}月预算`, detail: { kind, reason, changes: written } })
}
