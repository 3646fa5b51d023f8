import type { InviteView, MeView, MemberView, TeamView } from '../../core/team/schemas'
import type { InviteRecord, MemberRecord, TeamRecord } from '../common/db/team'

export function memberView(m: MemberRecord, meId: string | null): MemberView {
  return {
    id: m._id,
    name: m.name,
    department: m.department,
    roles: m.roles,
    joinedAt: new Date(m.joinedAt).toISOString(),
    version: m.version,
    isMe: m._id === meId,
  }
}

export function teamView(t: TeamRecord, memberCount: number): TeamView {
  return { id: t._id, name: t.name, memberCount }
}

export function inviteView(i: InviteRecord, createdByName: string): InviteView {
  return { code: i._id, role: i.role, expiresAt: new Date(i.expiresAt).toISOString(), createdByName }
}

export function meView(member: MemberRecord | null, team: TeamRecord | null, memberCount: number): MeView {
  if (!member || !team) return { member: null, team: null }
  return { member: memberView(member, member._id), team: teamView(team, memberCount) }
}
