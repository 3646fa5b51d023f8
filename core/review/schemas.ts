import { z } from 'zod'
import { dayRangeSchema, idSchema as id, versionSchema as version } from '../atoms'
import type { Format } from '../content/schemas'
import type { RangeCycle, StageTime } from './cycle'
import { flowGatesSchema, formatSchema, type Gate } from './flow'
import { CHANGES_NEED_COMMENT, COMMENT_LABEL, type GateState, type ProductionStatus } from './machine'
import type { VersionPreview } from './preview'

const versionNo = z.number().int().min(1).max(10_000).describe('针对的版本号')
const comment = z.string().trim().max(500).describe(COMMENT_LABEL)

export const formatInput = z.object({ format: formatSchema }).strict()
export const updateFlowInput = z.object({ format: formatSchema, gates: flowGatesSchema, version }).strict()
export const itemInput = z.object({ itemId: id('内容') }).strict()

export const submitVersionInput = z
  .object({
    itemId: id('内容'),
    version,
    text: z.string().trim().max(5000).describe('正文').optional(),
    links: z.array(z.string().trim().url('应为链接').max(500).describe('链接')).max(10).describe('链接').optional(),
    fileIds: z
      .array(z.string().trim().regex(/^cloud:\/\/\S+$/, '应为云存储文件').max(300).describe('文件'))
      .max(20)
      .describe('文件')
      .optional(),
    note: z.string().trim().max(500).describe('说明').optional(),
  })
  .strict()
  .refine((v) => Boolean(v.text) || (v.links?.length ?? 0) > 0 || (v.fileIds?.length ?? 0) > 0, {
    message: '正文、链接、文件至少填一项',
    path: ['text'],
  })

export const approveInput = z.object({ itemId: id('内容'), version, comment: comment.optional(), versionNo: versionNo.optional() }).strict()
export const requestChangesInput = z
  .object({ itemId: id('内容'), version, comment: comment.min(1, CHANGES_NEED_COMMENT), versionNo: versionNo.optional() })
  .strict()
export const addCommentInput = z.object({ itemId: id('内容'), comment: comment.min(1), versionNo: versionNo.optional() }).strict()

export const notificationsInput = z.object({ offset: z.number().int().min(0).max(10_000).describe('位置').default(0) }).strict()
export const markReadInput = z
  .object({ ids: z.array(id('通知')).min(1).max(100).describe('通知').optional(), all: z.literal(true).describe('全部').optional() })
  .strict()
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: '请选择要标记的通知，或选择全部', path: ['ids'] })

export const cycleRangeInput = dayRangeSchema()

// ---- views (what the functions answer) ---------------------------------------------------------

export interface FlowView {
  format: Format
  formatLabel: string
  gates: Gate[]
  /** 0 while the team uses the default flow; pass it back to updateFlow. */
  version: number
  isDefault: boolean
}

/** What the caller may do now (the buttons the item screen shows). */
export interface ProductionMoves {
  canSubmit: boolean
  canReview: boolean
  canPublish: boolean
  /** Why the caller cannot review, if they cannot (e.g. 不能审核自己的提交). */
  reviewBlockedReason: string | null
}

export interface ProductionView {
  itemId: string
  title: string
  format: Format
  ownerId: string
  ownerName: string
  status: ProductionStatus
  statusLabel: string
  /** The flow snapshot taken when production started. */
  gates: { key: string; name: string; mode: 'any' | 'all'; slaHours: number; passed: boolean }[]
  gateIndex: number
  gateName: string
  gateState: GateState
  gateStateLabel: string
  versionNo: number
  submittedByName: string | null
  approvals: { memberId: string; name: string }[]
  /**
   * Who may decide the current gate's version (named reviewers, then holders of its roles; never its
   * authors or who already approved); empty once past the last gate, or when nobody can.
   */
  reviewerNames: string[]
  /** When the version now in review was submitted; null unless in review. */
  reviewSince: string | null
  dueAt: string | null
  overdue: boolean
  plannedAt: string | null
  /** Optimistic-concurrency version: pass it to submitVersion / approve / requestChanges. */
  version: number
  moves: ProductionMoves
}

export interface VersionView {
  no: number
  gateIndex: number
  gateName: string
  text: string
  links: string[]
  fileIds: string[]
  note: string
  byId: string
  byName: string
  at: string
}

export type TimelineKind = 'started' | 'submitted' | 'approved' | 'changes_requested' | 'comment' | 'stage' | 'scheduled' | 'published'

export interface TimelineEntry {
  id: string
  kind: TimelineKind
  /** Chinese one-liner, e.g. 陈静 通过了「脚本」第 2 版. */
  label: string
  gateIndex: number
  gateName: string
  versionNo: number | null
  comment: string
  byId: string
  byName: string
  at: string
  /** The submitted version, on 'submitted' entries. */
  version?: VersionView
}

export interface InboxEntry {
  itemId: string
  title: string
  format: Format
  gateIndex: number
  gateCount: number
  gateName: string
  versionNo: number
  submittedByName: string
  ownerName: string
  reviewSince: string
  /** Submission + the gate's SLA; null for a gate without one. */
  dueAt: string | null
  overdue: boolean
  /** Hours the version has waited so far (one decimal). */
  waitingHours: number
  plannedAt: string | null
  version: number
  /** What the version says, cut to fit the row (null for versions submitted before previews were kept). */
  preview: VersionPreview | null
}

export interface MyItemEntry {
  itemId: string
  title: string
  format: Format
  /** 'not_started' for a planned item that has not entered production yet. */
  status: ProductionStatus | 'not_started'
  gateIndex: number | null
  gateCount: number | null
  gateName: string | null
  gateState: GateState | null
  /** What is asked of me, in Chinese (e.g. 按意见修改后重新提交「脚本」). */
  ask: string
  /** True when it waits on me (drafting or changes requested), false when it waits on others. */
  myTurn: boolean
  overdue: boolean
  plannedAt: string | null
}

export interface InboxView {
  /** Oldest first, at most 100 (the totals count them all). */
  waiting: InboxEntry[]
  waitingTotal: number
  overdueTotal: number
  mine: MyItemEntry[]
  unread: number
}

/** Review notices carry the item's id in `itemId`; the analysis ones (专项分析) the analysis id; targets_due the period; data_missing the ISO week; report_ready the report's id; risk_review_due and risk_suggestion the risk's id. */
export type NotificationKind = 'review_requested' | 'changes_requested' | 'gate_passed' | 'scheduled' | 'analysis_opened' | 'analysis_overdue' | 'targets_due' | 'data_missing' | 'report_ready' | 'risk_review_due' | 'risk_suggestion'

export interface NotificationView {
  id: string
  kind: NotificationKind
  itemId: string
  title: string
  body: string
  read: boolean
  at: string
}

export interface NotificationPage {
  items: NotificationView[]
  unread: number
  hasMore: boolean
  nextOffset: number
}

export interface ItemCycleView {
  itemId: string
  title: string
  done: boolean
  productionHours: number | null
  waitingHours: number
  workingHours: number
  topicApprovedAt: string | null
  finalApprovedAt: string | null
  stages: (Omit<StageTime, 'startedAt' | 'passedAt'> & { startedAt: string | null; passedAt: string | null })[]
}

export interface RangeCycleView extends RangeCycle {
  from: string
  to: string
  /** Target of PRODUCT.md: ≤ 24 h topic → final. */
  targetHours: number
  list: { itemId: string; title: string; productionHours: number; finalApprovedAt: string }[]
}
