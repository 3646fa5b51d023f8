import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { AuditEntryView, AuditPage } from '../../core/audit/schemas'
import AuditPageScreen from '../../src/package-team/audit'
import MePage from '../../src/pages/me'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { ADMIN, FIELD, OPERATOR, fakeCloud, meAs, type FakeAnswer } from './fake-cloud'
import { resetTaroMock } from './taro-mock'

function entry(overrides: Partial<AuditEntryView> & Pick<AuditEntryView, 'id'>): AuditEntryView {
  return {
    at: '2026-12-01T01:05:00.000Z',
    actorId: ADMIN.id,
    actorName: ADMIN.name,
    area: 'team',
    areaLabel: '团队',
    action: 'setMemberRoles',
    actionLabel: '修改成员角色',
    subjectName: FIELD.name,
    changes: [{ field: 'roles', label: '角色', before: '一线/外勤', after: '运营、一线/外勤' }],
    ...overrides,
  }
}

const LONG = '这是一段很长的说明文字，'.repeat(8)
const FIRST: AuditPage = {
  entries: [
    entry({ id: 'a3' }),
    entry({ id: 'a2', actorId: OPERATOR.id, actorName: OPERATOR.name, area: 'content', areaLabel: '内容', action: 'updateItem', actionLabel: '编辑内容', subjectName: null, changes: [{ field: 'script', label: '脚本', before: null, after: LONG }] }),
  ],
  nextCursor: '1796086000000_a2',
}
const SECOND: AuditPage = { entries: [entry({ id: 'a1', action: 'revokeInvite', actionLabel: '撤销邀请码', subjectName: null, changes: null })], nextCursor: null }

function renderAudit(answer: (data: Record<string, unknown>) => FakeAnswer = (d) => ({ data: d.cursor ? SECOND : FIRST })) {
  const cloud = fakeCloud({
    'team.listAudit': (d) => answer(d as Record<string, unknown>),
    'team.listMembers': () => ({ data: [ADMIN, FIELD, OPERATOR] }),
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(ADMIN)}>
      <AuditPageScreen />
    </MeProvider>,
  )
  const audits = () => cloud.calls.filter((c) => c.body.action === 'listAudit').map((c) => c.body.data)
  return { cloud, view, audits }
}

describe('审计日志 screen', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows who did what to whom, when in China time, and the change before → after', async () => {
    const { view } = renderAudit()
    const row = (await screen.findByText('修改成员角色')).closest('.audit-entry')!
    expect(row.querySelector('.audit-entry__actor')?.textContent).toBe('王敏')
    expect(row.querySelector('.audit-entry__subject')?.textContent).toBe('赵强')
    expect(row.querySelector('.audit-entry__time')?.textContent).toBe('2026-12-01 09:05')
    expect(row.querySelector('.audit-change__label')?.textContent).toBe('角色')
    expect(row.querySelector('.audit-value--before')?.textContent).toBe('一线/外勤')
    expect(row.querySelector('.audit-value--after')?.textContent).toBe('运营、一线/外勤')
    expect(view.container.querySelectorAll('.audit-entry')).toHaveLength(2)
  })

  it('shortens a long value and shows all of it on tap', async () => {
    const { view } = renderAudit()
    await screen.findByText('编辑内容')
    const value = view.container.querySelector('.audit-entry--updateItem .audit-value--after')!
    expect(value.textContent).toBe(`${LONG.slice(0, 40)}… 展开`)
    expect(view.container.querySelector('.audit-entry--updateItem .audit-value--before')?.textContent).toBe('—')
    fireEvent.click(value)
    expect(value.textContent).toBe(`${LONG} 收起`)
  })

  it('loads the next page from the cursor with 加载更多 and says when there is no more', async () => {
    const { view, audits } = renderAudit()
    await screen.findByText('修改成员角色')
    fireEvent.click(view.container.querySelector('.audit-more')!)
    expect(await screen.findByText('撤销邀请码')).toBeTruthy()
    expect(audits()).toEqual([{}, { cursor: '1796086000000_a2' }])
    expect(view.container.querySelectorAll('.audit-entry')).toHaveLength(3)
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(view.container.querySelector('.audit-more')).toBeNull()
  })

  it('says honestly that an early entry has no recorded change', async () => {
    const { view } = renderAudit(() => ({ data: SECOND }))
    await screen.findByText('撤销邀请码')
    expect(view.container.querySelector('.audit-entry--revokeInvite .audit-entry__none')?.textContent).toBe('变更前后：—（早期记录，未保存变更内容）')
  })

  it('filters by member, then by area and one kind of change within it', async () => {
    const { view, audits } = renderAudit()
    await screen.findByText('修改成员角色')
    fireEvent.click(await screen.findByText('李娜', { selector: '.audit-chip' }))
    await waitFor(() => expect(audits()).toHaveLength(2))
    fireEvent.click(view.container.querySelector('.audit-area--team')!)
    await waitFor(() => expect(audits()).toHaveLength(3))
    fireEvent.click(view.container.querySelector('.audit-action--removeMember')!)
    await waitFor(() => expect(audits()).toHaveLength(4))
    expect(audits()).toEqual([{}, { memberId: OPERATOR.id }, { memberId: OPERATOR.id, area: 'team' }, { memberId: OPERATOR.id, area: 'team', action: 'removeMember' }])
    expect(view.container.querySelector('.audit-action--removeMember')?.textContent).toBe('移除成员')
  })

  it("shows the function's refusal in Chinese", async () => {
    renderAudit(() => ({ error: { code: 'FORBIDDEN', message: '你的角色没有权限执行此操作' } }))
    expect(await screen.findByText('你的角色没有权限执行此操作')).toBeTruthy()
  })
})

describe('the 审计日志 entry in 我的', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  const renderMe = (me: typeof ADMIN) => {
    setApiTransport(fakeCloud({ 'team.me': () => ({ data: meAs(me) }) }).transport)
    return render(
      <MeProvider initial={meAs(me)}>
        <MePage />
      </MeProvider>,
    )
  }

  it('is there for an admin', () => {
    expect(renderMe(ADMIN).container.querySelector('.entry-audit')?.textContent).toContain('审计日志')
  })

  it('is not there for anyone else', () => {
    expect(renderMe(OPERATOR).container.querySelector('.entry-audit')).toBeNull()
  })

  it('offers 邀请成员 to an admin only, since only an admin may create invites', () => {
    expect(renderMe(ADMIN).container.querySelector('.entry-invite')).not.toBeNull()
    expect(renderMe(OPERATOR).container.querySelector('.entry-invite')).toBeNull()
  })
})
