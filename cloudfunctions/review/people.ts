import { gateReviewers, whoReviewsText, type TeamMember } from '../../core/review/reviewers'
import { authorsOf, isProducer, isReviewer, type Actor, type ProductionState } from '../../core/review/machine'
import type { MemberCtx } from '../common/context'
import type { MemberRecord } from '../common/records'

/** The team as views need it: names by id, and who may review (for naming a gate's reviewers). */
export interface People {
  name(id: string | null): string
  members: TeamMember[]
}

const MEMBER_FIELDS = { _id: true, name: true, roles: true, status: true, openid: true }

/** Every member of the caller's team (one read), in joining order so reviewers are always named alike; with what notifications need (openid) too. */
export async function loadMembers(ctx: MemberCtx): Promise<MemberRecord[]> {
  return ctx.repo<MemberRecord>('members').find({}, { fields: MEMBER_FIELDS, orderBy: ['joinedAt', 'asc'] })
}

export function peopleOf(list: readonly Pick<MemberRecord, '_id' | 'name' | 'roles' | 'status'>[]): People {
  const names = new Map(list.map((m) => [m._id, m.name]))
  return {
    name: (id) => (id ? names.get(id) ?? '已离开的成员' : ''),
    members: list.map((m) => ({ id: m._id, name: m.name, roles: m.roles, active: m.status === 'active' })),
  }
}

export async function loadPeople(ctx: MemberCtx): Promise<People> {
  return peopleOf(await loadMembers(ctx))
}

/** Who may still decide the version at the current gate (nobody once production is past its gates). */
export function reviewerNamesOf(state: ProductionState, people: People): string[] {
  if (state.status !== 'in_production') return []
  return gateReviewers(state.flow[state.gateIndex], people.members, authorsOf(state), state.approvals).map((m) => m.name)
}

/**
 * A refusal as the caller reads it: telling a producer they are not this gate's reviewer also says
 * who is (the machine knows gates, not the team's names). Other refusals are as the machine put them.
 */
export function refusalText(reason: string, refusal: string, state: ProductionState, actor: Actor, people: People): string {
  const notReviewer = refusal === 'actor' && isProducer(actor) && !isReviewer(state.flow[state.gateIndex], actor)
  return notReviewer ? `${reason}，${whoReviewsText(reviewerNamesOf(state, people))}` : reason
}
