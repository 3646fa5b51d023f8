import { render, screen } from '@testing-library/react'
import ApprovalsPage from '../../src/pages/approvals'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { FIELD, MANAGER, fakeCloud, meAs } from './fake-cloud'
import { myEntry, NO_NOTES, waitingEntry } from './review-fixtures'
import { resetTaroMock, taroCalls } from './taro-mock'

const INBOX = {
  waiting: [
    waitingEntry({ itemId: 'item_old', title: '澄净 X3 开箱', overdue: true, waitingHours: 30.5 }),
    waitingEntry({ itemId: 'item_new', title: '滤芯怎么换', gateName: '剪辑', gateIndex: 3 }),
  ],
  mine: [
    myEntry({ itemId: 'item_draft', title: '新品预告 K5' }),
    myEntry({ itemId: 'item_wait', title: '参数一图看懂', gateName: '脚本', gateIndex: 1, gateState: 'in_review', ask: '等待审核「脚本」', myTurn: false }),
    myEntry({ itemId: 'item_fix', title: '门店实拍', gateState: 'changes_requested', ask: '按意见修改后重新提交「选题」' }),
    myEntry({ itemId: 'item_sched', title: '夏日净水', status: 'scheduled', gateName: '终审', gateIndex: 4, gateState: 'drafting', ask: '终审已通过：发布后标记已发布', plannedAt: '2026-03-10T12:00:00.000Z' }),
  ],
  waitingTotal: 2,
  overdueTotal: 1,
  unread: 0,
}
const NOTES = {
  ...NO_NOTES,
  unread: 2,
  items: [{ id: 'n1', kind: 'changes_requested' as const, itemId: 'item_fix', title: '需修改：门店实拍', body: '王敏 要求修改「选题」：开头太长', read: false, at: '2026-03-01T03:00:00.000Z' }],
}

function renderAs(me: typeof MANAGER) {
  const cloud = fakeCloud({ 'review.inbox': () => ({ data: INBOX }), 'review.notifications': () => ({ data: NOTES }) })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(me)}>
      <ApprovalsPage />
    </MeProvider>,
  )
  return { view, cloud }
}

describe('审核 tab', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists the reviews waiting for me oldest first, the overdue one marked with its wait vs the SLA', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('澄净 X3 开箱')
    const rows = Array.from(view.container.querySelectorAll('.waiting-entry'))
    expect(rows.map((r) => r.querySelector('.inbox-entry__title')?.textContent)).toEqual(['澄净 X3 开箱', '滤芯怎么换'])
    expect(rows[0].className).toContain('waiting-entry--overdue')
    expect(rows[1].className).not.toContain('waiting-entry--overdue')
    expect(rows[0].textContent).toContain('已逾期 · 已等待 30.5 小时（时限 24 小时）')
    expect(screen.getByText('逾期 1 条')).toBeTruthy()
  })

  it('groups my items by what is asked of me, with the reviewer’s comment on the one sent back', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('门店实拍')
    const chips = Array.from(view.container.querySelectorAll('.my-item .inbox-chip'), (c) => c.textContent)
    expect(chips).toEqual(['需修改', '待发布', '待提交', '待审核'])
    expect(view.container.querySelector('.my-item--changes .inbox-entry__comment')?.textContent).toBe('王敏 要求修改「选题」：开头太长')
  })

  it('shows the unread notification count by 通知 and opens the item from a row', async () => {
    const { view } = renderAs(MANAGER)
    await screen.findByText('澄净 X3 开箱')
    expect(view.container.querySelector('.inbox-notifications__badge')?.textContent).toBe('2')
    ;(view.container.querySelector('.waiting-entry') as HTMLElement).click()
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-review/production/index?itemId=item_old' }])
  })

  it('shows field staff an honest read-only note and asks the review function nothing', async () => {
    const { view, cloud } = renderAs(FIELD)
    await screen.findByText('一线/外勤成员不参与评审')
    expect(cloud.calls).toEqual([])
    expect(view.container.querySelector('.waiting-list')).toBeNull()
  })
})
