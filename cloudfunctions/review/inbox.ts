import type { InboxEntry, InboxView, MyItemEntry } from '../../core/review/schemas'
import type { ItemRecord } from '../content/records'
import type { MemberCtx } from '../common/context'
import { loadPeople } from './people'
import { NOTIFICATIONS, PRODUCTIONS, type NotificationRecord, type ProductionRecord } from './records'
import { dueAt, isAuthor } from './views'

const ITEMS = 'items'
/** The inbox sends at most this many waiting reviews (oldest first) with the totals: a phone shows no more. */
const INBOX_CAP = 100
const MY_ITEMS_CAP = 200
const HOUR = 3_600_000
/** The flow snapshot is the bulk of a production and no row needs it; the preview only the waiting rows show. */
const WAITING_FIELDS = { flow: false }
const MY_ITEM_FIELDS = { flow: false, preview: false }

/** review.inbox: what waits for my decision, where my own items stand, and my unread count. */
export async function inbox(ctx: MemberCtx): Promise<InboxView> {
  const [waiting, mine, unread] = await Promise.all([waitingForMe(ctx), myItems(ctx), unreadCount(ctx)])
  return { ...waiting, mine, unread }
}

async function waitingForMe(ctx: MemberCtx): Promise<{ waiting: InboxEntry[]; waitingTotal: number; overdueTotal: number }> {
  const _ = ctx.db.command
  const me = ctx.member._id
  const roles = ctx.member.roles.filter((r) => r !== 'field')
  if (roles.length === 0) return { waiting: [], waitingTotal: 0, overdueTotal: 0 }
  const repo = ctx.repo<ProductionRecord>(PRODUCTIONS)
  const open = { status: 'in_production', gateState: 'in_review' }
  const opts = { orderBy: ['reviewSince', 'asc'] as [string, 'asc'], fields: WAITING_FIELDS }
  const [byRole, byName] = await Promise.all([repo.find({ ...open, reviewerRoles: _.in(roles) }, opts), repo.find({ ...open, reviewerIds: me }, opts)])
  const seen = new Set<string>()
  const candidates = [...byRole, ...byName].filter((p) => !seen.has(p._id) && seen.add(p._id) && !p.approvals.some((a) => a.by === me))
  const items = await itemsById(ctx, candidates.map((p) => p._id))
  const people = await loadPeople(ctx)
  const list = candidates
    .filter((p) => {
      const item = items.get(p._id)
      return item && item.status === 'planned' && !isAuthor(p, item.ownerId, me)
    })
    .sort((a, b) => new Date(a.reviewSince!).getTime() - new Date(b.reviewSince!).getTime())
  const entries = list.map((p): InboxEntry => {
    const item = items.get(p._id)!
    const due = dueAt(p)
    return {
      itemId: p._id,
      title: item.title,
      format: p.format,
      gateIndex: p.gateIndex,
      gateCount: p.gateCount,
      gateName: p.gate.name,
      versionNo: p.versionNo,
      submittedByName: people.name(p.submittedBy),
      ownerName: people.name(item.ownerId),
      reviewSince: new Date(p.reviewSince!).toISOString(),
      dueAt: due ? due.toISOString() : null,
      overdue: due !== null && ctx.now.getTime() > due.getTime(),
      waitingHours: Math.round(((ctx.now.getTime() - new Date(p.reviewSince!).getTime()) / HOUR) * 10) / 10,
      plannedAt: item.plannedAt ? new Date(item.plannedAt).toISOString() : null,
      version: p.version,
      preview: p.preview ?? null,
    }
  })
  return { waiting: entries.slice(0, INBOX_CAP), waitingTotal: entries.length, overdueTotal: entries.filter((e) => e.overdue).length }
}

async function myItems(ctx: MemberCtx): Promise<MyItemEntry[]> {
  const _ = ctx.db.command
  const items = await ctx.repo<ItemRecord>(ITEMS).find(
    { ownerId: ctx.member._id, status: _.in(['planned', 'scheduled']) },
    { orderBy: ['plannedAt', 'asc'], limit: MY_ITEMS_CAP, fields: { _id: true, title: true, format: true, status: true, plannedAt: true } },
  )
  if (items.length === 0) return []
  const prods = await ctx.repo<ProductionRecord>(PRODUCTIONS).find({ _id: _.in(items.map((i) => i._id)) }, { fields: MY_ITEM_FIELDS, limit: MY_ITEMS_CAP })
  const byId = new Map(prods.map((p) => [p._id, p]))
  return items.map((i): MyItemEntry => {
    const p = byId.get(i._id)
    const plannedAt = i.plannedAt ? new Date(i.plannedAt).toISOString() : null
    const base = { itemId: i._id, title: i.title, format: i.format, plannedAt }
    if (!p) return { ...base, status: 'not_started', gateIndex: null, gateCount: null, gateName: null, gateState: null, ask: '开始制作，提交选题', myTurn: true, overdue: false }
    const g = p.gate.name
    const due = p.status === 'in_production' && p.gateState === 'in_review' ? dueAt(p) : null
    const [ask, myTurn] =
      p.status === 'scheduled'
        ? ['终审已通过：发布后标记已发布', true]
        : p.status === 'published'
          ? ['已发布', false]
          : p.gateState === 'drafting'
            ? [`提交「${g}」`, true]
            : p.gateState === 'changes_requested'
              ? [`按意见修改后重新提交「${g}」`, true]
              : [`等待审核「${g}」`, false]
    return {
      ...base,
      status: p.status,
      gateIndex: p.gateIndex,
      gateCount: p.gateCount,
      gateName: g,
      gateState: p.gateState,
      ask: ask as string,
      myTurn: myTurn as boolean,
      overdue: due !== null && ctx.now.getTime() > due.getTime(),
    }
  })
}

export async function unreadCount(ctx: MemberCtx): Promise<number> {
  return ctx.repo<NotificationRecord>(NOTIFICATIONS).count({ memberId: ctx.member._id, read: false })
}

async function itemsById(ctx: MemberCtx, ids: string[]): Promise<Map<string, ItemRecord>> {
  if (ids.length === 0) return new Map()
  const list = await ctx.repo<ItemRecord>(ITEMS).find(
    { _id: ctx.db.command.in(ids) },
    { fields: { _id: true, title: true, ownerId: true, status: true, plannedAt: true }, limit: ids.length },
  )
  return new Map(list.map((i) => [i._id, i]))
}
