import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import LogPage from '../../src/pages/log'
import { setApiTransport } from '../../src/api'
import { loadOutbox, queueEntry } from '../../src/state/outbox'
import { MeProvider } from '../../src/state/me'
import { FIELD, fakeCloud, meAs } from './fake-cloud'
import { ITEM, TODAY, pendingToday, snapshotView } from './results-fixtures'
import { resetTaroMock, taroCalls } from './taro-mock'

function renderTab(handlers: Parameters<typeof fakeCloud>[0] = {}) {
  const cloud = fakeCloud({ 'results.pendingToday': () => ({ data: pendingToday() }), ...handlers })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(FIELD)}>
      <LogPage />
    </MeProvider>,
  )
  return { cloud, view }
}

describe('填报 tab', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it("lists today's items still missing numbers, each with one-tap 填报 to the form", async () => {
    const { view } = renderTab()
    await screen.findByText(ITEM.title)
    expect(screen.getByText('2 条待填 · 1 条已填')).toBeTruthy()
    expect(view.container.querySelector(`.pending-item--${ITEM.id}`)!.textContent).toContain('播放 1,200')
    fireEvent.click(view.container.querySelector(`.pending-item--${ITEM.id} .pending-log`)!)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: `/package-results/snapshot/index?itemId=${ITEM.id}` }])
  })

  it('shows 待同步 with a sync-now button that sends the queued entry with its own requestId', async () => {
    queueEntry({ requestId: 'req-offline-1', action: 'logSnapshot', input: { itemId: ITEM.id, date: TODAY, metrics: { plays: 1500 } }, label: `作品数据 · ${ITEM.title}` })
    const { view, cloud } = renderTab({ 'results.logSnapshot': (d) => ({ data: snapshotView(d as never) }) })
    await screen.findByText('待同步 1 条')
    await screen.findByText(ITEM.title)
    expect(view.container.querySelector(`.pending-item--${ITEM.id}`)!.textContent).toContain('今日数据待同步')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.outbox-sync')!)
    })
    await waitFor(() => expect(loadOutbox()).toEqual([]))
    expect(cloud.calls.filter((c) => c.body.action === 'logSnapshot').map((c) => c.body.requestId)).toEqual(['req-offline-1'])
    await waitFor(() => expect(screen.queryByText('待同步 1 条')).toBeNull())
    expect(taroCalls.toasts).toContain('已同步 1 条')
  })

  it('shows a failed entry with the reason and offers 修改', async () => {
    queueEntry({ requestId: 'req-bad', action: 'logFollowers', input: { date: TODAY, total: 5 }, label: '粉丝总数 5' })
    const { view } = renderTab({ 'results.logFollowers': () => ({ error: { code: 'FORBIDDEN', message: '你的角色没有权限执行此操作' } }) })
    await screen.findByText('待同步 1 条')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.outbox-sync')!)
    })
    expect(await screen.findByText('你的角色没有权限执行此操作')).toBeTruthy()
    expect(screen.getByText('1 条未通过，请修改')).toBeTruthy()
    fireEvent.click(view.container.querySelector('.outbox-fix')!)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-results/followers/index?outbox=req-bad' }])
  })

  it('offers 直播数据, 线索, 粉丝总数 and 导入数据', async () => {
    const { view } = renderTab()
    await screen.findByText(ITEM.title)
    for (const t of ['直播数据', '线索', '粉丝总数', '导入数据']) expect(screen.getByText(t)).toBeTruthy()
    fireEvent.click(view.container.querySelector('.log-shortcut--import')!)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-results/import/index' }])
  })
})
