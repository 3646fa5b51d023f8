import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ExperimentPage from '../../src/package-analytics/experiment'
import { setApiTransport, type CallBody } from '../../src/api'
import { loadOutbox, syncOutbox } from '../../src/state/outbox'
import { MeProvider } from '../../src/state/me'
import { today } from '../../src/utils/content'
import type { ExperimentView } from '../../core/research/experiments'
import { planOf } from '../../core/research/plan'
import { verdictOf } from '../../core/research/verdict'
import type { MemberView } from '../../core/team/schemas'
import { FIELD, MANAGER, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

/** A push-timing experiment as the function answers it, its verdict made by the real verdictOf. */
function pushView(a: [number, number], b: [number, number], status: ExperimentView['status'] = 'running'): ExperimentView {
  const plan = planOf({ metric: 'openRate', mde: 0.05, variants: 2, baseline: 0.1, baselineSource: 'entered', dailyTrials: 200 })
  const variants = [
    { key: 'A', name: '24 小时', counts: { successes: a[0], trials: a[1] } },
    { key: 'B', name: '3 分钟', counts: { successes: b[0], trials: b[1] } },
  ]
  const verdict = verdictOf({ metricLabel: '打开率', variants, needPerVariant: plan.needPerVariant, evenSplit: true })
  return {
    id: 'x1',
    version: 2,
    title: '推送时机',
    hypothesis: '3 分钟推送打开率更高',
    variable: '推送时机',
    metric: 'openRate',
    metricLabel: '打开率',
    guardrail: null,
    guardrailLabel: null,
    status,
    statusLabel: { draft: '草稿', running: '进行中', ended: '已结束' }[status],
    startDay: today(),
    endDay: status === 'ended' ? today() : null,
    variantNames: ['24 小时', '3 分钟'],
    stateLine: '',
    plan,
    variants: variants.map((v, i) => ({ key: v.key, name: v.name, source: 'counts', items: [], weight: 1, control: i === 0, successes: v.counts.successes, trials: v.counts.trials, lastEntry: null })),
    verdict,
    guardrailVerdict: null,
    decision: null,
    createdByName: '李娜',
    entered: { baseline: 0.1, dailySends: 200 },
  }
}

function renderPage(view: ExperimentView, who: MemberView = FIELD) {
  setRouterParams({ id: view.id })
  const cloud = fakeCloud({
    'research.experiment': () => ({ data: view }),
    'research.logVariantCounts': () => ({ data: view.variants[0] }),
  })
  setApiTransport(cloud.transport)
  const page = render(
    <MeProvider initial={meAs(who)}>
      <ExperimentPage />
    </MeProvider>,
  )
  return { cloud, page }
}

function cutNetwork(cloud: ReturnType<typeof fakeCloud>) {
  const answer = cloud.transport.call
  const sent: CallBody[] = []
  let down = true
  cloud.transport.call = async (fn, body) => {
    if (down) throw new Error('net::ERR_INTERNET_DISCONNECTED')
    sent.push(body)
    return answer(fn, body)
  }
  return { sent, restore: () => (down = false) }
}

describe('实验 page', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('below the planned sample: 样本不足 with progress, rates only, no winner and no comparison', async () => {
    const { page } = renderPage(pushView([30, 300], [54, 300]))
    await screen.findByText('样本不足', { selector: '.verdict__state' })
    const verdict = page.container.querySelector('.verdict')!
    expect(verdict.querySelector('.verdict__progress')).not.toBeNull()
    expect(verdict.querySelector('.verdict__sentence')!.textContent).toMatch(/^样本不足：每组还需约 386 次/)
    expect(verdict.querySelectorAll('.verdict-row__badge')).toHaveLength(0)
    expect(verdict.querySelectorAll('.verdict-row__compare')).toHaveLength(0)
    expect(verdict.querySelector('.verdict-row--B .verdict-row__rate')!.textContent).toBe('18.0%（95% 区间 14.1–22.7%）')
  })

  it('with the sample reached: the winner, its lift, p and chance to beat', async () => {
    const { page } = renderPage(pushView([80, 800], [144, 800]))
    await screen.findByText('显著', { selector: '.verdict__state' })
    expect(page.container.querySelector('.verdict-row--B .verdict-row__badge')!.textContent).toBe('胜出')
    expect(page.container.querySelector('.verdict-row--B .verdict-row__compare')!.textContent).toBe('比 A +8.0 个百分点（+4.6 至 +11.4） · p < 0.001 · 胜过 A 的概率 > 99.9%')
  })

  it('field staff log counts offline: kept as 待同步, and the sync sends the same requestId once', async () => {
    const { page, cloud } = renderPage(pushView([0, 0], [0, 0]))
    await screen.findByText('录入数据 · A 组')
    const net = cutNetwork(cloud)
    const form = page.container.querySelector('.counts-form--A')!
    fireEvent.input(form.querySelector('.field-sent--A input')!, { target: { value: '300' } })
    fireEvent.input(form.querySelector('.field-opened--A input')!, { target: { value: '30' } })
    fireEvent.click(form.querySelector('.counts-save--A')!)
    await waitFor(() => expect(loadOutbox()).toHaveLength(1))
    const [queued] = loadOutbox()
    expect(queued).toMatchObject({ status: 'pending', action: 'logVariantCounts', input: { experimentId: 'x1', variantKey: 'A', day: today(), sent: 300, opened: 30 } })
    expect(taroCalls.toasts).toContain('没有网络，已保存，待同步')
    net.restore()
    const report = await act(() => syncOutbox())
    expect(report).toEqual({ sent: 1, failed: 0, left: 0 })
    expect(net.sent.filter((b) => b.action === 'logVariantCounts').map((b) => b.requestId)).toEqual([queued.requestId])
  })

  it('opened above sent is named under 打开 and nothing is sent', async () => {
    const { page, cloud } = renderPage(pushView([0, 0], [0, 0]))
    await screen.findByText('录入数据 · B 组')
    const form = page.container.querySelector('.counts-form--B')!
    fireEvent.input(form.querySelector('.field-sent--B input')!, { target: { value: '10' } })
    fireEvent.input(form.querySelector('.field-opened--B input')!, { target: { value: '11' } })
    fireEvent.click(form.querySelector('.counts-save--B')!)
    const message = await screen.findByText('打开：不能大于推送（10）', { selector: '.field-error' })
    expect(message.closest('.field-opened--B')).not.toBeNull()
    expect(cloud.calls.filter((c) => c.body.action === 'logVariantCounts')).toHaveLength(0)
    expect(loadOutbox()).toEqual([])
  })

  it('an ended experiment: a manager gets the decision form, field staff only the note', async () => {
    const ended = pushView([80, 800], [144, 800], 'ended')
    const manager = renderPage(ended, MANAGER)
    await screen.findByText('记录决策', { selector: '.analytics-card__title' })
    expect(manager.page.container.querySelector('.counts-form')).toBeNull()
    manager.page.unmount()
    const field = renderPage(ended, FIELD)
    await screen.findByText(/由主管记录决策/)
    expect(field.page.container.querySelector('.experiment-decide')).toBeNull()
  })
})
