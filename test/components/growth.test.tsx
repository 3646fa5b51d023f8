import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import GrowthPage from '../../src/package-analytics/growth'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { today } from '../../src/utils/content'
import type { MemberView } from '../../core/team/schemas'
import type { SpendView } from '../../core/analytics/schemas'
import { growthView } from './analytics-fixtures'
import { FIELD, MANAGER, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock, taroCalls } from './taro-mock'

type SpendInput = { date: string; amountFen: number }
const saved = (d: unknown): SpendView => ({ id: 'spend_1', supersedes: null, ...(d as SpendInput) })

function renderPage(who: MemberView = OPERATOR, handlers: Parameters<typeof fakeCloud>[0] = {}) {
  const cloud = fakeCloud({
    'analytics.growth': () => ({ data: growthView() }),
    'analytics.logSpend': (d) => ({ data: saved(d) }),
    ...handlers,
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(who)}>
      <GrowthPage />
    </MeProvider>,
  )
  return { cloud, view }
}

const stat = (c: HTMLElement, name: string) => c.querySelector(`.stat--${name}`)!.textContent
const spendCalls = (cloud: ReturnType<typeof fakeCloud>) => cloud.calls.filter((c) => c.body.action === 'logSpend')

async function typeAmount(container: HTMLElement, value: string) {
  await act(async () => {
    fireEvent.input(container.querySelector('.field-amountFen input')!, { target: { value } })
  })
}

async function save(container: HTMLElement) {
  await act(async () => {
    fireEvent.click(container.querySelector('.spend-submit')!)
  })
}

describe('粉丝增长', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the total, net adds, growth rate, paid share, spend, cost per follower and the forecast', async () => {
    const { view } = renderPage()
    await screen.findByText('86,420', { selector: '.stat__value' })
    expect(stat(view.container, 'total')).toContain('86,420')
    expect(stat(view.container, 'total')).toContain('目标 100,000')
    expect(stat(view.container, 'net')).toContain('1,230')
    expect(stat(view.container, 'net')).toContain('增长率 1.4%')
    expect(stat(view.container, 'organic')).toContain('430')
    expect(stat(view.container, 'paid')).toContain('800')
    expect(stat(view.container, 'paid')).toContain('投流占比 65.0%')
    expect(stat(view.container, 'spend')).toContain('¥2,400.00')
    expect(stat(view.container, 'cpf')).toContain('¥3.00')
    expect(view.container.querySelector('.growth-forecast')!.textContent).toBe(
      '按当前速度预计 2027-03-02 达到 100,000 粉丝（按最近 4 周线性拟合，约每天 +155）',
    )
    expect(view.container.querySelector('.growth-table .data-table__row--2026-11-25')!.textContent).toContain('86,420')
  })

  it('shows no raw float: counts whole, rates with one decimal, money with two', async () => {
    const { view } = renderPage()
    await screen.findByText('86,420', { selector: '.stat__value' })
    const shown = view.container.textContent!.replace(/¥[\d,]+\.\d{2}/g, '¥')
    expect(shown).not.toMatch(/\d\.\d{2,}/)
    expect(shown).not.toMatch(/-0(?![\d.])/)
    expect(stat(view.container, 'net')).toContain('增长率 1.4%')
  })

  it('sends the spend in fen with a requestId, then reloads the figures', async () => {
    const { view, cloud } = renderPage(MANAGER)
    await screen.findByText('记录投流花费')
    await typeAmount(view.container, '1234.5')
    await save(view.container)
    const [call] = spendCalls(cloud)
    expect(call.body.data).toEqual({ date: today(), amountFen: 123450 })
    expect(call.body.requestId).toEqual(expect.any(String))
    expect(taroCalls.toasts).toContain('已记录 ¥1,234.50')
    await waitFor(() => expect(cloud.calls.filter((c) => c.body.action === 'growth')).toHaveLength(2))
    expect((view.container.querySelector('.field-amountFen input') as HTMLInputElement).value).toBe('')
  })

  it.each([
    ['0.29', 29],
    ['19.99', 1999],
    ['100', 10000],
  ])('sends %s 元 as %i fen (a whole number, whatever floating point makes of ×100)', async (typed, fen) => {
    const { view, cloud } = renderPage()
    await screen.findByText('记录投流花费')
    await typeAmount(view.container, typed)
    await save(view.container)
    expect(spendCalls(cloud).map((c) => (c.body.data as SpendInput).amountFen)).toEqual([fen])
  })

  it('refuses an empty amount in Chinese under the field, and sends nothing', async () => {
    const { view, cloud } = renderPage()
    await screen.findByText('记录投流花费')
    await save(view.container)
    expect(view.container.querySelector('.field-amountFen')!.textContent).toContain('投流花费：必填')
    expect(spendCalls(cloud)).toHaveLength(0)
  })

  it.each(['12.345', '-5', '1e3'])('refuses %s as an amount in Chinese, and sends nothing', async (typed) => {
    const { view, cloud } = renderPage()
    await screen.findByText('记录投流花费')
    await typeAmount(view.container, typed)
    await save(view.container)
    expect(view.container.querySelector('.field-amountFen')!.textContent).toContain('投流花费：请输入金额（元，最多两位小数）')
    expect(spendCalls(cloud)).toHaveLength(0)
  })

  it('retries a spend lost to the network with the same requestId, and a new entry gets a new one', async () => {
    let online = false
    const { view, cloud } = renderPage(OPERATOR, {
      'analytics.logSpend': (d) => {
        if (!online) throw new Error('request:fail timeout')
        return { data: saved(d) }
      },
    })
    await screen.findByText('记录投流花费')
    await typeAmount(view.container, '88')
    await save(view.container)
    expect(taroCalls.toasts).toContain('网络不给力，请检查网络后重试')
    const lost = spendCalls(cloud).length
    online = true
    await save(view.container)
    expect(taroCalls.toasts).toContain('已记录 ¥88.00')
    const [retry, ...more] = spendCalls(cloud).slice(lost)
    expect(more).toEqual([])
    expect(retry.body).toEqual({ action: 'logSpend', data: { date: today(), amountFen: 8800 }, requestId: spendCalls(cloud)[0].body.requestId })
    const ids = spendCalls(cloud).map((c) => c.body.requestId)
    expect(new Set(ids).size).toBe(1)

    await typeAmount(view.container, '10')
    await save(view.container)
    const last = spendCalls(cloud).at(-1)!
    expect((last.body.data as SpendInput).amountFen).toBe(1000)
    expect(last.body.requestId).not.toBe(ids[0])
  })

  it('does not offer the spend form to field staff', async () => {
    const { view, cloud } = renderPage(FIELD)
    await screen.findByText('86,420', { selector: '.stat__value' })
    expect(view.container.querySelector('.spend-form')).toBeNull()
    expect(screen.queryByText('记录投流花费')).toBeNull()
    expect(spendCalls(cloud)).toHaveLength(0)
  })

  it('says in Chinese why growth did not load and retries', async () => {
    let fail = true
    renderPage(OPERATOR, {
      'analytics.growth': () => (fail ? { error: { code: 'INTERNAL', message: '粉丝数据暂时无法计算' } } : { data: growthView() }),
    })
    await screen.findByText('粉丝数据暂时无法计算')
    fail = false
    await act(async () => {
      fireEvent.click(screen.getByText('重试'))
    })
    await waitFor(() => expect(screen.getByText('¥3.00')).toBeTruthy())
  })
})
