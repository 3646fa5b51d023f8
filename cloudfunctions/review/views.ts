import { FORMAT_LABELS } from '../../core/content/schemas'
import type { ItemCycle } from '../../core/review/cycle'
import type { Gate } from '../../core/review/flow'
import { authorsOf, GATE_STATE_LABELS, PRODUCTION_STATUS_LABELS, transition, type Actor } from '../../core/review/machine'
import type { FlowView, ItemCycleView, ProductionView, TimelineEntry, VersionView } from '../../core/review/schemas'
import type { ItemRecord } from '../common/db/content'
import { dueAt, stateOf, type EventRecord, type FlowRecord, type ProductionRecord, type VersionRecord } from '../common/db/review'
import { refusalText, reviewerNamesOf, type People } from './people'

export type { People } from './people'
export { dueAt }

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)

export function flowView(format: FlowRecord['format'], gates: Gate[], stored: FlowRecord | null): FlowView {
  return { format, formatLabel: FORMAT_LABELS[format], gates, version: stored?.version ?? 0, isDefault: !stored }
}


export function productionView(p: ProductionRecord, item: Pick<ItemRecord, 'title' | 'ownerId' | 'plannedAt'>, people: People, actor: Actor, now: Date): ProductionView {
  const state = { ...stateOf(p), ownerId: item.ownerId }
  const inReview = p.gateState === 'in_review' && p.status === 'in_production'
  const due = inReview ? dueAt(p) : null
  const approve = transition(state, { type: 'approve' }, actor)
  const gate = p.flow[p.gateIndex]
  return {
    itemId: p.itemId,
    title: item.title,
    format: p.format,
    ownerId: item.ownerId,
    ownerName: people.name(item.ownerId),
    status: p.status,
    statusLabel: PRODUCTION_STATUS_LABELS[p.status],
    gates: p.flow.map((g, i) => ({ key: g.key, name: g.name, mode: g.mode, slaHours: g.slaHours, passed: i < p.gateIndex || p.status !== 'in_production' })),
    gateIndex: p.gateIndex,
    gateName: gate.name,
    gateState: p.gateState,
    gateStateLabel: p.status === 'in_production' ? GATE_STATE_LABELS[p.gateState] : PRODUCTION_STATUS_LABELS[p.status],
    versionNo: p.versionNo,
    submittedByName: p.submittedBy ? people.name(p.submittedBy) : null,
    approvals: p.approvals.map((a) => ({ memberId: a.by, name: people.name(a.by) })),
    reviewerNames: reviewerNamesOf(state, people),
    reviewSince: inReview ? iso(p.reviewSince) : null,
    dueAt: iso(due),
    overdue: due !== null && now.getTime() > due.getTime(),
    plannedAt: iso(item.plannedAt),
    version: p.version,
    moves: {
      canSubmit: transition(state, { type: 'submit' }, actor).ok,
      canReview: approve.ok,
      canPublish: transition(state, { type: 'markPublished' }, actor).ok,
      reviewBlockedReason: !approve.ok && inReview ? refusalText(approve.reason, approve.refusal, state, actor, people) : null,
    },
  }
}

export function versionView(v: VersionRecord, people: People): VersionView {
  return {
    no: v.no,
    gateIndex: v.gateIndex,
    gateName: v.gateName,
    text: v.text,
    links: v.links,
    fileIds: v.fileIds,
    note: v.note,
    byId: v.createdBy,
    byName: people.name(v.createdBy),
    at: iso(v.createdAt)!,
  }
}

const VERB: Record<EventRecord['type'], string> = {
  started: '开始制作，进入',
  submitted: '提交了',
  approved: '通过了',
  changes_requested: '要求修改',
  comment: '评论了',
  scheduled: '终审通过',
  published: '标记已发布',
}

/** Every version, decision, comment and stage change, oldest first; stage changes follow the approval that caused them. */
export function timelineOf(events: EventRecord[], versions: VersionRecord[], flow: Gate[], people: People): TimelineEntry[] {
  const byNo = new Map(versions.map((v) => [v.no, v]))
  const out: TimelineEntry[] = []
  for (const e of events) {
    const byName = people.name(e.createdBy)
    const base = { gateIndex: e.gateIndex, gateName: e.gateName, versionNo: e.versionNo, comment: e.comment, byId: e.createdBy, byName, at: iso(e.at)! }
    const vNo = e.versionNo ? ` 第 ${e.versionNo} 版` : ''
    const label =
      e.type === 'started'
        ? `${byName} 开始制作，进入「${e.gateName}」`
        : e.type === 'published'
          ? `${byName} 标记已发布`
          : `${byName} ${VERB[e.type]}「${e.gateName}」${e.type === 'comment' && !e.versionNo ? '' : vNo}`
    const entry: TimelineEntry = { id: e._id, kind: e.type === 'scheduled' ? 'scheduled' : e.type, label, ...base }
    if (e.type === 'submitted' && e.versionNo && byNo.has(e.versionNo)) entry.version = versionView(byNo.get(e.versionNo)!, people)
    out.push(entry)
    if (e.type === 'approved' && e.passed) {
      const next = flow[e.gateIndex + 1]
      out.push({
        ...base,
        id: `${e._id}_stage`,
        kind: next ? 'stage' : 'scheduled',
        label: next ? `进入「${next.name}」` : '终审通过，待发布',
        gateIndex: next ? e.gateIndex + 1 : e.gateIndex,
        gateName: next ? next.name : e.gateName,
        comment: '',
      })
    }
  }
  return out
}

export function itemCycleView(itemId: string, title: string, c: ItemCycle): ItemCycleView {
  return {
    itemId,
    title,
    done: c.done,
    productionHours: c.productionHours,
    waitingHours: c.waitingHours,
    workingHours: c.workingHours,
    topicApprovedAt: iso(c.topicApprovedAt),
    finalApprovedAt: iso(c.finalApprovedAt),
    stages: c.stages.map((s) => ({ ...s, startedAt: iso(s.startedAt), passedAt: iso(s.passedAt) })),
  }
}

export function isAuthor(p: ProductionRecord, ownerId: string, memberId: string): boolean {
  return authorsOf({ ...stateOf(p), ownerId }).includes(memberId)
}
