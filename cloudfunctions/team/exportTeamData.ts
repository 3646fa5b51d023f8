import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportHeader, type TeamExport } from '../../core/team/export'
import { inChina } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { INVITES } from '../common/db/collections'
import type { InviteRecord } from '../common/db/team'
import { MAX_PAGE } from '../common/repo'
import { tempFileURL, uploadFile, type DbLike, type Doc } from '../common/sdk'
import { EXCLUDED, EXPORTED, REDACTED, redact, type ExportedSpec } from './exportPlan'

/**
 * Every document of the caller's team, one JSON line each after a header line, written to cloud
 * storage (exports/<teamId>/…). The team comes from the caller's member record, never from the input.
 * The wrapper records the export in the audit log (the action is a write for that reason).
 */
export async function exportTeamData({ ctx }: { ctx: MemberCtx }): Promise<TeamExport> {
  const teamId = ctx.team._id
  const read: { spec: ExportedSpec; docs: Doc[] }[] = []
  for (const spec of EXPORTED) read.push({ spec, docs: await readAll(ctx.db, spec, teamId) })
  const liveCodes = liveInviteCodes(read.find((r) => r.spec.collection === INVITES)?.docs ?? [], ctx.now)

  const counts: Record<string, number> = {}
  const lines: string[] = []
  for (const { spec, docs } of read) {
    counts[spec.collection] = docs.length
    for (const doc of docs) lines.push(toLine({ collection: spec.collection, doc: redact(spec.collection, doc, liveCodes) }))
  }
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    teamId,
    teamName: ctx.team.name,
    exportedAt: ctx.now.toISOString(),
    exportedBy: ctx.member.name,
    counts,
    excluded: EXCLUDED,
    redacted: REDACTED,
  }
  const content = Buffer.from([toLine({ header }), ...lines].join('\n') + '\n', 'utf8')

  const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss')
  // Derived from the request: a retry after a crash overwrites its own file instead of leaving a second.
  const fileID = await uploadFile(`exports/${teamId}/${stamp}-${ctx.newId('export').slice(0, 16)}.jsonl`, content)
  ctx.audit({ subjectId: teamId, subjectName: ctx.team.name, detail: { fileID, documents: lines.length, counts } })
  return {
    fileID,
    tempFileURL: await tempFileURL(fileID),
    fileName: `团队数据_${stamp}.jsonl`,
    bytes: content.length,
    exportedAt: header.exportedAt,
    counts,
    collections: read.map(({ spec, docs }) => ({ collection: spec.collection, label: spec.label, count: docs.length })),
  }
}

/**
 * All of one collection's documents of the team, in pages of the per-query maximum, each page the
 * documents after the last id of the previous one: unlike skip(), a page never re-reads earlier ones,
 * and documents added meanwhile cannot shift one into being read twice or missed.
 */
async function readAll(db: DbLike, spec: ExportedSpec, teamId: string): Promise<Doc[]> {
  const _ = db.command
  const out: Doc[] = []
  for (;;) {
    const last = out[out.length - 1]
    const where = spec.key === '_id' ? { _id: teamId } : { teamId, ...(last ? { _id: _.gt(last._id) } : {}) }
    const page = (await db.collection(spec.collection).where(where).orderBy('_id', 'asc').limit(MAX_PAGE).get()).data
    out.push(...page)
    if (page.length < MAX_PAGE || spec.key === '_id') return out
  }
}

function liveInviteCodes(invites: Doc[], now: Date): Set<string> {
  const live = (invites as unknown as InviteRecord[]).filter((i) => i.status === 'open' && new Date(i.expiresAt) > now)
  return new Set(live.map((i) => i._id))
}

/** JSON with dates as Extended JSON `{"$date": ISO}`, so they stay dates for a restore. */
function toLine(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key]
    return raw instanceof Date ? { $date: raw.toISOString() } : v
  })
}
