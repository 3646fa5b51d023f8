// Corrections of logged facts: only the logger within 24 hours, or a manager, may correct (issue 5,
// part 5). A correction is a new record that supersedes the old one, which stays, and moves the rollups
// by the difference; a record already superseded cannot be corrected again.
import type { resultsContract } from '../../core/api/results'
import { AppError } from '../../core/errors'
import { leadContribution, liveContribution } from '../../core/results/rollup'
import { CORRECTION_WINDOW_MS } from '../../core/results/schemas'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { loggedFact } from '../common/records'
import { LEADS, LIVE_SESSIONS, SNAPSHOTS } from '../common/db/collections'
import { correctionId, type LeadRecord, type LiveRecord, type SnapshotRecord } from '../common/db/results'
import { commitFact, logger, sessionOf } from './facts'
import { commitSnapshots, inTransaction, type PlannedSnapshot } from './tx'
import { leadView, liveView, snapshotView } from './views'

export const correctionHandlers: Pick<Handlers<typeof resultsContract>, 'correctSnapshot' | 'correctLive' | 'correctLeads'> = {
  async correctSnapshot({ ctx, input }) {
    const target = await ctx.repo<SnapshotRecord>(SNAPSHOTS).get(input.snapshotId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的记录不存在')
    const byManager = ctx.member.roles.includes('manager')
    assertMayCorrect(ctx, target)
    const plan: PlannedSnapshot = {
      id: ctx.newId('snapshot'),
      itemId: target.itemId,
      dims: target.dims,
      date: target.date,
      metrics: input.metrics,
      source: 'form',
      corrects: { snapshotId: target._id, reason: input.reason, byManager },
      importId: null,
      path: 'metrics',
    }
    const [record] = await inTransaction(ctx.db, (tx) => commitSnapshots(tx, logger(ctx), [plan]))
    ctx.audit({ subjectId: record._id, detail: { corrects: target._id, itemId: target.itemId, date: target.date, reason: input.reason, before: target.metrics } })
    return snapshotView(record)
  },

  async correctLive({ ctx, input }) {
    const target = await ctx.repo<LiveRecord>(LIVE_SESSIONS).get(input.liveId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的直播记录不存在')
    assertMayCorrect(ctx, target)
    const record: LiveRecord = {
      ...loggedFact(ctx, correctionId('live', target._id)),
      ...sessionOf(ctx, input),
      itemId: target.itemId,
      supersedes: target._id,
      reason: input.reason,
      requestId: ctx.requestKey,
      dims: target.dims,
    }
    const moves = [liveContribution({ ...target, id: target._id }, target.dims, -1), liveContribution({ ...record, id: record._id }, record.dims)]
    const saved = await commitFact(ctx, LIVE_SESSIONS, record, moves, (stored) => sameRequestOrConflict(ctx, stored, liveView))
    ctx.audit({ subjectId: saved._id, detail: { corrects: target._id, itemId: target.itemId, reason: input.reason } })
    return liveView(saved)
  },

  async correctLeads({ ctx, input }) {
    const target = await ctx.repo<LeadRecord>(LEADS).get(input.leadId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的线索记录不存在')
    assertMayCorrect(ctx, target)
    const record: LeadRecord = {
      ...loggedFact(ctx, correctionId('lead', target._id)),
      date: target.date,
      channel: target.channel,
      count: input.count,
      itemId: target.itemId,
      liveId: target.liveId,
      supersedes: target._id,
      reason: input.reason,
      requestId: ctx.requestKey,
    }
    const moves = [leadContribution({ ...target, id: target._id }, -1), leadContribution({ ...record, id: record._id })]
    const saved = await commitFact(ctx, LEADS, record, moves, (stored) => sameRequestOrConflict(ctx, stored, leadView))
    ctx.audit({ subjectId: saved._id, detail: { corrects: target._id, before: target.count, count: saved.count, reason: input.reason } })
    return leadView(saved)
  },
}

/** Only the logger within 24 h, or a manager, may correct a record (issue 5, part 5). */
export function mayCorrect(ctx: MemberCtx, r: { createdBy: string; loggedAt: Date }): boolean {
  if (ctx.member.roles.includes('manager')) return true
  return r.createdBy === ctx.member._id && ctx.now.getTime() - new Date(r.loggedAt).getTime() <= CORRECTION_WINDOW_MS
}

function assertMayCorrect(ctx: MemberCtx, r: { createdBy: string; loggedAt: Date }): void {
  if (!mayCorrect(ctx, r)) throw new AppError('FORBIDDEN', '只有填报人（24 小时内）或主管可以更正这条记录')
}

/** A correction already stored under the derived id: this request's own (a re-run) or someone else's. */
function sameRequestOrConflict<R extends { requestId?: string; createdBy: string }, V>(ctx: MemberCtx, existing: R, view: (r: R) => V): R {
  if (existing.requestId === ctx.requestKey && existing.createdBy === ctx.member._id) return existing
  throw new AppError('CONFLICT', '这条记录已被更正过，请刷新后再更正', { current: view(existing) })
}
