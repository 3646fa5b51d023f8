import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import FlowsPage from '../../src/package-review/flows'
import NotificationsPage from '../../src/package-review/notifications'
import { setApiTransport } from '../../src/api'
import { defaultFlow } from '../../core/review/flow'
import type { FlowView } from '../../core/review/schemas'
import { freshKey, moveGate } from '../../src/components/FlowEditor'
import { MeProvider } from '../../src/state/me'
import { ADMIN, FIELD, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

const FLOWS: FlowView[] = (['short_video', 'livestream', 'image_text'] as const).map((format) => ({
  format,
  formatLabel: { short_video: '短视频', livestream: '直播', image_text: '图文' }[format],
  gates: defaultFlow(format),
  version: 0,
  isDefault: true,
}))

const NOTES = {
  items: [
    { id: 'n1', kind: 'review_requested' as const, itemId: 'item_a', title: '待审核：澄净 X3 开箱', body: '李娜 提交了「脚本」第 2 版，请在 24 小时内审核', read: false, at: '2026-03-01T03:00:00.000Z' },
    { id: 'n2', kind: 'gate_passed' as const, itemId: 'item_b', title: '已通过：滤芯怎么换', body: '「选题」已由 陈静 通过，请准备「脚本」', read: true, at: '2026-02-28T03:00:00.000Z' },
  ],
  unread: 1,
  hasMore: false,
  nextOffset: 2,
}

describe('通知', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists notifications with unread ones marked, and opening one marks it read and goes to the item', async () => {
    const cloud = fakeCloud({ 'review.notifications': () => ({ data: NOTES }), 'review.markRead': () => ({ data: { updated: 1 } }) })
    setApiTransport(cloud.transport)
    const view = render(
      <MeProvider initial={meAs(MANAGER)}>
        <NotificationsPage />
      </MeProvider>,
    )
    await screen.findByText('待审核：澄净 X3 开箱')
    expect(screen.getByText('1 条未读')).toBeTruthy()
    expect(view.container.querySelectorAll('.notification--unread')).toHaveLength(1)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.notification--unread')!)
    })
    await waitFor(() => expect(cloud.calls.map((c) => c.body.action)).toContain('markRead'))
    expect(cloud.calls.find((c) => c.body.action === 'markRead')!.body.data).toEqual({ ids: ['n1'] })
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-review/production/index?itemId=item_a' }])
    expect(view.container.querySelectorAll('.notification--unread')).toHaveLength(0)
  })
})

describe('评审流程设置', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  function renderFlows(me = ADMIN) {
    const cloud = fakeCloud({
      'review.listFlows': () => ({ data: FLOWS }),
      'team.listMembers': () => ({ data: [ADMIN, OPERATOR, FIELD] }),
      'review.updateFlow': (d) => ({ data: { ...FLOWS[2], ...(d as object), version: 1, isDefault: false } }),
    })
    setApiTransport(cloud.transport)
    const view = render(
      <MeProvider initial={meAs(me)}>
        <FlowsPage />
      </MeProvider>,
    )
    return { view, cloud }
  }

  it('says in-flight items keep their flow, and saves a reordered flow with the version it was read at', async () => {
    const { view, cloud } = renderFlows()
    await screen.findByText(/已在制作中的内容继续使用开始时的流程/)
    fireEvent.click(view.container.querySelector('.flow-format--image_text')!)
    await waitFor(() => expect(view.container.querySelectorAll('.flow-gate')).toHaveLength(3))
    fireEvent.click(view.container.querySelectorAll('.flow-gate-down')[0])
    await act(async () => {
      fireEvent.click(view.container.querySelector('.flow-save')!)
    })
    await waitFor(() => expect(cloud.calls.map((c) => c.body.action)).toContain('updateFlow'))
    const sent = cloud.calls.find((c) => c.body.action === 'updateFlow')!.body.data as { format: string; version: number; gates: { name: string }[] }
    expect(sent.format).toBe('image_text')
    expect(sent.version).toBe(0)
    expect(sent.gates.map((g) => g.name)).toEqual(['初稿', '选题', '终审'])
  })

  it('offers as named reviewers only members who may review (not field staff)', async () => {
    const { view } = renderFlows()
    await screen.findByText(/已在制作中的内容/)
    await waitFor(() => expect(view.container.querySelectorAll('.flow-gate--0 .gate-member')).toHaveLength(2))
    expect(Array.from(view.container.querySelectorAll('.flow-gate--0 .gate-member'), (m) => m.textContent)).toEqual([ADMIN.name, OPERATOR.name])
  })

  it('refuses an unnamed new gate under it and sends nothing', async () => {
    const { view, cloud } = renderFlows()
    await screen.findByText(/已在制作中的内容/)
    fireEvent.click(view.container.querySelector('.flow-add-gate')!)
    await act(async () => {
      fireEvent.click(view.container.querySelector('.flow-save')!)
    })
    await waitFor(() => expect(view.container.querySelector('.flow-gate--5 .field-error')).not.toBeNull())
    expect(view.container.querySelector('.flow-gate--5 .field-error')!.textContent).toContain('关卡名称')
    expect(cloud.calls.map((c) => c.body.action)).not.toContain('updateFlow')
  })

  it('tells a non-admin only admins change flows, without asking for them', async () => {
    const { cloud } = renderFlows(MANAGER)
    await screen.findByText('只有管理员可以修改评审流程。')
    expect(cloud.calls).toEqual([])
  })

  describe('edge cases', () => {
    it('moveGate leaves the list as it is at either end', () => {
      expect(moveGate(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
      expect(moveGate(['a', 'b'], 1, 1)).toEqual(['a', 'b'])
      expect(moveGate(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    })

    it('freshKey never reuses a key of the flow', () => {
      expect(freshKey([{ key: 'topic' }, { key: 'gate3' }])).toBe('gate4')
      expect(freshKey([{ key: 'topic' }])).toBe('gate2')
    })
  })
})
