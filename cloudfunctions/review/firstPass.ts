// 内容合格率's facts (core/review/firstPass): the first outcome of each item's gate, kept per team and
// month in review_firsts. A decision adds its own in its transaction; the hourly timer rebuilds a team's
// from its decision records once, so decisions from before they were kept count too.
import { firstOutcomes, mergeOutcomes, type GateOutcome } from '../../core/review/firstPass'
import type { ProductionEvent, ProductionState } from '../../core/review/machine'
import { dayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { REVIEW_EVENTS, REVIEW_FIRSTS, TEAMS } from '../common/db/collections'
import { firstsId, monthOf, type EventRecord, type FirstsRecord } from '../common/db/review'
import { forEachTeam } from '../common/everyTeam'
import { docIn } from '../common/transaction'
import { Repo } from '../common/repo'
import type { DbLike, TransactionLike } from '../common/sdk'

/** One timer run's work time: the review function's timeout is 10 s; the next hourly run carries on. */
const BUDGET_MS = 6_000

/** Whether an event passes the gate it was decided at (an 'all' gate's single sign-off does not). */
export function passesGate(event: ProductionEvent, prev: ProductionState, next: ProductionState): boolean {
  return event.type === 'approve' && (next.gateIndex !== prev.gateIndex || next.status !== prev.status)
}

/**
 * The first outcome this decision makes at its gate, or null when it settles nothing or the gate had
 * one before (changes requested earlier). Called inside the decision's transaction: decision records are
 * append-only, and a decision on this item committed after the production was read changes its
 * revision, so the commit fails and the whole transaction reruns.
 */
export async function firstOutcomeOf(ctx: MemberCtx, itemId: string, event: ProductionEvent, prev: ProductionState, next: ProductionState): Promise<GateOutcome | null> {
  const passed = passesGate(event, prev, next)
  if (!passed && event.type !== 'requestChanges') return null
  const earlier = await ctx.repo<EventRecord>(REVIEW_EVENTS).findOne({ itemId, gateIndex: prev.gateIndex, type: 'changes_requested' })
  if (earlier) return null
  const gate = prev.flow[prev.gateIndex]
  return { itemId, gateIndex: prev.gateIndex, gateKey: gate.key, gateName: gate.name, passed, day: dayKey(ctx.now) }
}

/**
 * Adds outcomes to their months' documents in a transaction: read, merge, set. Two writers of one month
 * conflict at commit and one reruns; an outcome already stored is kept as it is.
 */
export async function addOutcomesIn(tx: TransactionLike, teamId: string, outcomes: readonly GateOutcome[], now: Date): Promise<void> {
  for (const [month, list] of byMonth(outcomes)) {
    const id = firstsId(teamId, month)
    const stored = await docIn<FirstsRecord>(tx, REVIEW_FIRSTS, id)
    const merged = mergeOutcomes(stored?.outcomes ?? [], list)
    if (!merged) continue
    const doc: Omit<FirstsRecord, '_id'> = { teamId, month, outcomes: merged, updatedAt: now }
    await tx.collection(REVIEW_FIRSTS).doc(id).set({ data: doc as unknown as Record<string, unknown> })
  }
}

/**
 * Rebuilds a team's first outcomes from all its decision records and merges them in, one transaction
 * per month. Idempotent: outcomes the decisions already added, or a rerun, change nothing.
 */
export async function rebuildFirsts(db: DbLike, teamId: string, now: Date): Promise<number> {
  const events = await new Repo<EventRecord>(db, REVIEW_EVENTS, teamId).find(
    { type: db.command.in(['approved', 'changes_requested']) },
    { limit: Number.MAX_SAFE_INTEGER, fields: { _id: true, itemId: true, type: true, gateIndex: true, gateKey: true, gateName: true, passed: true, at: true } },
  )
  const outcomes = firstOutcomes(events)
  for (const list of byMonth(outcomes).values()) await db.runTransaction((tx) => addOutcomesIn(tx, teamId, list, now))
  return outcomes.length
}

function byMonth(outcomes: readonly GateOutcome[]): Map<string, GateOutcome[]> {
  const out = new Map<string, GateOutcome[]>()
  for (const o of outcomes) out.set(monthOf(o.day), [...(out.get(monthOf(o.day)) ?? []), o])
  return out
}

/**
 * The timer: every team not yet rebuilt (no `firstsFilledAt`) gets its first outcomes rebuilt once, then
 * is marked. Out of time, it stops between teams and the next run carries on.
 */
export async function fillAllTeams(db: DbLike, now: Date, limits: { budgetMs?: number } = {}): Promise<{ teams: number; finished: boolean }> {
  const notYet = { firstsFilledAt: db.command.exists(false) }
  return forEachTeam(
    db,
    Date.now() + (limits.budgetMs ?? BUDGET_MS),
    async (teamId) => {
      await rebuildFirsts(db, teamId, now)
      await db.collection(TEAMS).doc(teamId).update({ data: { firstsFilledAt: now } })
    },
    notYet,
  )
}
