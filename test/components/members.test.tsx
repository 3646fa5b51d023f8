import { render, screen } from '@testing-library/react'
import MembersPage from '../../src/package-team/members'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { ADMIN, FIELD, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock } from './taro-mock'

function renderMembersAs(me: typeof ADMIN) {
  const members = [ADMIN, FIELD, OPERATOR].map((m) => ({ ...m, isMe: m.id === me.id }))
  const cloud = fakeCloud({ 'team.listMembers': () => ({ data: members }) })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(me)}>
      <MembersPage />
    </MeProvider>,
  )
  return { cloud, view }
}

describe('成员管理 screen', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists every member with their roles in Chinese', async () => {
    renderMembersAs(ADMIN)
    expect(await screen.findByText('赵强')).toBeTruthy()
    expect(screen.getByText('王敏')).toBeTruthy()
    expect(screen.getByText('李娜')).toBeTruthy()
    expect(screen.getByText('管理员')).toBeTruthy()
    expect(screen.getByText('主管/审核')).toBeTruthy()
    expect(screen.getByText('一线/外勤')).toBeTruthy()
    expect(screen.getByText('运营')).toBeTruthy()
    expect(screen.queryByText('field')).toBeNull()
  })

  it('asks the team function for the member list', async () => {
    const { cloud } = renderMembersAs(ADMIN)
    await screen.findByText('赵强')
    expect(cloud.calls.map((c) => `${c.fn}.${c.body.action}`)).toEqual(['team.listMembers'])
  })

  it('shows a non-admin the list read-only with a hint, without role or removal controls', async () => {
    const { view } = renderMembersAs(FIELD)
    await screen.findByText('王敏')
    expect(screen.getByText('仅管理员可修改角色')).toBeTruthy()
    expect(screen.queryByText('修改角色')).toBeNull()
    expect(screen.queryByText('移除')).toBeNull()
    expect(view.container.querySelector('.member-edit-roles')).toBeNull()
  })

  it('gives an admin role controls for everyone and removal for everyone but themselves', async () => {
    const { view } = renderMembersAs(ADMIN)
    await screen.findByText('赵强')
    expect(screen.queryByText('仅管理员可修改角色')).toBeNull()
    expect(view.container.querySelectorAll('.member-edit-roles')).toHaveLength(3)
    expect(view.container.querySelectorAll('.member-remove')).toHaveLength(2)
    expect(view.container.querySelector('.member-row--m_admin .member-remove')).toBeNull()
  })
})
