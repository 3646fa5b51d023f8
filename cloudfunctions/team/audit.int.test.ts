import type { AuditEntryView, AuditPage } from '../../core/audit/schemas'
import type { Role } from '../../core/roles'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { AUDIT } from '../common/db/collections'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const list = (openid: string, data: Record<string, unknown> = {}) => cloud.call('team', openid, { action: 'listAudit', data })
const page = (openid: string, data: Record<string, unknown> = {}) => ok<AuditPage>(cloud, 'team', openid, 'listAudit', data)

/** Follows cursors to the end, returning every entry in the order the pages gave them. */
async function allPages(openid: string, data: Record<string, unknown>): Promise<{ entries: AuditEntryView[]; pages: number }> {
  const entries: AuditEntryView[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const p = await page(openid, { ...data, ...(cursor ? { cursor } : {}) })
    entries.push(...p.entries)
    cursor = p.nextCursor ?? undefined
    pages++
  } while (cursor && pages < 100)
  return { entries, pages }
}

const teamAuditCount = (teamId: string) => cloud.store.count(AUDIT, { teamId })

describe('reading the audit log as an admin', () => {
  it('shows the newest entry first with who, what in Chinese and the changed fields before → after', async () => {
    await ok(cloud, 'team', w.openid.admin, 'setMemberRoles', { memberId: w.memberId.field, roles: ['field', 'operator'], version: w.memberVersion.field })
    const { entries } = await page(w.openid.admin)
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actorId: w.memberId.admin,
      actorName: '成员admin',
      area: 'team',
      areaLabel: '团队',
      action: 'setMemberRoles',
      actionLabel: '修改成员角色',
      subjectName: '成员field',
      changes: [{ field: 'roles', label: '角色', before: '一线/外勤', after: '运营、一线/外勤' }],
    })
    const times = entries.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('pages 20 at a time by default and the pages together hold every entry of the team once', async () => {
    for (let i = 0; i < 16; i++) await ok(cloud, 'team', w.openid.owner, 'createInvite', { role: 'field' })
    const total = teamAuditCount(w.teamA)
    expect(total).toBeGreaterThan(20)
    const first = await page(w.openid.owner)
    expect(first.entries).toHaveLength(20)
    expect(first.nextCursor).toEqual(expect.any(String))
    const { entries, pages } = await allPages(w.openid.owner, { limit: 7 })
    expect(pages).toBe(Math.ceil(total / 7))
    expect(new Set(entries.map((e) => e.id)).size).toBe(total)
  })

  it('keeps the next page stable when new entries arrive between pages', async () => {
    for (let i = 0; i < 6; i++) await ok(cloud, 'team', w.openid.owner, 'createInvite', { role: 'field' })
    const first = await page(w.openid.owner, { limit: 5 })
    const expected = await page(w.openid.owner, { limit: 5, cursor: first.nextCursor })
    await ok(cloud, 'team', w.openid.owner, 'createInvite', { role: 'operator' })
    await ok(cloud, 'team', w.openid.admin, 'updateProfile', { name: '新名字', department: 'tech' })
    const second = await page(w.openid.owner, { limit: 5, cursor: first.nextCursor })
    expect(second.entries.map((e) => e.id)).toEqual(expected.entries.map((e) => e.id))
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id)
  })

  it('filters by member: only entries that member made', async () => {
    await ok(cloud, 'team', w.openid.admin, 'createInvite', { role: 'field' })
    await ok(cloud, 'team', w.openid.operator, 'updateProfile', { name: '运营小李', department: 'marketing' })
    const { entries } = await allPages(w.openid.owner, { memberId: w.memberId.operator })
    expect(entries.map((e) => [e.actorId, e.action])).toEqual([
      [w.memberId.operator, 'updateProfile'],
      [w.memberId.operator, 'joinTeam'],
    ])
    expect(entries[0]!.changes).toEqual([
      { field: 'name', label: '姓名', before: '成员operator', after: '运营小李' },
      { field: 'department', label: '部门', before: '销售部', after: '市场部' },
    ])
  })

  it('filters by area and by action', async () => {
    await ok(cloud, 'team', w.openid.owner, 'removeMember', { memberId: w.memberId.field })
    const content = await allPages(w.openid.owner, { area: 'content' })
    expect(content.entries.length).toBeGreaterThan(0)
    expect(new Set(content.entries.map((e) => e.areaLabel))).toEqual(new Set(['内容']))
    const removals = await allPages(w.openid.owner, { area: 'team', action: 'removeMember' })
    expect(removals.entries).toEqual([
      expect.objectContaining({ actionLabel: '移除成员', subjectName: '成员field', changes: [{ field: 'status', label: '状态', before: '在团队中', after: '已移除' }] }),
    ])
  })

  it('records what a content edit changed, with the item title and the schema label of each field', async () => {
    const item = await ok<{ title: string }>(cloud, 'content', w.openid.owner, 'getItem', { id: w.itemId })
    await ok(cloud, 'content', w.openid.owner, 'updateItem', { id: w.itemId, version: w.itemVersion, title: '门店店长的一天（修订）' })
    const { entries } = await page(w.openid.owner, { area: 'content', action: 'updateItem' })
    expect(entries).toEqual([
      expect.objectContaining({
        actionLabel: '编辑内容',
        areaLabel: '内容',
        subjectName: item.title,
        changes: [{ field: 'title', label: '标题', before: item.title, after: '门店店长的一天（修订）' }],
      }),
    ])
  })

  it('shows entries written before changes were recorded honestly, without changes', async () => {
    cloud.store.insert(AUDIT, [
      { _id: 'legacy-entry-1', teamId: w.teamA, actorId: w.memberId.owner, actorName: '团队创建人', fn: 'team', action: 'revokeInvite', summary: '撤销邀请码', requestId: 'old-1', at: new Date() },
    ])
    const { entries } = await page(w.openid.owner, { action: 'revokeInvite' })
    expect(entries).toEqual([expect.objectContaining({ id: 'legacy-entry-1', actionLabel: '撤销邀请码', changes: null, subjectName: null })])
  })

  it('reads the subject of entries written before it was called so (target / targetName), never rewriting them', async () => {
    cloud.store.insert(AUDIT, [
      { _id: 'legacy-entry-2', teamId: w.teamA, actorId: w.memberId.owner, actorName: '团队创建人', fn: 'team', action: 'removeMember', summary: '移除成员', requestId: 'old-2', target: w.memberId.field, targetName: '旧成员', at: new Date() },
    ])
    const { entries } = await page(w.openid.owner, { action: 'removeMember' })
    expect(entries[0]).toMatchObject({ id: 'legacy-entry-2', subjectName: '旧成员' })
    expect(cloud.store.find(AUDIT, { query: { _id: 'legacy-entry-2' } })[0]).toMatchObject({ target: w.memberId.field, targetName: '旧成员' })
  })
})

describe('who may read it', () => {
  it.each<Role>(['manager', 'operator', 'field'])('refuses a %s with FORBIDDEN', async (role) => {
    expect(await list(w.openid[role])).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你的角色没有权限执行此操作' } })
  })

  it("never returns another team's entries, even when asked for a member of that team", async () => {
    const theirs = await allPages(w.openid.otherTeam, {})
    expect(theirs.entries.length).toBeGreaterThan(0)
    expect(theirs.entries.length).toBe(teamAuditCount(w.teamB))
    const ids = new Set(cloud.store.find(AUDIT, { query: { teamId: w.teamA } }).map((d) => d._id))
    expect(theirs.entries.filter((e) => ids.has(e.id))).toEqual([])
    expect(await page(w.openid.otherTeam, { memberId: w.memberId.owner })).toEqual({ entries: [], nextCursor: null })
  })

  it('refuses a page size over 50', async () => {
    expect(await list(w.openid.owner, { limit: 500 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'limit' }] } })
  })
})
