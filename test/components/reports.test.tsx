import { act, fireEvent, render, screen } from '@testing-library/react'
import ReportsPage from '../../src/package-analytics/reports'
import ReportPage from '../../src/package-analytics/report'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { MemberView } from '../../core/team/schemas'
import type { ReportPage as Page, ReportSummary, ReportView } from '../../core/reports/schemas'
import { COMPLETION, OUTPUT } from './analytics-fixtures'
import { FIELD, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

const summary = (day: string, over: Partial<ReportSummary> = {}): ReportSummary => ({
  id: `t1_daily_${day}`,
  kind: 'daily',
  kindLabel: '日报',
  title: `日报 · ${day.slice(5)}`,
  period: day,
  revision: 1,
  generatedAt: `${day}T00:30:00.000Z`,
  headline: '红灯 1 项 · 待录入 1 条',
  ...over,
})

const report = (audience: 'full' | 'field'): ReportView => ({
  ...summary('2026-11-26'),
  from: '2026-11-26',
  to: '2026-11-26',
  audience,
  definitionsVersion: 1,
  dataAsOf: '2026-11-27T00:30:00.000Z',
  dataAsOfText: '数据截至 11-27 08:30',
  generatedByName: '定时生成',
  superseded: false,
  daily: {
    cards: audience === 'full' ? [COMPLETION, OUTPUT] : [],
    asOfText: '作品数据截至 11-26；1 条已发布作品缺少昨日或今日数据',
    missing: [{ id: 'i1', title: '冬季新品开箱', publishedDay: '2026-11-24', lastDay: null, ownerId: 'm_op', ownerName: '李娜' }],
    missingCount: 1,
    overdueReviews: audience === 'full' ? [{ itemId: 'i2', title: '门店探访', gateName: '选题', ownerName: '王敏', dueAt: '2026-11-26T04:00:00.000Z', overdueHours: 20.5 }] : [],
    overdueReviewCount: audience === 'full' ? 1 : 0,
    alerts: [],
    analyses: [],
  },
  weekly: null,
  monthly: null,
})

function renderWith(who: MemberView, ui: JSX.Element, handlers: Parameters<typeof fakeCloud>[0]) {
  const cloud = fakeCloud(handlers)
  setApiTransport(cloud.transport)
  const view = render(<MeProvider initial={meAs(who)}>{ui}</MeProvider>)
  return { cloud, view }
}

describe('报告 list', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('lists reports newest first with their headline, pages on, and opens one', async () => {
    const first: Page = { list: [summary('2026-11-26'), summary('2026-11-25', { revision: 2 })], hasMore: true }
    const { cloud, view } = renderWith(OPERATOR, <ReportsPage />, {
      'analytics.reports': (d) => ({ data: (d as { page?: number }).page ? { list: [summary('2026-11-24')], hasMore: false } : first }),
    })
    await screen.findByText('日报 · 11-26')
    expect(screen.getByText('第 2 版')).toBeTruthy()
    expect(view.container.querySelector('.report-generate')).toBeNull() // operators do not generate
    await act(async () => {
      fireEvent.click(view.container.querySelector('.reports-page__more')!)
    })
    await screen.findByText('日报 · 11-24')
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(cloud.calls.map((c) => c.body.data)).toEqual([{}, { page: 1 }])
    fireEvent.click(screen.getByText('日报 · 11-26'))
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-analytics/report/index?id=t1_daily_2026-11-26' }])
  })

  it('managers generate a past day\'s 日报 and land on it; an empty list says when reports come', async () => {
    const { cloud, view } = renderWith(MANAGER, <ReportsPage />, {
      'analytics.reports': () => ({ data: { list: [], hasMore: false } }),
      'analytics.generateReport': () => ({ data: report('full') }),
    })
    await screen.findByText('还没有报告')
    await act(async () => {
      fireEvent.click(view.container.querySelector('.report-generate__submit')!)
    })
    expect(cloud.calls.find((c) => c.body.action === 'generateReport')!.body.data).toMatchObject({ kind: 'daily' })
    expect(taroCalls.navigations).toEqual([{ kind: 'navigateTo', url: '/package-analytics/report/index?id=t1_daily_2026-11-26' }])
  })

  it('shows the error with a retry when the list cannot load', async () => {
    renderWith(OPERATOR, <ReportsPage />, { 'analytics.reports': () => ({ error: { code: 'INTERNAL', message: '服务暂时不可用' } }) })
    await screen.findByText(/服务暂时不可用/)
  })
})

describe('a 日报', () => {
  beforeEach(() => {
    resetTaroMock()
    setRouterParams({ id: 't1_daily_2026-11-26' })
  })
  afterEach(() => setApiTransport(null))

  it('shows the frozen cards with their lights, 数据截至 and the lists', async () => {
    const { view } = renderWith(MANAGER, <ReportPage />, { 'analytics.report': () => ({ data: report('full') }) })
    await screen.findByText('数据截至 11-27 08:30')
    expect(view.container.querySelector('.kpi-card--completionRate')!.textContent).toContain('未达标')
    expect(screen.getByText('待录入作品 1 条')).toBeTruthy()
    expect(screen.getByText(/负责人 李娜/)).toBeTruthy()
    expect(screen.getByText('超时评审 1 条')).toBeTruthy()
    expect(screen.getByText(/选题 · 超时 20.5 小时/)).toBeTruthy()
  })

  it('field staff see only what is left to log, and a tap opens its form', async () => {
    const { view } = renderWith(FIELD, <ReportPage />, { 'analytics.report': () => ({ data: report('field') }) })
    await screen.findByText('待录入 1 条')
    expect(view.container.querySelector('.kpi-card')).toBeNull()
    expect(screen.queryByText(/超时评审/)).toBeNull()
    fireEvent.click(view.container.querySelector('.report-missing__item--i1')!)
    expect(taroCalls.navigations[0].url).toContain('itemId=i1')
  })
})
