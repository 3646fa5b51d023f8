import { createHash } from 'node:crypto'
import type { MemberRecord, TeamRecord } from './records'
import { Repo } from './repo'
import type { DbLike } from './sdk'

/** What every handler receives besides its input: who calls, for which team, the db and the clock. */
export interface BaseCtx {
  fn: string
  action: string
  openid: string
  /** The client's requestId for writes, or a fresh one for reads. */
  requestId: string
  db: DbLike
  now: Date
  /**
   * Ids derived from the requestId: a handler re-run for the same request (after a crash) makes the
   * same ids, so its inserts collide instead of writing twice.
   */
  newId(label?: string): string
  /** Lets a handler name what it changed, for the audit record. */
  audit(entry: { teamId?: string; target?: string; detail?: Record<string, unknown> }): void
  /** A repository scoped to a team (the caller's, unless a handler is creating one). */
  repo<T extends { _id: string }>(collection: string, teamId?: string): Repo<T>
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
