import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import FunnelPage from '../../src/package-analytics/funnel'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { MemberView } from '../../core/team/schemas'
import type { FunnelView } from '../../core/analytics/schemas'
import { funnelView } from './analytics-fixtures'
import { MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams } from './taro-mock'

type FunnelInput = { range: { range: string }; format?: string; layer?: string; category?: string; channel?: FunnelView['filters']['channel'] }

function renderPage(who: MemberView = OPERATOR, handlers: Parameters<typeof fakeCloud>[0] = {}) {
  const cloud = fakeCloud({
    'analytics.funnel': (d) => {
      const { range: _range, ...filters } = d as FunnelInput
      return { data: funnelView(filters) }
    },
    ...handlers,
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(who)}>
      <FunnelPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const stage = (c: HTMLElement, step: string) => c.querySelector(`.funnel-stage--${step}`)!
const funnelInputs = (cloud: ReturnType<typeof fakeCloud>) => cloud.calls.filter((c) => c.body.action === 'funnel').map((c) => c.body.data)

async function tap(el: Element) {
  await act(async () => {
    fireEvent.click(el)
  })
}

describe('转化漏斗', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows each stage with its count, its rate from the step before and last period’s rate', async () => {
    const { view } = renderPage()
    await screen.findByText('曝光')
    expect(stage(view.container, 'exposure').textContent).toContain('12,000')
    // The first stage has nothing before it: no step rate.
    expect(stage(view.container, 'exposure').querySelector('.funnel-stage__rate')).toBeNull()
    const completion = stage(view.container, 'completion').textContent
    expect(completion).toContain('1,680')
    expect(completion).toContain('上一步转化 35.0% · 上期 30.0%')
    expect(stage(view.container, 'play').textContent).toContain('上一步转化 40.0% · 上期 38.0%')
    // No rate last period reads as a dash, not 0%.
    expect(stage(view.container, 'inquiry').textContent).toContain('上期 —')
  })

  it('names the biggest drop-off, with last period’s, and highlights that stage only', async () => {
    const { view } = renderPage()
    await screen.findByText('最大流失：关注→咨询')
    expect(view.container.querySelector('.funnel-drop')!.textContent).toContain('转化 15.0%')
    expect(screen.getByText('上期：最大流失：播放→完播（30.0%）')).toBeTruthy()
    const highlighted = [...view.container.querySelectorAll('.funnel-stage--drop')]
    expect(highlighted).toEqual([stage(view.container, 'inquiry')])
    expect(stage(view.container, 'inquiry').textContent).toContain('· 最大流失')
  })

  it('asks for the funnel again with the 内容层级 chosen, and says which filter is on', async () => {
    const { cloud, view } = renderPage(MANAGER)
    await screen.findByText('全部内容')
    await tap(view.container.querySelector('.funnel-filters__head')!)
    await tap(view.container.querySelector('.filter--layer .filter-chip--value')!)
    await screen.findByText('筛选：深度价值')
    expect(view.container.querySelector('.filter--layer .filter-chip--value')!.className).toContain('chip--active')
    await tap(view.container.querySelector('.filter--layer .filter-chip--all')!)
    await screen.findByText('全部内容')
    expect(funnelInputs(cloud)).toEqual([{ range: { range: 'week' } }, { range: { range: 'week' }, layer: 'value' }, { range: { range: 'week' } }])
  })

  it('shows the function’s note when a 来源渠道 is chosen (the steps mean something else then)', async () => {
    const { cloud, view } = renderPage()
    await screen.findByText('全部内容')
    expect(view.container.querySelector('.funnel-note')).toBeNull()
    await tap(view.container.querySelector('.funnel-filters__head')!)
    await tap(view.container.querySelector('.filter--channel .filter-chip--wecom')!)
    await screen.findByText('筛选：企业微信')
    expect(view.container.querySelector('.funnel-note')!.textContent).toContain('「咨询」为企业微信的线索数，不计转化率')
    expect(funnelInputs(cloud)[1]).toEqual({ range: { range: 'week' }, channel: 'wecom' })
  })

  it('opens on the range the dashboard showed', async () => {
    setRouterParams({ range: 'custom', from: '2026-10-01', to: '2026-10-31' })
    const { cloud } = renderPage()
    await screen.findByText('曝光')
    expect(funnelInputs(cloud)).toEqual([{ range: { range: 'custom', from: '2026-10-01', to: '2026-10-31' } }])
  })

  it('says in Chinese why the funnel did not load and retries', async () => {
    let fail = true
    renderPage(OPERATOR, {
      'analytics.funnel': () => (fail ? { error: { code: 'INTERNAL', message: '漏斗暂时无法计算' } } : { data: funnelView() }),
    })
    await screen.findByText('漏斗暂时无法计算')
    expect(screen.getByText('加载失败')).toBeTruthy()
    fail = false
    await tap(screen.getByText('重试'))
    await waitFor(() => expect(screen.getByText('最大流失：关注→咨询')).toBeTruthy())
  })
})
