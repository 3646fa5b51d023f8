import simulate from 'miniprogram-simulate'
import { ROLE_LABELS } from '../../core/roles'
import type { MeView, MemberView } from '../../core/team/schemas'
import { answering, eventually, launchMiniProgram, texts, writeProbe } from './harness'

const TEAM = { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 3 }
const member = (m: Partial<MemberView> & Pick<MemberView, 'id' | 'name' | 'roles'>): MemberView => ({
  department: 'marketing',
  joinedAt: '2025-03-01T02:00:00.000Z',
  version: 1,
  isMe: false,
  ...m,
})
const ME = member({ id: 'm_admin', name: '王敏', roles: ['admin', 'manager'], isMe: true })
const MEMBERS = [ME, member({ id: 'm_field', name: '赵强', roles: ['field'], department: 'sales' }), member({ id: 'm_op', name: '李娜', roles: ['operator'] })]

/** The team cloud function as the real one answers: `{ ok, data }` per action. */
const teamFunction = answering({ 'team.me': { member: ME, team: TEAM } satisfies MeView, 'team.listMembers': MEMBERS })


describe('mini-program build (dist/weapp): 成员管理 page', () => {
  const route = 'package-team/members/index'
  let mp: ReturnType<typeof launchMiniProgram>
  let page: Awaited<ReturnType<ReturnType<typeof launchMiniProgram>['openPage']>>

  beforeAll(async () => {
    mp = launchMiniProgram(teamFunction, route)
    page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain('赵强'))
  })

  it("launches by asking the 'team' function who the caller is", () => {
    expect(mp.calls[0]).toEqual({ name: 'team', data: expect.objectContaining({ action: 'me', data: {} }) })
  })

  it("loads the members from the 'team' function", () => {
    expect(mp.calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(['team.me', 'team.listMembers'])
  })

  it('hands setData every member name and Chinese role label', () => {
    const shown = texts(page.data.root)
    for (const m of MEMBERS) expect(shown).toContain(m.name)
    for (const role of ['admin', 'manager', 'operator', 'field'] as const) expect(shown).toContain(ROLE_LABELS[role])
    expect(shown).not.toContain('field')
  })

  it("renders that tree through the build's own base.wxml template", () => {
    const id = simulate.load(writeProbe())
    const probe = simulate.render(id, { root: page.data.root })
    probe.attach(document.createElement('div'))
    const text = probe.dom!.textContent ?? ''
    for (const m of MEMBERS) expect(text).toContain(m.name)
    expect(text).toContain('一线/外勤')
    expect(text).toContain('主管/审核')
    expect(text).toContain('修改角色')
  })
})
