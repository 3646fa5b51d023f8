import type { z } from 'zod'
import { actionLabel, areaLabel, inputFieldLabel } from '../../core/api/labels'
import { auditChanges } from '../../core/audit/changes'
import { auditCursor, parseAuditCursor, type AuditEntryView, type AuditPage, type listAuditInput } from '../../core/audit/schemas'
import type { MemberCtx } from '../common/context'
import { AUDIT } from '../common/db/collections'
import type { AuditRecord } from '../common/db/wrapper'
import type { Where } from '../common/sdk'

type Stored = AuditRecord & { _id: string }

/** Only what the summary needs; detail and requestId stay in the database. */
const FIELDS = { _id: true, at: true, actorId: true, actorName: true, fn: true, action: true, summary: true, subjectName: true, targetName: true, before: true, after: true }

/**
 * One page of the caller's team's audit log, newest first. The query is always the team plus the
 * filters plus a time bound, sorted by time then id, `limit + 1` documents at most (the extra one
 * only says whether another page exists): bounded and served by an index on (teamId, at).
 */
export async function listAudit({ ctx, input }: { ctx: MemberCtx; input: z.output<typeof listAuditInput> }): Promise<AuditPage> {
  const _ = ctx.db.command
  // The team comes from the caller's member record, never from the input.
  const base: Where = { teamId: ctx.team._id }
  if (input.memberId) base.actorId = input.memberId
  if (input.area) base.fn = input.area
  if (input.action) base.action = input.action
  let where: Where = base
  if (input.cursor) {
    // Strictly after the cursor in (at desc, _id desc) order: entries added since never shift a page.
    const c = parseAuditCursor(input.cursor)
    where = _.or([
      { ...base, at: _.lt(c.at) },
      { ...base, at: c.at, _id: _.lt(c.id) },
    ]) as unknown as Where
  }
  const res = await ctx.db
    .collection(AUDIT)
    .where(where)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .field(FIELDS)
    .limit(input.limit + 1)
    .get()
  const docs = res.data as unknown as Stored[]
  const page = docs.slice(0, input.limit)
  const last = page[page.length - 1]
  return {
    entries: page.map(auditEntryView),
    nextCursor: docs.length > input.limit && last ? auditCursor(new Date(last.at), last._id) : null,
  }
}

export function auditEntryView(r: Stored): AuditEntryView {
  return {
    id: r._id,
    at: new Date(r.at).toISOString(),
    // Early team-creation entries named the caller by platform id, which never leaves the function.
    actorId: r.actorName ? r.actorId : null,
    actorName: r.actorName || '未具名成员',
    area: r.fn,
    areaLabel: areaLabel(r.fn),
    action: r.action,
    actionLabel: actionLabel(r.fn, r.action, r.summary),
    subjectName: r.subjectName ?? r.targetName ?? null,
    changes: r.after ? auditChanges(r.before, r.after, (f) => inputFieldLabel(r.fn, r.action, f)) : null,
  }
}
