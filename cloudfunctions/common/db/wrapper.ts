// Written by the action wrapper (common/action.ts, common/idempotency.ts) for every function.
import type { Result } from '../../../core/errors'
import type { StoredDoc } from './base'

export interface AuditRecord extends Omit<StoredDoc, '_id'> {
  _id?: string
  actorId: string
  actorName: string
  fn: string
  action: string
  summary: string
  requestId: string
  /** What the action was about (a member, an item, a KPI …), by id or key, and in words. */
  subjectId?: string
  subjectName?: string
  /**
   * The same, as entries written before 2026-12-02 name it. The log is append-only, so those entries are
   * never rewritten: readers take `subjectName ?? targetName` (team/listAudit.ts).
   */
  target?: string
  targetName?: string
  detail?: Record<string, unknown>
  /** The changed fields before and after the write (bounded, core/audit/changes); absent on entries written before they were recorded. */
  before?: Record<string, unknown>
  after?: Record<string, unknown>
  at: Date
}

/** A write's claim on its request key (_id), then its result for replays. Not team-scoped: keyed by caller. */
export interface RequestRecord {
  _id: string
  status: 'pending' | 'done'
  claimedAt: Date
  fn: string
  action: string
  result?: Result<unknown>
}
