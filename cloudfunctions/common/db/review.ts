import type { Format } from '../../../core/content/schemas'
import type { Gate } from '../../../core/review/flow'
import type { ProductionState } from '../../../core/review/machine'
import type { VersionPreview } from '../../../core/review/preview'
import type { GateOutcome } from '../../../core/review/firstPass'
import type { NotificationView, VersionView } from '../../../core/review/schemas'
import type { DayKey } from '../../../core/time/china'
import type { BaseRecord, DerivedDoc, FieldsOfView } from './base'

/** A team's flow for one format (_id `flowId(teamId, format)`); absent means the default flow. */
export interface FlowRecord extends BaseRecord {
  format: Format
  gates: Gate[]
}

export const flowId = (teamId: string, format: Format) => `${teamId}_${format}`

/**
 * The current state of an item's production (_id = the item's id, one production per item).
 * `version` is the optimistic-concurrency counter every decision checks.
 */
export interface ProductionRecord extends BaseRecord, ProductionState {
  itemId: string
  format: Format
  /** Copy of flow[gateIndex] and its reviewers, so the inbox can query and read without the flow. */
  gate: Gate
  gateCount: number
  reviewerRoles: string[]
  reviewerIds: string[]
  startedAt: Date
  /** When the version now in review was first submitted this round; null unless in review. */
  reviewSince: Date | null
  /** The instant the last gate passed (the item is then 待发布); null before. Stored as `scheduledAt` before 2026-12-02 (review/finalApprovedMigration.ts). */
  finalApprovedAt: Date | null
  publishedAt: Date | null
  /** The latest submitted version, cut to fit an inbox row, so the inbox reads no versions (absent before previews were kept). */
  preview?: VersionPreview | null
}

/**
 * One submitted version (append-only). Its fields are VersionView's (FieldsOfView): who submitted it and when
 * are the record's `createdBy` and `createdAt`; the item and the gate's key are the record's own.
 */
export interface VersionRecord extends BaseRecord, FieldsOfView<VersionView, never, 'byId' | 'byName' | 'at'> {
  itemId: string
  gateKey: string
}

export type EventType = 'started' | 'submitted' | 'approved' | 'changes_requested' | 'comment' | 'scheduled' | 'published'

/** One fact of production (append-only): decisions, comments, stage changes. Cycle time reads these. */
export interface EventRecord extends BaseRecord {
  itemId: string
  type: EventType
  gateIndex: number
  gateKey: string
  gateName: string
  versionNo: number | null
  comment: string
  /** For 'approved': whether this approval passed the gate. */
  passed: boolean
  at: Date
}

/**
 * Derived: the first outcome of each item's gate (core/review/firstPass) decided in one China-time month,
 * per team, id `firstsId(teamId, month)`. Written in the decision's own transaction; rebuildable from
 * review_events. One document a month keeps 内容合格率's read at a handful of documents for any range.
 */
export interface FirstsRecord extends DerivedDoc {
  month: string
  outcomes: GateOutcome[]
}

export const firstsId = (teamId: string, month: string) => `${teamId}_${month}`
/** The month (`2026-11`) whose document holds a day's outcomes. */
export const monthOf = (day: DayKey) => day.slice(0, 7)

/** A notice to one member: NotificationView's fields (FieldsOfView), its `at` being the record's `createdAt`. */
export interface NotificationRecord extends BaseRecord, FieldsOfView<NotificationView, never, 'at'> {
  memberId: string
}

/** The production fields derived from a state (stored together so they never disagree). */
export function stateFields(s: ProductionState): Pick<ProductionRecord, keyof ProductionState | 'gate' | 'gateCount' | 'reviewerRoles' | 'reviewerIds'> {
  const gate = s.flow[s.gateIndex]
  return {
    flow: s.flow,
    gateIndex: s.gateIndex,
    gateState: s.gateState,
    versionNo: s.versionNo,
    submittedBy: s.submittedBy,
    approvals: s.approvals,
    status: s.status,
    ownerId: s.ownerId,
    gate,
    gateCount: s.flow.length,
    reviewerRoles: [...gate.reviewers.roles],
    reviewerIds: [...gate.reviewers.memberIds],
  }
}

export function stateOf(p: ProductionRecord): ProductionState {
  return {
    flow: p.flow,
    gateIndex: p.gateIndex,
    gateState: p.gateState,
    versionNo: p.versionNo,
    submittedBy: p.submittedBy,
    approvals: p.approvals,
    status: p.status,
    ownerId: p.ownerId,
  }
}

/** When the version in review is due: its submission plus the gate's SLA (none for a gate stored without one). The inbox and the 日报 both read it. */
export function dueAt(p: Pick<ProductionRecord, 'reviewSince' | 'gate'>): Date | null {
  return p.reviewSince && p.gate.slaHours > 0 ? new Date(new Date(p.reviewSince).getTime() + p.gate.slaHours * 3_600_000) : null
}
