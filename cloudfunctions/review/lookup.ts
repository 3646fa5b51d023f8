// What deciding and reading a production both need, kept in one place so the two areas refuse a missing
// item or production with the same words: the records by id, the caller as the machine's actor, and
// review events as cycle-time facts.
import { AppError } from '../../core/errors'
import type { CycleFact } from '../../core/review/cycle'
import { ITEMS, PRODUCTIONS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { EventRecord, ProductionRecord } from '../common/db/review'
import type { MemberCtx } from '../common/context'

export function actorOf(ctx: MemberCtx) {
  return { memberId: ctx.member._id, roles: ctx.member.roles }
}

export async function requireItem(ctx: MemberCtx, id: string, allowArchived = false): Promise<ItemRecord> {
  const item = await ctx.repo<ItemRecord>(ITEMS).get(id)
  if (!item) throw new AppError('NOT_FOUND', '内容不存在')
  if (!allowArchived && item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  return item
}

export async function requireProduction(ctx: MemberCtx, itemId: string): Promise<ProductionRecord> {
  const p = await ctx.repo<ProductionRecord>(PRODUCTIONS).get(itemId)
  if (!p) throw new AppError('NOT_FOUND', '这条内容还没有开始制作')
  return p
}

export function cycleFact(e: EventRecord): CycleFact {
  return { type: e.type === 'scheduled' ? 'approved' : e.type, gateIndex: e.gateIndex, at: e.at, passed: e.passed }
}
