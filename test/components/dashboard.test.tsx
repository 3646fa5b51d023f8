import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import DashboardPage from '../../src/pages/dashboard'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { MemberView } from '../../core/team/schemas'
import { dashboard } from './analytics-fixtures'
import { FIELD, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

function renderTab(who: MemberView, handlers: Parameters<typeof fakeCloud>[0] = {}) {
  const cloud = fakeCloud({ 'analytics.dashboard': (d) => ({ data: dashboard((d as { range: 'week' }).range) }), ...handlers })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(who)}>
      <DashboardPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const cardOf = (container: HTMLElement, kpi: string) => container.querySelector(`.kpi-card--${kpi}`)!

describe('看板 tab', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows each card with its value, target, light word and change vs the previous period', async () => {
    const { view } = renderTab(OPERATOR)
    await screen.findByText('完播率')
    const completion = cardOf(view.container, 'completionRate')
    expect(completion.textContent).toContain('35.0%')
    expect(completion.textContent).toContain('目标 ≥ 50.0%')
    expect(completion.textContent).toContain('未达标')
    expect(completion.textContent).toContain('▼ 较上期 -3%')
    expect(completion.textContent).toContain('数据截至 11-26')
    expect(cardOf(view.container, 'output').textContent).toContain('达标')
    expect(completion.querySelectorAll('.sparkline__bar')).toHaveLength(4)
  })

  it('asks for this week first, then for the range the member picks', async () => {
    const { cloud, view } = renderTab(OPERATOR)
    await screen.findByText('本周 11-23 至 11-29')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.range-tab--today')!)
    })
    await screen.findByText('今日 11-27')
    expect(cloud.calls.map((c) => [c.fn, c.body.action, c.body.data])).toEqual([
      ['analytics', 'dashboard', { range: 'week' }],
      ['analytics', 'dashboard', { range: 'today' }],
    ])
  })

  it('opens the KPI detail on the shown range when an operator taps a card, and offers funnel, growth and targets', async () => {
    const { view } = renderTab(MANAGER)
    await screen.findByText('完播率')
    fireEvent.click(cardOf(view.container, 'completionRate'))
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-analytics/kpi/index?kpi=completionRate&range=week' }])
    for (const t of ['转化漏斗', '粉丝增长', '目标管理']) expect(screen.getByText(t)).toBeTruthy()
  })

  it('gives field staff the cards only: no detail links, no funnel, growth or targets', async () => {
    const { view } = renderTab(FIELD)
    await screen.findByText('完播率')
    fireEvent.click(cardOf(view.container, 'completionRate'))
    expect(taroCalls.navigations).toEqual([])
    expect(view.container.querySelector('.kpi-card--link')).toBeNull()
    expect(view.container.querySelector('.analytics-links')).toBeNull()
    expect(screen.queryByText('详情 ›')).toBeNull()
  })

  it('lists the items missing numbers when the banner is tapped, each one opening its 填报 form', async () => {
    const { view } = renderTab(FIELD)
    await screen.findByText('数据截至 11-26 · 1 条内容缺少昨日数据')
    fireEvent.click(screen.getByText('1 条待填 ›'))
    fireEvent.click(view.container.querySelector('.asof-missing--item_a7')!)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-results/snapshot/index?itemId=item_a7' }])
  })

  it('says in Chinese why the dashboard did not load and retries', async () => {
    let fail = true
    renderTab(OPERATOR, {
      'analytics.dashboard': () => (fail ? { error: { code: 'INTERNAL', message: '看板暂时无法计算' } } : { data: dashboard() }),
    })
    await screen.findByText('看板暂时无法计算')
    fail = false
    await act(async () => {
      fireEvent.click(screen.getByText('重试'))
    })
    await waitFor(() => expect(screen.getByText('完播率')).toBeTruthy())
  })
})
