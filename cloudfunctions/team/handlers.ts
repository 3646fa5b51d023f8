import type { teamContract } from '../../core/api/team'
import { AppError } from '../../core/errors'
import { STAFF_ROLES, type Role } from '../../core/roles'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../core/team/schemas'
import type { Handlers } from '../common/action'
import type { BaseCtx, MemberCtx } from '../common/context'
import { INVITES, MEMBERS, SEATS, TEAMS } from '../common/db/collections'
import { seatId, type InviteRecord, type MemberRecord, type SeatRecord, type TeamDoc } from '../common/db/team'
import { Repo } from '../common/repo'
import { isDuplicateKeyError } from '../common/sdk'
import { exportTeamData } from './exportTeamData'
import { listAudit } from './listAudit'
import { inviteView, memberView, meView } from './views'
import { baseFields } from '../common/records'

const HOUR = 3600_000

export const handlers: Handlers<typeof teamContract> = {
  async ping({ ctx }) {
    return { at: ctx.now.toISOString() }
  },

  async me({ ctx }) {
    if (!ctx.member || !ctx.team) return meView(null, null, 0)
    return meView(ctx.member, ctx.team, await ctx.repo(MEMBERS).count({ status: 'active' }))
  },

  async createTeam({ ctx, input }) {
    if (ctx.member) throw new AppError('CONFLICT', `你已经是团队「${ctx.team?.name}」的成员`)
    const teamId = ctx.newId('team')
    const memberId = ctx.newId('member')
    await claimSeat(ctx, teamId, memberId)
    const base = { createdAt: ctx.now, updatedAt: ctx.now, createdBy: memberId, version: 0 }
    const team: TeamDoc = { _id: teamId, teamId, name: input.name, adminCount: 1, ...base }
    await ctx.repo<TeamDoc>(TEAMS, teamId).insertOnce(team)
    const member: MemberRecord = {
      _id: memberId,
      teamId,
      openid: ctx.openid,
      name: input.memberName,
      department: input.department,
      roles: [...STAFF_ROLES],
      status: 'active',
      joinedAt: ctx.now,
      ...base,
    }
    await ctx.repo<MemberRecord>(MEMBERS, teamId).insertOnce(member)
    ctx.audit({ teamId, subjectId: teamId, subjectName: input.name, actor: { id: memberId, name: input.memberName }, detail: { name: input.name } })
    return meView(member, team, 1)
  },

  async joinTeam({ ctx, input }) {
    if (ctx.member) throw new AppError('CONFLICT', `你已经是团队「${ctx.team?.name}」的成员`)
    const invites = new Repo<InviteRecord>(ctx.db, INVITES, null)
    const invite = await invites.get(input.code)
    const memberId = ctx.newId('member')
    const usable = invite && invite.status === 'open' && new Date(invite.expiresAt) > ctx.now
    const ours = invite && invite.status === 'used' && invite.usedBy === memberId // a retried join
    if (!invite || (!usable && !ours)) throw new AppError('NOT_FOUND', '邀请码无效或已过期，请向管理员索取新的邀请码')
    if (!ours) {
      const took = await invites.updateWhere({ _id: invite._id, status: 'open' }, { status: 'used', usedBy: memberId, usedAt: ctx.now })
      if (took !== 1) throw new AppError('CONFLICT', '邀请码刚刚被使用，请向管理员索取新的邀请码')
    }
    try {
      await claimSeat(ctx, invite.teamId, memberId)
    } catch (e) {
      await invites.updateWhere({ _id: invite._id, usedBy: memberId }, { status: 'open', usedBy: null, usedAt: null })
      throw e
    }
    const member: MemberRecord = {
      _id: memberId,
      teamId: invite.teamId,
      openid: ctx.openid,
      name: input.name,
      department: input.department,
      roles: [invite.role],
      status: 'active',
      joinedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: memberId,
      version: 0,
    }
    const { created } = await ctx.repo<MemberRecord>(MEMBERS, invite.teamId).insertOnce(member)
    if (created && invite.role === 'admin') {
      await ctx.repo(TEAMS, invite.teamId).updateWhere({ _id: invite.teamId }, { adminCount: ctx.db.command.inc(1) })
    }
    const team = await ctx.repo<TeamDoc>(TEAMS, invite.teamId).get(invite.teamId)
    if (!team) throw new AppError('NOT_FOUND', '团队不存在')
    ctx.audit({
      teamId: invite.teamId,
      subjectId: memberId,
      actor: { id: memberId, name: input.name },
      after: { name: input.name, department: input.department, roles: [invite.role] },
      detail: { role: invite.role, code: invite._id },
    })
    return meView(member, team, await ctx.repo(MEMBERS, invite.teamId).count({ status: 'active' }))
  },

  async updateProfile({ ctx, input }) {
    const members = ctx.repo<MemberRecord>(MEMBERS)
    const _ = ctx.db.command
    await members.updateWhere({ _id: ctx.member._id }, { name: input.name, department: input.department, updatedAt: ctx.now, version: _.inc(1) })
    const me = await members.get(ctx.member._id)
    ctx.audit({ subjectId: ctx.member._id, subjectName: input.name, before: ctx.member, detail: { name: input.name, department: input.department } })
    return meView(me, ctx.team, await members.count({ status: 'active' }))
  },

  async listMembers({ ctx }) {
    const list = await ctx.repo<MemberRecord>(MEMBERS).find({ status: 'active' }, { orderBy: ['joinedAt', 'asc'] })
    return list.map((m) => memberView(m, ctx.member._id))
  },

  async createInvite({ ctx, input }) {
    const code = inviteCode(ctx.newId('invite'))
    const invite: InviteRecord = {
      ...baseFields(ctx, code),
      role: input.role,
      expiresAt: new Date(ctx.now.getTime() + input.ttlHours * HOUR),
      status: 'open',
    }
    const { doc } = await ctx.repo<InviteRecord>(INVITES).insertOnce(invite)
    ctx.audit({ subjectId: code, subjectName: code, detail: { role: input.role, ttlHours: input.ttlHours } })
    return inviteView(doc, ctx.member.name)
  },

  async listInvites({ ctx }) {
    const _ = ctx.db.command
    const open = await ctx.repo<InviteRecord>(INVITES).find(
      { status: 'open', expiresAt: _.gt(ctx.now) },
      { orderBy: ['createdAt', 'desc'], limit: 100 },
    )
    const names = await memberNames(ctx, open.map((i) => i.createdBy))
    return open.map((i) => inviteView(i, names.get(i.createdBy) ?? ''))
  },

  async revokeInvite({ ctx, input }) {
    const n = await ctx.repo(INVITES).updateWhere({ _id: input.code, status: 'open' }, { status: 'revoked', updatedAt: ctx.now })
    if (n !== 1) throw new AppError('NOT_FOUND', '邀请码不存在或已失效')
    ctx.audit({ subjectId: input.code, subjectName: input.code, before: { status: 'open' }, after: { status: 'revoked' } })
    return { code: input.code }
  },

  async setMemberRoles({ ctx, input }) {
    const members = ctx.repo<MemberRecord>(MEMBERS)
    const target = await members.findOne({ _id: input.memberId, status: 'active' })
    if (!target) throw new AppError('NOT_FOUND', '成员不存在')
    const roles = orderRoles(input.roles)
    const wasAdmin = target.roles.includes('admin')
    const willBeAdmin = roles.includes('admin')
    if (wasAdmin && !willBeAdmin) await releaseAdmin(ctx)
    let updated: MemberRecord
    try {
      updated = await members.updateVersioned(target._id, input.version, { roles }, ctx.now, (c) => memberView(c, ctx.member._id))
    } catch (e) {
      if (wasAdmin && !willBeAdmin) await adjustAdmins(ctx, +1)
      throw e
    }
    if (!wasAdmin && willBeAdmin) await adjustAdmins(ctx, +1)
    ctx.audit({ subjectId: target._id, subjectName: target.name, before: target, after: { roles }, detail: { from: target.roles, to: roles } })
    return memberView(updated, ctx.member._id)
  },

  async removeMember({ ctx, input }) {
    const members = ctx.repo<MemberRecord>(MEMBERS)
    const target = await members.findOne({ _id: input.memberId, status: 'active' })
    if (!target) throw new AppError('NOT_FOUND', '成员不存在')
    const wasAdmin = target.roles.includes('admin')
    if (wasAdmin) await releaseAdmin(ctx)
    const n = await members.updateWhere({ _id: target._id, status: 'active' }, { status: 'removed', updatedAt: ctx.now, version: ctx.db.command.inc(1) })
    if (n !== 1) {
      if (wasAdmin) await adjustAdmins(ctx, +1)
      throw new AppError('CONFLICT', '该成员刚刚已被移除')
    }
    await ctx.db.collection(SEATS).where({ _id: seatId(target.openid), memberId: target._id }).remove()
    ctx.audit({ subjectId: target._id, subjectName: target.name, before: target, after: { status: 'removed' }, detail: { name: target.name } })
    return { memberId: target._id }
  },

  listAudit,
  exportTeamData,
}

/** Role order as the UI shows it, whatever order the client sent. */
function orderRoles(roles: Role[]): Role[] {
  const order: Role[] = ['admin', 'manager', 'operator', 'field']
  return order.filter((r) => roles.includes(r))
}

async function claimSeat(ctx: BaseCtx, teamId: string, memberId: string): Promise<void> {
  const seat: SeatRecord = { _id: seatId(ctx.openid), teamId, memberId, createdAt: ctx.now }
  try {
    await ctx.db.collection(SEATS).add({ data: seat as unknown as Record<string, unknown> })
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
    const held = (await ctx.db.collection(SEATS).where({ _id: seat._id }).limit(1).get()).data[0]
    if (held?.memberId !== memberId) throw new AppError('CONFLICT', '你已经加入了一个团队')
  }
}

/**
 * Takes one admin away from the team's count only while another admin remains: a single
 * conditional update, so two admins demoting each other at once cannot leave the team without one.
 */
async function releaseAdmin(ctx: MemberCtx): Promise<void> {
  const _ = ctx.db.command
  const n = await ctx.repo(TEAMS).updateWhere({ _id: ctx.team._id, adminCount: _.gt(1) }, { adminCount: _.inc(-1) })
  if (n !== 1) throw new AppError('CONFLICT', '团队至少需要一位管理员，不能移除最后一位管理员')
}

async function adjustAdmins(ctx: MemberCtx, delta: number): Promise<void> {
  await ctx.repo(TEAMS).updateWhere({ _id: ctx.team._id }, { adminCount: ctx.db.command.inc(delta) })
}


async function memberNames(ctx: MemberCtx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const list = await ctx.repo<MemberRecord>(MEMBERS).find({ _id: ctx.db.command.in(unique) })
  return new Map(list.map((m) => [m._id, m.name]))
}

/** Maps a request-derived hex id onto the readable invite alphabet, so a retried request makes the same code. */
function inviteCode(hex: string): string {
  let out = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    out += INVITE_ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % INVITE_ALPHABET.length]
  }
  return out
}
