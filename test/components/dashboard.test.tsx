import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import DashboardPage from '../../src/pages/dashboard'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { MemberView } from '../../core/team/schemas'
import { COMPLETION, dashboard, LIVE } from './analytics-fixtures'
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

  it('shows 直播转化率\'s sessions at target under its target, and no such line on cards without one', async () => {
    const { view } = renderTab(FIELD, { 'analytics.dashboard': (d) => ({ data: dashboard((d as { range: 'week' }).range, [COMPLETION, LIVE]) }) })
    await screen.findByText('直播转化率')
    const live = cardOf(view.container, 'liveConversion')
    expect(live.querySelector('.kpi-card__value')!.textContent).toBe('5.0%')
    expect(live.querySelector('.kpi-card__note')!.textContent).toBe('达标场次 1/3（33.3%）；1 场无观看人数未计入')
    expect(cardOf(view.container, 'completionRate').querySelector('.kpi-card__note')).toBeNull()
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
  it('shows the two-week rule: alerts above the cards (the analysis for staff, not for field staff), weekly marks, core then auxiliary cards', async () => {
    const alert = {
      id: 't_completionRate_2026-W46', kpi: 'completionRate' as const, label: '完播率', status: 'open' as const, statusLabel: '预警中', text: '完播率连续两周未达标',
      weeks: [
        { week: '2026-W46', from: '2026-11-09', to: '2026-11-15', verdict: 'miss' as const, verdictLabel: '未达标', display: '32.3%', targetDisplay: '≥ 38.1%' },
        { week: '2026-W47', from: '2026-11-16', to: '2026-11-22', verdict: 'miss' as const, verdictLabel: '未达标', display: '31.1%', targetDisplay: '≥ 39.2%' },
      ],
      analysisId: 'an1', dueDay: '2026-12-04',
    }
    const withAlerts = (d: unknown) => {
      const v = dashboard((d as { range: 'week' }).range)
      v.cards = v.cards.map((c) => (c.kpi === 'paidShare' ? { ...c, reviewedEvery: 'month' as const } : { ...c, weeks: [{ week: '2026-W47', verdict: 'miss' as const, label: '未达标' }, { week: '2026-W48', verdict: 'hit' as const, label: '达标' }] }))
      return { data: { ...v, alerts: [alert] } }
    }
    const { view } = renderTab(MANAGER, { 'analytics.dashboard': withAlerts })
    await screen.findByText('完播率连续两周未达标')
    const row = view.container.querySelector('.alert-row--completionRate')!
    expect(row.textContent).toContain('32.3% → 31.1%，目标 ≥ 39.2%')
    expect(row.textContent).toContain('专项分析 12-04 截止')
    // the alert list comes before the cards
    expect(row.compareDocumentPosition(cardOf(view.container, 'completionRate')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    fireEvent.click(row)
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-analytics/analysis/index?id=an1' }])
    expect(Array.from(cardOf(view.container, 'completionRate').querySelectorAll('.week-mark')).map((m) => m.textContent)).toEqual(['✗', '✓'])
    expect(view.container.querySelector('.dashboard-cards--quarter .kpi-card--completionRate')).toBeTruthy()
    expect(view.container.querySelector('.dashboard-cards--month .kpi-card--paidShare')).toBeTruthy()
    view.unmount()
    resetTaroMock()
    const field = renderTab(FIELD, { 'analytics.dashboard': withAlerts })
    await screen.findByText('完播率连续两周未达标')
    fireEvent.click(field.view.container.querySelector('.alert-row--completionRate')!)
    expect(taroCalls.navigations).toEqual([])
    expect(field.view.container.querySelector('.alert-list__all')).toBeNull()
  })
})
