import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import InvitePage from '../../src/package-team/invite'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { ADMIN, FIELD, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

const FORBIDDEN = { code: 'FORBIDDEN' as const, message: '你的角色没有权限执行此操作' }

describe('邀请成员 screen', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it("shows field staff the server's FORBIDDEN message when they try to generate a code", async () => {
    const cloud = fakeCloud({ 'team.createInvite': () => ({ error: FORBIDDEN }) })
    setApiTransport(cloud.transport)
    const { container } = render(
      <MeProvider initial={meAs(FIELD)}>
        <InvitePage />
      </MeProvider>,
    )
    fireEvent.click(container.querySelector('.invite-generate')!)
    expect(await screen.findByText('你的角色没有权限执行此操作')).toBeTruthy()
    expect(taroCalls.toasts).toEqual(['你的角色没有权限执行此操作'])
    expect(container.querySelector('.invite-code-card')).toBeNull()
    // A non-admin is not shown the open codes, and the screen never asked for them.
    expect(cloud.calls.map((c) => `${c.fn}.${c.body.action}`)).toEqual(['team.createInvite'])
  })

  it('shows an admin the new code big, with its role and a copy button', async () => {
    const invite = { code: 'K7M2Q9XA', role: 'field', expiresAt: '2025-03-03T02:00:00.000Z', createdByName: '王敏' }
    const cloud = fakeCloud({
      'team.listInvites': () => ({ data: [] }),
      'team.createInvite': () => ({ data: invite }),
    })
    setApiTransport(cloud.transport)
    const { container } = render(
      <MeProvider initial={meAs(ADMIN)}>
        <InvitePage />
      </MeProvider>,
    )
    expect(await screen.findByText('暂无未使用的邀请码')).toBeTruthy()
    fireEvent.click(container.querySelector('.invite-generate')!)
    const code = await screen.findByText('K7M2Q9XA')
    expect(code.closest('.invite-code-card')).not.toBeNull()
    expect(screen.getByText(/角色：一线\/外勤/)).toBeTruthy()
    fireEvent.click(container.querySelector('.invite-copy')!)
    await waitFor(() => expect(taroCalls.clipboard).toEqual(['K7M2Q9XA']))
    expect(cloud.calls.find((c) => c.body.action === 'createInvite')?.body.data).toEqual({ role: 'field' })
  })
})
