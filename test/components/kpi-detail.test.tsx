import { render, screen } from '@testing-library/react'
import KpiDetailPage from '../../src/package-analytics/kpi'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { KpiDetail } from '../../core/analytics/schemas'
import type { ErrorShape } from '../../core/errors'
import { LIVE } from './analytics-fixtures'
import { OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams } from './taro-mock'

const detail: KpiDetail = {
  card: LIVE,
  series: [
    { day: '2026-11-23', value: 0.09, display: '9.0%' },
    { day: '2026-11-24', value: null, display: '—' },
  ],
  movers: [],
  formula: '直播转化率按场计算：每场 = 订单数 ÷ 观看人数。卡片显示范围内各场的中位数，并注明转化率达到目标（默认 ≥ 8%）的场次占比；观看人数为 0 的场次不计入',
}

describe('指标详情', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('直播转化率: the card\'s median with the sessions at target, the daily series and the per-session formula', async () => {
    setRouterParams({ kpi: 'liveConversion', range: 'week' })
    const cloud = fakeCloud({ 'analytics.kpiDetail': () => ({ data: detail }) })
    setApiTransport(cloud.transport)
    const view = render(
      <MeProvider initial={meAs(OPERATOR)}>
        <KpiDetailPage />
      </MeProvider>,
    )
    await screen.findByText('达标场次 1/3（33.3%）；1 场无观看人数未计入')
    expect(view.container.querySelector('.kpi-card--liveConversion .kpi-card__value')!.textContent).toBe('5.0%')
    expect(view.container.querySelector('.kpi-formula')!.textContent).toContain('中位数')
    expect(cloud.calls.map((c) => [c.body.action, c.body.data])).toEqual([['kpiDetail', { kpi: 'liveConversion', range: { range: 'week' } }]])
  })

  it('内容合格率: a table of each review gate\'s first-pass rate with its counts', async () => {
    setRouterParams({ kpi: 'firstPassRate', range: 'month' })
    const parts = {
      title: '各关卡',
      rows: [
        { key: 'topic', label: '选题', value: 2 / 3, hits: 2, total: 3, display: '66.7%（2/3）' },
        { key: 'edit', label: '剪辑', value: null, hits: 0, total: 0, display: '—' },
      ],
    }
    const card = { ...LIVE, kpi: 'firstPassRate' as const, label: '内容合格率', note: undefined }
    const cloud = fakeCloud({ 'analytics.kpiDetail': () => ({ data: { ...detail, card, parts, formula: '内容合格率 = 首次结论为通过的次数 ÷ 首次结论次数' } }) })
    setApiTransport(cloud.transport)
    const view = render(
      <MeProvider initial={meAs(OPERATOR)}>
        <KpiDetailPage />
      </MeProvider>,
    )
    await screen.findByText('各关卡内容合格率')
    const rows = Array.from(view.container.querySelectorAll('.kpi-parts-table .data-table__row')).map((r) => r.textContent)
    expect(rows).toEqual(['关卡内容合格率（通过/结论）', '选题66.7%（2/3）', '剪辑—'])
  })

  it('a refusal no retry can change (field staff on a staff-only page) says 无权查看 and offers no 重试; a failure that may pass does', async () => {
    setRouterParams({ kpi: 'completionRate', range: 'week' })
    let answer: { error: ErrorShape } = { error: { code: 'FORBIDDEN', message: '没有权限：查看指标详情' } }
    const cloud = fakeCloud({ 'analytics.kpiDetail': () => answer })
    setApiTransport(cloud.transport)
    const view = render(
      <MeProvider initial={meAs(OPERATOR)}>
        <KpiDetailPage />
      </MeProvider>,
    )
    await screen.findByText('无权查看')
    expect(view.container.textContent).toContain('没有权限：查看指标详情')
    expect(screen.queryByText('重试')).toBeNull()
    view.unmount()

    answer = { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }
    render(
      <MeProvider initial={meAs(OPERATOR)}>
        <KpiDetailPage />
      </MeProvider>,
    )
    await screen.findByText('加载失败')
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
