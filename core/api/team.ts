import {
  createInviteInput,
  createTeamInput,
  emptyInput,
  joinTeamInput,
  removeMemberInput,
  revokeInviteInput,
  setMemberRolesInput,
  updateProfileInput,
  type InviteView,
  type MeView,
  type MemberView,
} from '../team/schemas'
import { listAuditInput, type AuditPage } from '../audit/schemas'
import type { TeamExport } from '../team/export'
import { action } from './action'

/** The `team` cloud function: teams, members, invitations, profiles. */
export const teamContract = {
  ping: action<{ at: string }>()({ input: emptyInput, access: 'member', write: false, summary: '连通检查' }),
  me: action<MeView>()({ input: emptyInput, access: 'signedIn', write: false, summary: '我的资料' }),
  createTeam: action<MeView>()({ input: createTeamInput, access: 'signedIn', write: true, summary: '创建团队' }),
  joinTeam: action<MeView>()({ input: joinTeamInput, access: 'signedIn', write: true, summary: '加入团队' }),
  updateProfile: action<MeView>()({ input: updateProfileInput, access: 'member', write: true, summary: '修改资料' }),
  listMembers: action<MemberView[]>()({ input: emptyInput, access: 'member', write: false, summary: '查看成员' }),
  createInvite: action<InviteView>()({ input: createInviteInput, access: ['admin'], write: true, summary: '创建邀请码' }),
  listInvites: action<InviteView[]>()({ input: emptyInput, access: ['admin'], write: false, summary: '查看邀请码' }),
  revokeInvite: action<{ code: string }>()({ input: revokeInviteInput, access: ['admin'], write: true, summary: '撤销邀请码' }),
  setMemberRoles: action<MemberView>()({ input: setMemberRolesInput, access: ['admin'], write: true, summary: '修改成员角色' }),
  removeMember: action<{ memberId: string }>()({ input: removeMemberInput, access: ['admin'], write: true, summary: '移除成员' }),
  listAudit: action<AuditPage>()({ input: listAuditInput, access: ['admin'], write: false, summary: '查看审计日志' }),
  // A write only so that it leaves an audit entry (and a retry answers the same file instead of a second one).
  exportTeamData: action<TeamExport>()({ input: emptyInput, access: ['admin'], write: true, summary: '导出团队数据' }),
}
