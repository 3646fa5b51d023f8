import type { Role } from '../roles'
import type { Gate } from './flow'

export type GateState = 'drafting' | 'in_review' | 'changes_requested'
export type ProductionStatus = 'in_production' | 'scheduled' | 'published'

export const GATE_STATE_LABELS: Record<GateState, string> = { drafting: '制作中', in_review: '待审核', changes_requested: '需修改' }
/**
 * 要求修改 needs a comment. The rule below, the action's schema and the inbox's dialog (which checks before
 * sending: the main package carries no schema) say it in these words, under the comment's name.
 */
export const COMMENT_LABEL = '意见'
export const CHANGES_NEED_COMMENT = '要求修改时必须填写意见'

export const PRODUCTION_STATUS_LABELS: Record<ProductionStatus, string> = { in_production: '制作中', scheduled: '待发布', published: '已发布' }

/** One approval of the version under review, with the roles its reviewer held (role seats of 'all' gates). */
export interface Approval {
  by: string
  roles: Role[]
}

/** Where an item stands in production. Pure data: the cloud function stores it as the item's current state. */
export interface ProductionState {
  /** The gates as they were when production started: later flow edits never rewrite items already in it. */
  flow: Gate[]
  gateIndex: number
  gateState: GateState
  /** Number of the latest submitted version, counted across the item (0 before the first). */
  versionNo: number
  /** Who submitted the version in (or last in) review. */
  submittedBy: string | null
  approvals: Approval[]
  status: ProductionStatus
  /** The item's owner: an author of every version, so never its reviewer. */
  ownerId: string
}

export interface Actor {
  memberId: string
  roles: readonly Role[]
}

export type ProductionEvent =
  | { type: 'submit' }
  | { type: 'approve' }
  | { type: 'requestChanges'; comment: string }
  | { type: 'markPublished' }

/** What the caller must do after a transition; the machine itself never does any of it. */
export type Effect =
  | { type: 'notifyReviewers'; gateIndex: number; versionNo: number }
  | { type: 'notifyAuthor'; reason: 'gate_passed' | 'changes_requested' | 'scheduled'; gateIndex: number }
  | { type: 'scheduleItem' }
  | { type: 'publishItem' }

/** Why an event was refused: the actor may not do it, the state does not allow it, or the event lacks something. */
export type Refusal = 'actor' | 'state' | 'input'

export type TransitionResult = { ok: true; state: ProductionState; effects: Effect[] } | { ok: false; reason: string; refusal: Refusal }

/**
 * The state of an item entering production: the first gate, nothing submitted yet.
 *
 * @example
 * initialState(defaultFlow('image_text'), 'm1')
 * //=> { flow: [...], gateIndex: 0, gateState: 'drafting', versionNo: 0, submittedBy: null, approvals: [], status: 'in_production', ownerId: 'm1' }
 */
export function initialState(flow: readonly Gate[], ownerId: string): ProductionState {
  if (flow.length === 0) throw new Error('a flow needs at least one gate')
  return { flow: [...flow], gateIndex: 0, gateState: 'drafting', versionNo: 0, submittedBy: null, approvals: [], status: 'in_production', ownerId }
}

/** Field staff log results; they neither submit nor review (a member with another role too may). */
export function isProducer(actor: Actor): boolean {
  return actor.roles.some((r) => r !== 'field')
}

/** The authors of the version under review: the item's owner and whoever submitted it. */
export function authorsOf(state: ProductionState): string[] {
  return state.submittedBy && state.submittedBy !== state.ownerId ? [state.ownerId, state.submittedBy] : [state.ownerId]
}

/**
 * Whether `actor` is one of a gate's reviewers: named, or holding one of its roles (never as field staff only).
 *
 * @example
 * const gate = defaultFlow('short_video')[0] // reviewed by role manager
 * isReviewer(gate, { memberId: 'm2', roles: ['manager'] })  //=> true
 * isReviewer(gate, { memberId: 'm3', roles: ['operator'] }) //=> false
 */
export function isReviewer(gate: Gate, actor: Actor): boolean {
  if (!isProducer(actor)) return false
  return gate.reviewers.memberIds.includes(actor.memberId) || gate.reviewers.roles.some((r) => actor.roles.includes(r))
}

/**
 * Whether the approvals given so far pass `gate`. 'any': one approval. 'all': every named reviewer
 * who is not an author (authors cannot approve) and one holder of every listed role.
 */
export function gateSatisfied(gate: Gate, approvals: readonly Approval[], authors: readonly string[]): boolean {
  if (approvals.length === 0) return false
  if (gate.mode === 'any') return true
  const by = new Set(approvals.map((a) => a.by))
  const named = gate.reviewers.memberIds.filter((id) => !authors.includes(id))
  return named.every((id) => by.has(id)) && gate.reviewers.roles.every((r) => approvals.some((a) => a.roles.includes(r)))
}

const refuse = (reason: string, refusal: Refusal = 'state'): TransitionResult => ({ ok: false, reason, refusal })

/**
 * The approval flow as a pure function: the next state and the effects to run, or a Chinese reason
 * for refusing. Every gate is reached only by approving the one before it: an approval moves at most
 * one gate on, and only the last gate's approval schedules the item.
 *
 * @example
 * let s = initialState(defaultFlow('image_text'), 'op')
 * s = (transition(s, { type: 'submit' }, { memberId: 'op', roles: ['operator'] }) as any).state
 * transition(s, { type: 'approve' }, { memberId: 'op', roles: ['operator', 'manager'] })
 * //=> { ok: false, reason: '不能审核自己的提交', refusal: 'actor' }
 * transition(s, { type: 'approve' }, { memberId: 'mg', roles: ['manager'] })
 * //=> { ok: true, state: { gateIndex: 1, gateState: 'drafting', ... }, effects: [{ type: 'notifyAuthor', reason: 'gate_passed', gateIndex: 0 }] }
 */
export function transition(state: ProductionState, event: ProductionEvent, actor: Actor): TransitionResult {
  if (!isProducer(actor)) return refuse('一线/外勤成员不能提交、审核或发布内容', 'actor')
  if (event.type === 'markPublished') return markPublished(state)
  if (state.status === 'published') return refuse('内容已发布，评审已结束')
  if (state.status === 'scheduled') return refuse('内容已终审通过，等待发布')
  const gate = state.flow[state.gateIndex]
  if (event.type === 'submit') return submit(state, actor)
  if (state.gateState === 'drafting') return refuse(`「${gate.name}」关还没有提交版本，无法审核`)
  if (state.gateState === 'changes_requested') return refuse(`「${gate.name}」关已要求修改，等待重新提交`)
  if (!isReviewer(gate, actor)) return refuse(`你不是「${gate.name}」关的审核人`, 'actor')
  if (authorsOf(state).includes(actor.memberId)) return refuse('不能审核自己的提交', 'actor')
  if (event.type === 'requestChanges') return requestChanges(state, event.comment)
  return approve(state, gate, actor)
}

/** A submission while a version is in review replaces it (the author fixed something): approvals start over. */
function submit(state: ProductionState, actor: Actor): TransitionResult {
  return {
    ok: true,
    state: { ...state, gateState: 'in_review', versionNo: state.versionNo + 1, submittedBy: actor.memberId, approvals: [] },
    effects: [{ type: 'notifyReviewers', gateIndex: state.gateIndex, versionNo: state.versionNo + 1 }],
  }
}

function requestChanges(state: ProductionState, comment: string): TransitionResult {
  if (!comment || !comment.trim()) return refuse(CHANGES_NEED_COMMENT, 'input')
  return {
    ok: true,
    state: { ...state, gateState: 'changes_requested', approvals: [] },
    effects: [{ type: 'notifyAuthor', reason: 'changes_requested', gateIndex: state.gateIndex }],
  }
}

function approve(state: ProductionState, gate: Gate, actor: Actor): TransitionResult {
  if (state.approvals.some((a) => a.by === actor.memberId)) return refuse('你已通过这个版本，等待其他审核人')
  const approvals = [...state.approvals, { by: actor.memberId, roles: [...actor.roles] }]
  if (!gateSatisfied(gate, approvals, authorsOf(state))) return { ok: true, state: { ...state, approvals }, effects: [] }
  const last = state.gateIndex === state.flow.length - 1
  if (last) {
    return {
      ok: true,
      state: { ...state, approvals, status: 'scheduled' },
      effects: [{ type: 'scheduleItem' }, { type: 'notifyAuthor', reason: 'scheduled', gateIndex: state.gateIndex }],
    }
  }
  return {
    ok: true,
    state: { ...state, gateIndex: state.gateIndex + 1, gateState: 'drafting', approvals: [] },
    effects: [{ type: 'notifyAuthor', reason: 'gate_passed', gateIndex: state.gateIndex }],
  }
}

function markPublished(state: ProductionState): TransitionResult {
  if (state.status === 'published') return refuse('内容已经发布')
  if (state.status !== 'scheduled') return refuse(`还在「${state.flow[state.gateIndex].name}」关，终审通过后才能标记发布`)
  return { ok: true, state: { ...state, status: 'published' }, effects: [{ type: 'publishItem' }] }
}
