// Moving a production through its gates: starting it, submitting versions, approving or requesting
// changes, commenting. Every decision runs the approval machine (core/review/machine) in one transaction,
// so who may approve a gate, and what two reviewers deciding at once get, is answered here.
import type { reviewContract } from '../../core/api/review'
import { AppError, fieldError } from '../../core/errors'
import { itemCycle, type CycleFact } from '../../core/review/cycle'
import { defaultFlow } from '../../core/review/flow'
import { initialState, transition, type Effect, type ProductionEvent, type ProductionState } from '../../core/review/machine'
import { versionPreview } from '../../core/review/preview'
import { NOTIFICATIONS, PRODUCTIONS, REVIEW_EVENTS, REVIEW_FLOWS, REVIEW_VERSIONS, type CollectionName } from '../common/db/collections'
import { flowId, stateFields, stateOf, type EventRecord, type EventType, type FlowRecord, type ProductionRecord, type VersionRecord } from '../common/db/review'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { scheduleItemIn } from '../common/itemLifecycle'
import { docIn, isConflict } from '../common/transaction'
import { addOutcomesIn, firstOutcomeOf, passesGate } from './firstPass'
import { actorOf, cycleFact, requireItem, requireProduction } from './lookup'
import { noticesFor, sendSubscribeMessages, type Notice } from './notify'
import { loadMembers, loadPeople, peopleOf, refusalText } from './people'
import { productionView, timelineOf } from './views'
import { baseFields } from '../common/records'

type DecideActions = 'startProduction' | 'submitVersion' | 'approve' | 'requestChanges' | 'addComment'

export const decideHandlers: Pick<Handlers<typeof reviewContract>, DecideActions> = {
  async startProduction({ ctx, input }) {
    const item = await requireItem(ctx, input.itemId)
    if (item.status === 'idea') throw new AppError('CONFLICT', '请先为选题安排发布时间，再开始制作')
    if (item.status !== 'planned') throw new AppError('CONFLICT', '只有已排期的内容可以开始制作')
    const stored = await ctx.repo<FlowRecord>(REVIEW_FLOWS).get(flowId(ctx.team._id, item.format))
    const flow = stored ? stored.gates : defaultFlow(item.format)
    const state = initialState(flow, item.ownerId)
    const record: ProductionRecord = {
      ...baseFields(ctx, item._id),
      itemId: item._id,
      format: item.format,
      ...stateFields(state),
      startedAt: ctx.now,
      reviewSince: null,
      finalApprovedAt: null,
      publishedAt: null,
    }
    const { doc, created } = await ctx.repo<ProductionRecord>(PRODUCTIONS).insertOnce(record)
    const people = await loadPeople(ctx)
    const actor = actorOf(ctx)
    if (!created) throw new AppError('CONFLICT', '这条内容已在制作中', { current: productionView(doc, item, people, actor, ctx.now) })
    await ctx.repo<EventRecord>(REVIEW_EVENTS).insertOnce(eventRecord(ctx, item._id, 'started', state, { versionNo: null }))
    ctx.audit({ subjectId: item._id, detail: { gates: flow.map((g) => g.name) } })
    return productionView(doc, item, people, actor, ctx.now)
  },

  async submitVersion({ ctx, input }) {
    return decide(ctx, input.itemId, input.version, { type: 'submit' }, { comment: input.note ?? '', submission: input })
  },

  async approve({ ctx, input }) {
    return decide(ctx, input.itemId, input.version, { type: 'approve' }, { comment: input.comment ?? '', versionNo: input.versionNo })
  },

  async requestChanges({ ctx, input }) {
    return decide(ctx, input.itemId, input.version, { type: 'requestChanges', comment: input.comment }, { comment: input.comment, versionNo: input.versionNo })
  },

  async addComment({ ctx, input }) {
    const [item, p, people] = await Promise.all([requireItem(ctx, input.itemId), requireProduction(ctx, input.itemId), loadPeople(ctx)])
    if (input.versionNo !== undefined && input.versionNo > p.versionNo) throw fieldError('versionNo', '针对的版本号：没有这个版本')
    const { doc } = await ctx.repo<EventRecord>(REVIEW_EVENTS).insertOnce(
      eventRecord(ctx, item._id, 'comment', stateOf(p), { versionNo: input.versionNo ?? null, comment: input.comment }),
    )
    ctx.audit({ subjectId: item._id })
    return timelineOf([doc], [], p.flow, people)[0]
  },
}

interface DecideExtra {
  comment: string
  versionNo?: number
  submission?: { text?: string; links?: string[]; fileIds?: string[]; note?: string }
}

/**
 * Runs one event of the approval machine against the stored production, in a transaction that
 * checks the version the caller saw: of two reviewers deciding at once, exactly one commits and the
 * other gets CONFLICT with the current state. Facts, the version and notifications commit with it.
 */
async function decide(ctx: MemberCtx, itemId: string, expected: number, event: ProductionEvent, extra: DecideExtra) {
  const [item, members] = await Promise.all([requireItem(ctx, itemId), loadMembers(ctx)])
  const people = peopleOf(members)
  const actor = actorOf(ctx)
  const current = async () => {
    const p = await ctx.repo<ProductionRecord>(PRODUCTIONS).get(itemId)
    return p ? productionView(p, item, people, actor, ctx.now) : undefined
  }
  let outcome: { next: ProductionRecord; notices: Notice[] }
  try {
    outcome = await ctx.db.runTransaction(async (tx) => {
      const prev = await docIn<ProductionRecord>(tx, PRODUCTIONS, itemId)
      if (!prev || prev.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '这条内容还没有开始制作')
      if (prev.version !== expected) throw new AppError('CONFLICT')
      const before: ProductionState = { ...stateOf(prev), ownerId: item.ownerId }
      const r = transition(before, event, actor)
      if (!r.ok) {
        if (r.refusal === 'input') throw fieldError('comment', `意见：${r.reason}`)
        const message = refusalText(r.reason, r.refusal, before, actor, people)
        throw new AppError(r.refusal === 'actor' ? 'FORBIDDEN' : 'CONFLICT', message, { current: productionView(prev, item, people, actor, ctx.now) })
      }
      if (extra.versionNo !== undefined && extra.versionNo > prev.versionNo) throw fieldError('versionNo', '针对的版本号：没有这个版本')
      const next = r.state
      const inReview = next.status === 'in_production' && next.gateState === 'in_review'
      const patch = {
        ...stateFields(next),
        gate: ctx.db.command.set(next.flow[next.gateIndex]),
        reviewSince: inReview ? (prev.gateState === 'in_review' && prev.reviewSince ? prev.reviewSince : ctx.now) : null,
        // What the inbox row shows of the version, kept here so the inbox never reads versions.
        ...(event.type === 'submit' ? { preview: ctx.db.command.set(versionPreview(extra.submission ?? {})) } : {}),
        finalApprovedAt: next.status === 'scheduled' && prev.status !== 'scheduled' ? ctx.now : (prev.finalApprovedAt ?? null),
        updatedAt: ctx.now,
        version: prev.version + 1,
      }
      await tx.collection(PRODUCTIONS).doc(itemId).update({ data: patch })
      for (const doc of facts(ctx, itemId, event, before, next, extra)) await tx.collection(doc.coll).add({ data: doc.data })
      // 内容合格率 counts a gate's first outcome once: it commits with the decision, and a retried request
      // replays the first result (or, run again after a crash, finds the version moved and is refused).
      const outcome = await firstOutcomeOf(ctx, itemId, event, before, next)
      if (outcome) await addOutcomesIn(tx, ctx.team._id, [outcome], ctx.now)
      if (r.effects.some((e: Effect) => e.type === 'scheduleItem')) {
        await scheduleItemIn(tx, itemId, await finalCycle(ctx, itemId, prev), ctx.now)
      }
      const notices = noticesFor({ ctx, effects: r.effects, next, prev: before, itemId, title: item.title, plannedAt: item.plannedAt, comment: extra.comment, members })
      for (const n of notices) await tx.collection(NOTIFICATIONS).add({ data: n.record as unknown as Record<string, unknown> })
      // gate and preview are database commands in the patch, not values: the view needs the gate only.
      return { next: { ...prev, ...patch, gate: next.flow[next.gateIndex], preview: undefined } as ProductionRecord, notices }
    })
  } catch (e) {
    if (e instanceof AppError && e.code !== 'CONFLICT') throw e
    if (e instanceof AppError && e.current !== undefined) throw e
    if (!isConflict(e)) throw e
    throw new AppError('CONFLICT', '已有其他人先处理了，请查看最新状态', { current: await current() })
  }
  await sendSubscribeMessages(outcome.notices, extra.comment)
  ctx.audit({ subjectId: itemId, detail: { event: event.type, gate: outcome.next.gate.name, versionNo: outcome.next.versionNo } })
  return productionView(outcome.next, item, people, actor, ctx.now)
}

/** The append-only records an accepted event leaves: the submitted version and the decision. */
function facts(ctx: MemberCtx, itemId: string, event: ProductionEvent, prev: ProductionState, next: ProductionState, extra: DecideExtra) {
  const out: { coll: CollectionName; data: Record<string, unknown> }[] = []
  const gate = prev.flow[prev.gateIndex]
  if (event.type === 'submit') {
    const s = extra.submission ?? {}
    const v: VersionRecord = {
      ...baseFields(ctx, ctx.newId('version')),
      itemId,
      no: next.versionNo,
      gateIndex: prev.gateIndex,
      gateKey: gate.key,
      gateName: gate.name,
      text: s.text ?? '',
      links: s.links ?? [],
      fileIds: s.fileIds ?? [],
      note: s.note ?? '',
    }
    out.push({ coll: REVIEW_VERSIONS, data: v as unknown as Record<string, unknown> })
  }
  const type: EventType = event.type === 'submit' ? 'submitted' : event.type === 'approve' ? 'approved' : 'changes_requested'
  const passed = passesGate(event, prev, next)
  const versionNo = event.type === 'submit' ? next.versionNo : extra.versionNo ?? prev.versionNo
  out.push({ coll: REVIEW_EVENTS, data: eventRecord(ctx, itemId, type, prev, { versionNo, comment: event.type === 'submit' ? '' : extra.comment, passed }) as unknown as Record<string, unknown> })
  return out
}

function eventRecord(ctx: MemberCtx, itemId: string, type: EventType, s: ProductionState, o: { versionNo: number | null; comment?: string; passed?: boolean }): EventRecord {
  const gate = s.flow[s.gateIndex]
  return {
    ...baseFields(ctx, ctx.newId(`event-${type}`)),
    itemId,
    type,
    gateIndex: s.gateIndex,
    gateKey: gate.key,
    gateName: gate.name,
    versionNo: o.versionNo,
    comment: o.comment ?? '',
    passed: o.passed ?? false,
    at: ctx.now,
  }
}

/**
 * Written onto the item when its production passes the final gate: when that was, and the production
 * cycle time (topic approved → final approved, core/review/cycle), so the dashboard averages it from the
 * items it already reads instead of replaying decision records. The topic approval is an append-only
 * fact from before this transaction, so reading it outside the transaction is safe.
 */
async function finalCycle(ctx: MemberCtx, itemId: string, prev: ProductionRecord): Promise<{ finalApprovedAt: Date; cycleSeconds?: number }> {
  const topic = await ctx.repo<EventRecord>(REVIEW_EVENTS).find({ itemId, type: 'approved', gateIndex: 0, passed: true }, { orderBy: ['at', 'asc'], limit: 1 })
  const facts: CycleFact[] = [...topic.map(cycleFact), { type: 'approved', gateIndex: prev.gateIndex, at: ctx.now, passed: true }]
  const hours = itemCycle(facts, prev.flow, ctx.now).productionHours
  return hours === null ? { finalApprovedAt: ctx.now } : { finalApprovedAt: ctx.now, cycleSeconds: Math.round(hours * 3600) }
}
