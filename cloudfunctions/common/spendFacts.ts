// The one writer of actual spend (`spend`): a day's entry in one budget category, superseding the entry in
// force for that day and category. The growth page's 投流花费 (analytics.logSpend) is the 广告投放 entry;
// the budget page (steering.logBudgetSpend) logs every category. Both come through here.
import { spendCategoryOf, spendInForceByCategory, spendKey, type BudgetCategory } from '../../core/steering/budget'
import type { DayKey } from '../../core/time/china'
import type { MemberCtx } from './context'
import { loggedFact } from './records'
import { SPEND } from './db/collections'
import type { SpendRecord } from './db/analytics'

/** What every reader of spend entries asks for (never the whole record). */
export const SPEND_FIELDS = { _id: true, date: true, category: true, amountFen: true, supersedes: true, loggedAt: true, reason: true, loggedByName: true }
export type SpendEntry = Pick<SpendRecord, '_id' | 'date' | 'category' | 'amountFen' | 'supersedes' | 'loggedAt' | 'reason' | 'loggedByName'>

/** A day's entries: every category (a day holds a handful; superseded ones included), in one request. */
export async function spendOfDay(ctx: MemberCtx, date: DayKey): Promise<SpendEntry[]> {
  return ctx.repo<SpendEntry & { teamId: string }>(SPEND).find({ date }, { limit: 1000, fields: SPEND_FIELDS })
}

/** The entries in force, keyed by `${date}|${category}`. */
export function inForce<T extends SpendEntry>(entries: readonly T[]): Map<string, T> {
  const facts = entries.map((e) => ({ ...e, id: e._id }))
  return new Map([...spendInForceByCategory(facts)].map(([k, v]) => [k, v as unknown as T]))
}

/**
 * Appends an entry for the day and category. Its id comes from the request, so a handler re-run for the same
 * request collides with its first write (the wrapper's requestId answers a plain retry). `requireReason`:
 * superseding an entry in force needs a reason (the budget's rule; 投流花费 keeps its plain relog).
 */
export async function appendSpend(
  ctx: MemberCtx,
  input: { date: DayKey; category: BudgetCategory; amountFen: number; reason?: string | null },
  opts: { requireReason?: boolean; onMissingReason?: (current: SpendEntry) => Error } = {},
): Promise<SpendRecord> {
  const id = ctx.newId('spend')
  const repo = ctx.repo<SpendRecord>(SPEND)
  const sameDay = (await spendOfDay(ctx, input.date)).filter((s) => s._id !== id && spendCategoryOf(s) === input.category)
  const current = inForce(sameDay).get(spendKey(input.date, input.category))
  const reason = input.reason?.trim() ? input.reason.trim() : null
  if (current && opts.requireReason && !reason && opts.onMissingReason) throw opts.onMissingReason(current)
  const record: SpendRecord = { ...loggedFact(ctx, id), date: input.date, category: input.category, amountFen: input.amountFen, supersedes: current?._id ?? null, reason }
  const { doc } = await repo.insertOnce(record)
  return doc
}
