import type { InviteView, MeView, MemberView } from '../../core/team/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { AUDIT, INVITES, MEMBERS, TEAMS } from '../common/db/collections'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const call = (openid: string, action: string, data: unknown = {}, requestId = `r-${Math.random().toString(36).slice(2)}`) =>
  cloud.call('team', openid, { action, data, requestId })

const members = () => ok<MemberView[]>(cloud, 'team', w.openid.owner, 'listMembers')
const docs = (coll: string, query: Record<string, unknown>) => cloud.store.find(coll, { query })

describe('creating and joining a team', () => {
  it('makes the creator an admin and shows the team in 我的', async () => {
    const me = await ok<MeView>(cloud, 'team', w.openid.owner, 'me')
    expect(me.member).toMatchObject({ name: '团队创建人', roles: ['admin', 'manager', 'operator'], isMe: true })
    expect(me.team).toMatchObject({ name: '测试团队甲', memberCount: 5 })
  })

  it('answers me with no member for someone without a team', async () => {
    expect(await ok(cloud, 'team', w.openid.outsider, 'me')).toEqual({ member: null, team: null })
  })

  it('gives the joiner the role of the invite and uses the code up', async () => {
    const me = await ok<MeView>(cloud, 'team', w.openid.outsider, 'joinTeam', { code: w.inviteCode, name: '新人', department: 'sales' })
    expect(me.member?.roles).toEqual(['operator'])
    const again = await call(`${w.openid.outsider}x`, 'joinTeam', { code: w.inviteCode, name: '另一人', department: 'sales' })
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('邀请码') } })
  })

  it('refuses an expired invite', async () => {
    cloud.store.update(INVITES, { _id: w.inviteCode }, { $set: { expiresAt: new Date(Date.now() - 1000) } }, { multi: false, upsert: false, replace: false })
    const res = await call(w.openid.outsider, 'joinTeam', { code: w.inviteCode, name: '新人', department: 'sales' })
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(docs(MEMBERS, { openid: w.openid.outsider })).toHaveLength(0)
  })

  it('refuses to join a second team', async () => {
    const res = await call(w.openid.field, 'createTeam', { name: '另起炉灶', memberName: '某人', department: 'other' })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('creates one team when the create button is tapped twice at once', async () => {
    const data = { name: '双击团队', memberName: '急性子', department: 'other' }
    const results = await Promise.all([call(w.openid.outsider, 'createTeam', data), call(w.openid.outsider, 'createTeam', data)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(docs(MEMBERS, { openid: w.openid.outsider, status: 'active' })).toHaveLength(1)
  })
})

describe('retried requests', () => {
  it('the same requestId sent 50 times at once makes exactly one invite and the same answer', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => call(w.openid.owner, 'createInvite', { role: 'field' }, 'same-request-id-1')))
    expect(results.every((r) => r.ok)).toBe(true)
    const codes = new Set(results.map((r) => (r.ok ? (r.data as InviteView).code : '')))
    expect(codes.size).toBe(1)
    expect(docs(INVITES, { teamId: w.teamA, role: 'field', status: 'open' })).toHaveLength(1)
    expect(docs(AUDIT, { teamId: w.teamA, action: 'createInvite', requestId: 'same-request-id-1' })).toHaveLength(1)
  })

  it('a failed write releases its requestId so the corrected retry runs', async () => {
    const rid = 'retry-after-failure-1'
    const stale = await call(w.openid.owner, 'setMemberRoles', { memberId: w.memberId.field, roles: ['operator'], version: 99 }, rid)
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const fixed = await call(w.openid.owner, 'setMemberRoles', { memberId: w.memberId.field, roles: ['operator'], version: w.memberVersion.field }, rid)
    expect(fixed.ok).toBe(true)
  })

  it('requires a requestId on writes', async () => {
    const res = await cloud.call('team', w.openid.owner, { action: 'createInvite', data: { role: 'field' } })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'requestId' }] } })
  })
})

describe('roles', () => {
  it('lets an admin change roles and records who did it', async () => {
    const res = await call(w.openid.admin, 'setMemberRoles', { memberId: w.memberId.field, roles: ['operator', 'field'], version: w.memberVersion.field })
    expect(res).toMatchObject({ ok: true, data: { roles: ['operator', 'field'], version: w.memberVersion.field + 1 } })
    const [audit] = docs(AUDIT, { teamId: w.teamA, action: 'setMemberRoles' })
    expect(audit).toMatchObject({ actorId: w.memberId.admin, subjectId: w.memberId.field, detail: { from: ['field'], to: ['operator', 'field'] } })
  })

  it('answers a stale version with CONFLICT and the current member, never overwriting', async () => {
    await ok(cloud, 'team', w.openid.admin, 'setMemberRoles', { memberId: w.memberId.field, roles: ['manager'], version: w.memberVersion.field })
    const res = await call(w.openid.owner, 'setMemberRoles', { memberId: w.memberId.field, roles: ['operator'], version: w.memberVersion.field })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { roles: ['manager'] } } })
    expect((await members()).find((m) => m.id === w.memberId.field)?.roles).toEqual(['manager'])
  })

  it('never demotes or removes the last admin', async () => {
    await ok(cloud, 'team', w.openid.owner, 'removeMember', { memberId: w.memberId.admin })
    const list = await members()
    const owner = list.find((m) => m.id === w.memberId.owner)!
    const demote = await call(w.openid.owner, 'setMemberRoles', { memberId: owner.id, roles: ['operator'], version: owner.version })
    expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('至少需要一位管理员') } })
    const remove = await call(w.openid.owner, 'removeMember', { memberId: owner.id })
    expect(remove).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('two admins demoting each other at the same moment leave one admin', async () => {
    const list = await members()
    const owner = list.find((m) => m.id === w.memberId.owner)!
    const admin = list.find((m) => m.id === w.memberId.admin)!
    const [a, b] = await Promise.all([
      call(w.openid.owner, 'setMemberRoles', { memberId: admin.id, roles: ['operator'], version: admin.version }),
      call(w.openid.admin, 'setMemberRoles', { memberId: owner.id, roles: ['operator'], version: owner.version }),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect((await docs(MEMBERS, { teamId: w.teamA, status: 'active', roles: 'admin' })).length).toBe(1)
  })

  it('a removed member loses access and may join another team', async () => {
    await ok(cloud, 'team', w.openid.owner, 'removeMember', { memberId: w.memberId.field })
    expect(await call(w.openid.field, 'listMembers')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const created = await call(w.openid.field, 'createTeam', { name: '新的开始', memberName: '赵', department: 'sales' })
    expect(created.ok).toBe(true)
  })
})

describe('team boundaries', () => {
  it("another team's admin cannot touch our members or invites", async () => {
    const before = cloud.snapshot(w.teamA)
    expect(await call(w.openid.otherTeam, 'setMemberRoles', { memberId: w.memberId.field, roles: ['admin'], version: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'removeMember', { memberId: w.memberId.field })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'revokeInvite', { code: w.inviteCode })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const theirs = await ok<MemberView[]>(cloud, 'team', w.openid.otherTeam, 'listMembers')
    expect(theirs.map((m) => m.name)).toEqual(['乙队管理员'])
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('never sends openids to the page', async () => {
    expect(JSON.stringify(await members())).not.toContain(w.openid.field)
  })
})

describe('invites', () => {
  it('lists open invites and revokes one', async () => {
    const list = await ok<InviteView[]>(cloud, 'team', w.openid.owner, 'listInvites')
    expect(list.map((i) => i.code)).toContain(w.inviteCode)
    expect(list[0].createdByName).toBe('团队创建人')
    await ok(cloud, 'team', w.openid.owner, 'revokeInvite', { code: w.inviteCode })
    const after = await ok<InviteView[]>(cloud, 'team', w.openid.owner, 'listInvites')
    expect(after.map((i) => i.code)).not.toContain(w.inviteCode)
  })
})

describe('nightly repair', () => {
  it('resets an admin count that drifted, and refuses a timer event sent by a user or an anonymous caller', async () => {
    cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { adminCount: 7 } }, { multi: false, upsert: false, replace: false })
    const forged = await cloud.call('team', w.openid.owner, { Type: 'Timer', TriggerName: 'repairAdminCounts' } as never)
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const anonymous = await cloud.call('team', null, { Type: 'Timer', TriggerName: 'repairAdminCounts' } as never)
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(docs(TEAMS, { _id: w.teamA })[0]).toMatchObject({ adminCount: 7 })
    const res = await cloud.timer('team', 'repairAdminCounts')
    expect(res).toMatchObject({ ok: true, data: { fixed: 1 } })
    expect(docs(TEAMS, { _id: w.teamA })[0]).toMatchObject({ adminCount: 2 })
  })
})
