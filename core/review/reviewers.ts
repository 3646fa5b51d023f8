import type { Role } from '../roles'
import type { Gate } from './flow'
import type { Approval } from './machine'

/** A team member as the reviewer lookup needs them. */
export interface TeamMember {
  id: string
  name: string
  roles: readonly Role[]
  active: boolean
}

/**
 * The members who may still decide a gate's version: named reviewers first, then holders of its
 * roles, in team order; removed members, field-only members, the version's authors and anyone
 * who already approved it are left out (none of them can decide).
 *
 * @example
 * const gate = defaultFlow('short_video')[0] // role manager
 * gateReviewers(gate, [{ id: 'm1', name: '陈静', roles: ['manager'], active: true }], ['op'], [])
 * //=> [{ id: 'm1', name: '陈静', roles: ['manager'], active: true }]
 */
export function gateReviewers(gate: Gate, members: readonly TeamMember[], authors: readonly string[], approvals: readonly Approval[] = []): TeamMember[] {
  const done = new Set([...authors, ...approvals.map((a) => a.by)])
  const can = (m: TeamMember) => m.active && m.roles.some((r) => r !== 'field') && !done.has(m.id)
  const named = gate.reviewers.memberIds.flatMap((id) => members.filter((m) => m.id === id && can(m)))
  const byRole = members.filter((m) => can(m) && !gate.reviewers.memberIds.includes(m.id) && gate.reviewers.roles.some((r) => m.roles.includes(r)))
  return [...named, ...byRole]
}

const SHOWN = 3

/**
 * Names for one line of a phone screen: up to three, then how many in all.
 *
 * @example
 * namesText(['陈静']) //=> '陈静'
 * namesText(['陈静', '王敏', '李娜', '赵强']) //=> '陈静、王敏、李娜等 4 人'
 */
export function namesText(names: readonly string[]): string {
  if (names.length <= SHOWN) return names.join('、')
  return `${names.slice(0, SHOWN).join('、')}等 ${names.length} 人`
}

/**
 * Who reviews the gate, as a clause to follow a refusal.
 *
 * @example
 * whoReviewsText(['陈静']) //=> '本关由 陈静 审核'
 * whoReviewsText([]) //=> '本关暂无可审核的成员，请管理员在评审流程中指定审核人'
 */
export function whoReviewsText(names: readonly string[]): string {
  return names.length ? `本关由 ${namesText(names)} 审核` : '本关暂无可审核的成员，请管理员在评审流程中指定审核人'
}
