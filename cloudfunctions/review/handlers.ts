import type { reviewContract } from '../../core/api/review'
import { FORMATS, type Format } from '../../core/content/schemas'
import { AppError, fieldError, refuseFields } from '../../core/errors'
import { itemCycle, rangeCycle, type CycleFact } from '../../core/review/cycle'
import { defaultFlow, type Gate } from '../../core/review/flow'
import { initialState, transition, type Effect, type ProductionEvent, type ProductionState } from '../../core/review/machine'
import { versionPreview } from '../../core/review/preview'
import { addDays, startOfDay } from '../../core/time/china'
import type { ItemRecord } from '../content/records'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { docIn, isConflict } from '../common/production'
import type { MemberRecord } from '../common/records'
import { inbox, unreadCount } from './inbox'
import { noticesFor, sendSubscribeMessages, type Notice } from './notify'
import {
  EVENTS,
  FLOWS,
  NOTIFICATIONS,
  PRODUCTIONS,
  stateFields,
  stateOf,
  VERSIONS,
  type EventRecord,
  type EventType,
  type FlowRecord,
  type NotificationRecord,
  type ProductionRecord,
  type VersionRecord,
} from './records'
import { loadMembers, loadPeople, peopleOf, refusalText } from './people'
import { flowView, itemCycleView, productionView, timelineOf, versionView } from './views'

const ITEMS = 'items'
const NOTICE_PAGE = 20

export const handlers: Handlers<typeof reviewContract> = {
  async listFlows({ ctx }) {
    const stored = await ctx.repo<FlowRecord>(FLOWS).find({})
    return FORMATS.map((f) => {
      const s = stored.find((x) => x.format === f) ?? null
      return flowView(f, s ? s.gates : defaultFlow(f), s)
    })
  },

  async getFlow({ ctx, input }) {
    const s = await ctx.repo<FlowRecord>(FLOWS).get(flowId(ctx, input.format))
    return flowView(input.format, s ? s.gates : defaultFlow(input.format), s)
  },

  async updateFlow({ ctx, input }) {
    await requireReviewers(ctx, input.gates)
    const repo = ctx.repo<FlowRecord>(FLOWS)
    const id = flowId(ctx, input.format)
    const stored = await repo.get(id)
    const view = (c: FlowRecord) => flowView(c.format, c.gates, c)
    ctx.audit({ target: input.format, detail: { gates: input.gates.map((g) => g.name) } })
    if (stored) {
      const updated = await repo.updateVersioned(id, input.version, { gates: ctx.db.command.set(input.gates) }, ctx.now, view)
      return view(updated)
    }
    if (input.version !== 0) throw new AppError('CONFLICT', '流程已被他人修改，请刷新后重试', { current: flowView(input.format, defaultFlow(input.format), null) })
    const record: FlowRecord = { _id: id, teamId: ctx.team._id, format: input.format, gates: input.gates, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.member._id, version: 1 }
    const { doc, created } = await repo.insertOnce(record)
    if (!created) throw new AppError('CONFLICT', '流程已被他人修改，请刷新后重试', { current: view(doc) })
    return view(doc)
  },

  async startProduction({ ctx, input }) {
    const item = await requireItem(ctx, input.itemId)
    if (item.status === 'idea') throw new AppError('CONFLICT', '请先为选题安排发布时间，再开始制作')
    if (item.status !== 'planned') throw new AppError('CONFLICT', '只有已排期的内容可以开始制作')
    const stored = await ctx.repo<FlowRecord>(FLOWS).get(flowId(ctx, item.format))
    const flow = stored ? stored.gates : defaultFlow(item.format)
    const state = initialState(flow, item.ownerId)
    const record: ProductionRecord = {
      _id: item._id,
      teamId: ctx.team._id,
      itemId: item._id,
      format: item.format,
      ...stateFields(state),
      startedAt: ctx.now,
      reviewSince: null,
      scheduledAt: null,
      publishedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.member._id,
      version: 0,
    }
    const { doc, created } = await ctx.repo<ProductionRecord>(PRODUCTIONS).insertOnce(record)
    const people = await loadPeople(ctx)
    const actor = actorOf(ctx)
    if (!created) throw new AppError('CONFLICT', '这条内容已在制作中', { current: productionView(doc, item, people, actor, ctx.now) })
    await ctx.repo<EventRecord>(EVENTS).insertOnce(eventRecord(ctx, item._id, 'started', state, { versionNo: null }))
    ctx.audit({ target: item._id, detail: { gates: flow.map((g) => g.name) } })
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
    const { doc } = await ctx.repo<EventRecord>(EVENTS).insertOnce(
      eventRecord(ctx, item._id, 'comment', stateOf(p), { versionNo: input.versionNo ?? null, comment: input.comment }),
    )
    ctx.audit({ target: item._id })
    return timelineOf([doc], [], p.flow, people)[0]
  },

  async getProduction({ ctx, input }) {
    const [item, p, people] = await Promise.all([requireItem(ctx, input.itemId, true), requireProduction(ctx, input.itemId), loadPeople(ctx)])
    return productionView(p, item, people, actorOf(ctx), ctx.now)
  },

  async versions({ ctx, input }) {
    await requireProduction(ctx, input.itemId)
    const [list, people] = await Promise.all([ctx.repo<VersionRecord>(VERSIONS).find({ itemId: input.itemId }, { orderBy: ['no', 'asc'] }), loadPeople(ctx)])
    return list.map((v) => versionView(v, people))
  },

  async timeline({ ctx, input }) {
    const p = await requireProduction(ctx, input.itemId)
    const [events, versions, people] = await Promise.all([
      ctx.repo<EventRecord>(EVENTS).find({ itemId: input.itemId }, { orderBy: ['at', 'asc'] }),
      ctx.repo<VersionRecord>(VERSIONS).find({ itemId: input.itemId }, { orderBy: ['no', 'asc'] }),
      loadPeople(ctx),
    ])
    return timelineOf(events, versions, p.flow, people)
  },

  async inbox({ ctx }) {
    return inbox(ctx)
  },

  async notifications({ ctx, input }) {
    const repo = ctx.repo<NotificationRecord>(NOTIFICATIONS)
    const [list, unread] = await Promise.all([
      repo.find({ memberId: ctx.member._id }, { orderBy: ['createdAt', 'desc'], skip: input.offset, limit: NOTICE_PAGE + 1 }),
      unreadCount(ctx),
    ])
    return {
      items: list.slice(0, NOTICE_PAGE).map((n) => ({ id: n._id, kind: n.kind, itemId: n.itemId, title: n.title, body: n.body, read: n.read, at: new Date(n.createdAt).toISOString() })),
      unread,
      hasMore: list.length > NOTICE_PAGE,
      nextOffset: input.offset + Math.min(list.length, NOTICE_PAGE),
    }
  },

  async markRead({ ctx, input }) {
    const _ = ctx.db.command
    const where: Record<string, unknown> = { memberId: ctx.member._id, read: false }
    if (input.ids) where._id = _.in(input.ids)
    const updated = await ctx.repo<NotificationRecord>(NOTIFICATIONS).updateWhere(where, { read: true, updatedAt: ctx.now, version: _.inc(1) })
    return { updated }
  },

  async itemCycle({ ctx, input }) {
    const [item, p] = await Promise.all([requireItem(ctx, input.itemId, true), requireProduction(ctx, input.itemId)])
    const events = await ctx.repo<EventRecord>(EVENTS).find({ itemId: input.itemId }, { orderBy: ['at', 'asc'] })
    return itemCycleView(item._id, item.title, itemCycle(events.map(cycleFact), p.flow, ctx.now))
  },

  async cycleStats({ ctx, input }) {
    const _ = ctx.db.command
    const from = startOfDay(input.from)
    const to = startOfDay(addDays(input.to, 1))
    const done = await ctx.repo<ProductionRecord>(PRODUCTIONS).find(
      { scheduledAt: _.gte(from).and(_.lt(to)) },
      { orderBy: ['scheduledAt', 'asc'], fields: { _id: true, flow: true } },
    )
    const ids = done.map((p) => p._id)
    const [events, items] = ids.length
      ? await Promise.all([
          ctx.repo<EventRecord>(EVENTS).find({ itemId: _.in(ids), type: _.in(['started', 'submitted', 'approved', 'changes_requested']) }, { orderBy: ['at', 'asc'], limit: 20_000 }),
          ctx.repo<ItemRecord>(ITEMS).find({ _id: _.in(ids) }, { fields: { _id: true, title: true } }),
        ])
      : [[], []]
    const byItem = new Map<string, CycleFact[]>()
    for (const e of events) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), cycleFact(e)])
    const titles = new Map(items.map((i) => [i._id, i.title]))
    const cycles = done.map((p) => ({ id: p._id, c: itemCycle(byItem.get(p._id) ?? [], p.flow, ctx.now) }))
    return {
      from: input.from,
      to: input.to,
      targetHours: 24,
      ...rangeCycle(cycles.map((x) => x.c)),
      list: cycles
        .filter((x) => x.c.done && x.c.productionHours !== null)
        .map((x) => ({ itemId: x.id, title: titles.get(x.id) ?? '', productionHours: x.c.productionHours!, finalApprovedAt: x.c.finalApprovedAt!.toISOString() })),
    }
  },
}

// ---- deciding ------------------------------------------------------------------------------------

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
        scheduledAt: next.status === 'scheduled' && prev.status !== 'scheduled' ? ctx.now : prev.scheduledAt,
        updatedAt: ctx.now,
        version: prev.version + 1,
      }
      await tx.collection(PRODUCTIONS).doc(itemId).update({ data: patch })
      for (const doc of facts(ctx, itemId, event, before, next, extra)) await tx.collection(doc.coll).add({ data: doc.data })
      if (r.effects.some((e: Effect) => e.type === 'scheduleItem')) {
        const cur = await docIn<ItemRecord>(tx, ITEMS, itemId)
        if (cur) await tx.collection(ITEMS).doc(itemId).update({ data: { status: 'scheduled', ...(await finalCycle(ctx, itemId, prev)), updatedAt: ctx.now, version: cur.version + 1 } })
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
  ctx.audit({ target: itemId, detail: { event: event.type, gate: outcome.next.gate.name, versionNo: outcome.next.versionNo } })
  return productionView(outcome.next, item, people, actor, ctx.now)
}

/** The append-only records an accepted event leaves: the submitted version and the decision. */
function facts(ctx: MemberCtx, itemId: string, event: ProductionEvent, prev: ProductionState, next: ProductionState, extra: DecideExtra) {
  const out: { coll: string; data: Record<string, unknown> }[] = []
  const gate = prev.flow[prev.gateIndex]
  if (event.type === 'submit') {
    const s = extra.submission ?? {}
    const v: VersionRecord = {
      _id: ctx.newId('version'),
      teamId: ctx.team._id,
      itemId,
      no: next.versionNo,
      gateIndex: prev.gateIndex,
      gateKey: gate.key,
      gateName: gate.name,
      text: s.text ?? '',
      links: s.links ?? [],
      fileIds: s.fileIds ?? [],
      note: s.note ?? '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.member._id,
      version: 0,
    }
    out.push({ coll: VERSIONS, data: v as unknown as Record<string, unknown> })
  }
  const type: EventType = event.type === 'submit' ? 'submitted' : event.type === 'approve' ? 'approved' : 'changes_requested'
  const passed = event.type === 'approve' && (next.gateIndex !== prev.gateIndex || next.status !== prev.status)
  const versionNo = event.type === 'submit' ? next.versionNo : extra.versionNo ?? prev.versionNo
  out.push({ coll: EVENTS, data: eventRecord(ctx, itemId, type, prev, { versionNo, comment: event.type === 'submit' ? '' : extra.comment, passed }) as unknown as Record<string, unknown> })
  return out
}

function eventRecord(ctx: MemberCtx, itemId: string, type: EventType, s: ProductionState, o: { versionNo: number | null; comment?: string; passed?: boolean }): EventRecord {
  const gate = s.flow[s.gateIndex]
  return {
    _id: ctx.newId(`event-${type}`),
    teamId: ctx.team._id,
    itemId,
    type,
    gateIndex: s.gateIndex,
    gateKey: gate.key,
    gateName: gate.name,
    versionNo: o.versionNo,
    comment: o.comment ?? '',
    passed: o.passed ?? false,
    at: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.member._id,
    version: 0,
  }
}

// ---- helpers -----------------------------------------------------------------------------------------

function flowId(ctx: MemberCtx, format: Format): string {
  return `${ctx.team._id}_${format}`
}

function actorOf(ctx: MemberCtx) {
  return { memberId: ctx.member._id, roles: ctx.member.roles }
}

async function requireItem(ctx: MemberCtx, id: string, allowArchived = false): Promise<ItemRecord> {
  const item = await ctx.repo<ItemRecord>(ITEMS).get(id)
  if (!item) throw new AppError('NOT_FOUND', '内容不存在')
  if (!allowArchived && item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  return item
}

async function requireProduction(ctx: MemberCtx, itemId: string): Promise<ProductionRecord> {
  const p = await ctx.repo<ProductionRecord>(PRODUCTIONS).get(itemId)
  if (!p) throw new AppError('NOT_FOUND', '这条内容还没有开始制作')
  return p
}

/** Named reviewers must be active members who may review (not field staff only). */
async function requireReviewers(ctx: MemberCtx, gates: Gate[]): Promise<void> {
  const ids = [...new Set(gates.flatMap((g) => g.reviewers.memberIds))]
  if (ids.length === 0) return
  const found = await ctx.repo<MemberRecord>('members').find({ _id: ctx.db.command.in(ids), status: 'active' }, { fields: { _id: true, roles: true } })
  const ok = new Set(found.filter((m) => m.roles.some((r) => r !== 'field')).map((m) => m._id))
  const fields = gates.flatMap((g, i) =>
    g.reviewers.memberIds.flatMap((id, j) => (ok.has(id) ? [] : [{ path: `gates.${i}.reviewers.memberIds.${j}`, message: `「${g.name}」的审核人：必须是团队中可审核的成员` }])),
  )
  refuseFields(fields)
}

/**
 * Written onto the item when its production passes the final gate: when that was, and the production
 * cycle time (topic approved → final approved, core/review/cycle), so the dashboard averages it from the
 * items it already reads instead of replaying decision records. The topic approval is an append-only
 * fact from before this transaction, so reading it outside the transaction is safe.
 */
async function finalCycle(ctx: MemberCtx, itemId: string, prev: ProductionRecord): Promise<{ finalApprovedAt: Date; cycleSeconds?: number }> {
  const topic = await ctx.repo<EventRecord>(EVENTS).find({ itemId, type: 'approved', gateIndex: 0, passed: true }, { orderBy: ['at', 'asc'], limit: 1 })
  const facts: CycleFact[] = [...topic.map(cycleFact), { type: 'approved', gateIndex: prev.gateIndex, at: ctx.now, passed: true }]
  const hours = itemCycle(facts, prev.flow, ctx.now).productionHours
  return hours === null ? { finalApprovedAt: ctx.now } : { finalApprovedAt: ctx.now, cycleSeconds: Math.round(hours * 3600) }
}

function cycleFact(e: EventRecord): CycleFact {
  return { type: e.type === 'scheduled' ? 'approved' : e.type, gateIndex: e.gateIndex, at: e.at, passed: e.passed }
}
