import type { InboxEntry, ItemCycleView, MyItemEntry, NotificationPage, ProductionView, TimelineEntry } from '../../core/review/schemas'
import { OPERATOR } from './fake-cloud'

const GATES = [
  ['topic', '选题'],
  ['script', '脚本'],
  ['shooting', '拍摄'],
  ['editing', '剪辑'],
  ['final', '终审'],
] as const

/** A short video at its script gate, version 2 in review, as `review.getProduction` answers a manager. */
export function production(overrides: Partial<ProductionView> = {}): ProductionView {
  const gateIndex = overrides.gateIndex ?? 1
  return {
    itemId: 'item_x',
    title: '澄净 X3 开箱',
    format: 'short_video',
    ownerId: OPERATOR.id,
    ownerName: OPERATOR.name,
    status: 'in_production',
    statusLabel: '制作中',
    gates: GATES.map(([key, name], i) => ({ key, name, mode: 'any' as const, slaHours: 24, passed: i < gateIndex })),
    gateIndex,
    gateName: GATES[gateIndex][1],
    gateState: 'in_review',
    gateStateLabel: '待审核',
    versionNo: 2,
    submittedByName: OPERATOR.name,
    approvals: [],
    reviewerNames: ['陈静', '王敏'],
    reviewSince: '2026-03-01T01:00:00.000Z',
    dueAt: '2026-03-02T01:00:00.000Z',
    overdue: false,
    plannedAt: '2026-03-10T12:00:00.000Z',
    version: 5,
    moves: { canSubmit: false, canReview: true, canPublish: false, reviewBlockedReason: null },
    ...overrides,
  }
}

/** The same production as its author sees it: no decision, and why. */
export function productionForAuthor(overrides: Partial<ProductionView> = {}): ProductionView {
  return production({ moves: { canSubmit: false, canReview: false, canPublish: false, reviewBlockedReason: '不能审核自己的提交' }, ...overrides })
}

export const TIMELINE: TimelineEntry[] = [
  { id: 'e1', kind: 'started', label: '李娜 开始制作，进入「选题」', gateIndex: 0, gateName: '选题', versionNo: null, comment: '', byId: OPERATOR.id, byName: OPERATOR.name, at: '2026-02-28T01:00:00.000Z' },
  {
    id: 'e2',
    kind: 'submitted',
    label: '李娜 提交了「脚本」 第 2 版',
    gateIndex: 1,
    gateName: '脚本',
    versionNo: 2,
    comment: '',
    byId: OPERATOR.id,
    byName: OPERATOR.name,
    at: '2026-03-01T01:00:00.000Z',
    version: { no: 2, gateIndex: 1, gateName: '脚本', text: '开场：店长拆箱', links: [], fileIds: [], note: '', byId: OPERATOR.id, byName: OPERATOR.name, at: '2026-03-01T01:00:00.000Z' },
  },
]

export const CYCLE: ItemCycleView = {
  itemId: 'item_x',
  title: '澄净 X3 开箱',
  done: false,
  productionHours: 31.5,
  waitingHours: 12,
  workingHours: 19.5,
  topicApprovedAt: '2026-02-28T05:00:00.000Z',
  finalApprovedAt: null,
  stages: GATES.map(([key, name], i) => ({
    gateIndex: i,
    key,
    name,
    startedAt: i < 2 ? '2026-02-28T01:00:00.000Z' : null,
    passedAt: null,
    hours: i < 2 ? 10 : 0,
    waitingHours: 0,
    workingHours: 0,
    submissions: 1,
  })),
}

export const waitingEntry = (o: Partial<InboxEntry> & Pick<InboxEntry, 'itemId' | 'title'>): InboxEntry => ({
  format: 'short_video',
  gateIndex: 1,
  gateCount: 5,
  gateName: '脚本',
  versionNo: 1,
  submittedByName: OPERATOR.name,
  ownerName: OPERATOR.name,
  reviewSince: '2026-03-01T01:00:00.000Z',
  dueAt: '2026-03-02T01:00:00.000Z',
  overdue: false,
  waitingHours: 2,
  plannedAt: null,
  version: 3,
  preview: null,
  ...o,
})

export const myEntry = (o: Partial<MyItemEntry> & Pick<MyItemEntry, 'itemId' | 'title'>): MyItemEntry => ({
  format: 'short_video',
  status: 'in_production',
  gateIndex: 0,
  gateCount: 5,
  gateName: '选题',
  gateState: 'drafting',
  ask: '提交「选题」',
  myTurn: true,
  overdue: false,
  plannedAt: null,
  ...o,
})

export const NO_NOTES: NotificationPage = { items: [], unread: 0, hasMore: false, nextOffset: 0 }
