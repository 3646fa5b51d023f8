import { createHash } from 'node:crypto'
import type { CollectionName } from './db/collections'
import type { MemberRecord, TeamRecord } from './db/team'
import { Repo } from './repo'
import type { DbLike } from './sdk'

/** What every handler receives besides its input: who calls, for which team, the db and the clock. */
export interface BaseCtx {
  fn: string
  action: string
  openid: string
  /** The client's requestId for writes, or a fresh one for reads. */
  requestId: string
  /**
   * The request as written: its requestId and a hash of its input. A retry sends the same input and gets
   * the same key (so it is answered, not run again); input changed under the same requestId (edited after
   * a timeout) is a new write, never silently answered with the earlier one.
   */
  requestKey: string
  db: DbLike
  now: Date
  /**
   * Ids derived from the requestKey: a handler re-run for the same request (after a crash) makes the
   * same ids, so its inserts collide instead of writing twice.
   */
  newId(label?: string): string
  /** Lets a handler name what it changed, for the audit record. */
  audit(entry: AuditEntry): void
  /** A repository scoped to a team (the caller's, unless a handler is creating one). */
  repo<T extends { _id: string }>(collection: CollectionName, teamId?: string): Repo<T>
}

/**
 * What a handler tells the audit log. `after` defaults to the fields the input sets (ids and version
 * left out); `before` may be the whole stored record: only the fields of `after` are kept from it.
 */
export interface AuditEntry {
  teamId?: string
  /** What the action was about: a member, an item, a KPI … (its id or key). Not a KPI target. */
  subjectId?: string
  /** The subject in words (a member's name, an item's title), for the audit screen. */
  subjectName?: string
  /** For writes made before the caller is a member (creating or joining a team): who they now are. */
  actor?: { id: string; name: string }
  before?: object
  after?: Record<string, unknown>
  detail?: Record<string, unknown>
}

export interface MemberCtx extends BaseCtx {
  member: MemberRecord
  team: TeamRecord
}

export interface GuestCtx extends BaseCtx {
  member: MemberRecord | null
  team: TeamRecord | null
}

export function idMaker(seed: string): (label?: string) => string {
  let n = 0
  return (label = '') => createHash('sha256').update(`${seed}|${label}|${n++}`).digest('hex').slice(0, 24)
}

/** JSON with object keys sorted, so equal inputs hash equally whatever order their keys came in. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (v instanceof Date) return JSON.stringify(v.toISOString())
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`
}

export function requestKeyOf(requestId: string, input: unknown): string {
  return `${requestId}#${createHash('sha256').update(stableJson(input)).digest('hex').slice(0, 16)}`
}
