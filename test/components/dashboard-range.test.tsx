import { act, fireEvent, render, screen } from '@testing-library/react'
import DashboardPage from '../../src/pages/dashboard'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import type { Dashboard } from '../../core/analytics/schemas'
import { dashboard } from './analytics-fixtures'
import { OPERATOR, fakeCloud, meAs } from './fake-cloud'
import RangePickerPage from '../../src/package-analytics/range'
import { resetTaroMock, setRouterParams, taroCalls } from './taro-mock'

type DashboardInput = { range: Dashboard['range']['kind']; from?: string; to?: string }

/** 2026-11-27 12:00 China time; only Date is faked, every timer runs for real. */
const NOW = new Date('2026-11-27T04:00:00.000Z')

function renderTab() {
  const cloud = fakeCloud({
    'analytics.dashboard': (d) => {
      const input = d as DashboardInput
      const view = dashboard(input.range)
      if (input.range === 'custom') view.range = { ...view.range, kind: 'custom', from: input.from!, to: input.to!, label: `自定义 ${input.from} 至 ${input.to}` }
      return { data: view }
    },
  })
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(OPERATOR)}>
      <DashboardPage />
    </MeProvider>,
  )
  return { cloud, view }
}

async function tap(el: Element) {
  await act(async () => {
    fireEvent.click(el)
  })
}

/** The calendar's day `date` of the month it shows (not the greyed days of the months around it). */
function day(c: HTMLElement, date: number): Element {
  const cells = [...c.querySelectorAll('.range-calendar .nut-calendarcard-day.current')]
  return cells.find((d) => d.querySelector('.nut-calendarcard-day-inner')!.textContent === String(date))!
}

/** Pages the calendar by months: negative is back. */
async function page(c: HTMLElement, months: number) {
  for (let i = 0; i < Math.abs(months); i++) await tap(c.querySelector(`.range-calendar .nut-calendarcard-header-${months < 0 ? 'left .left' : 'right .right'}`)!)
}

const dashboardInputs = (cloud: ReturnType<typeof fakeCloud>) => cloud.calls.filter((c) => c.body.action === 'dashboard').map((c) => c.body.data)
const hint = (c: HTMLElement) => c.querySelector('.range-picker__hint')!

/** Taps 自定义, which opens the range page (package-analytics) with today's date: renders that page as opened. */
async function openPicker(tab: HTMLElement): Promise<HTMLElement> {
  return (await openPickerPage(tab)).container
}

async function openPickerPage(tab: HTMLElement) {
  await tap(tab.querySelector('.range-tab--custom')!)
  const url = taroCalls.navigations.at(-1)!.url!
  expect(url.split('?')[0]).toBe('/package-analytics/range/index')
  setRouterParams(Object.fromEntries(new URLSearchParams(url.split('?')[1])))
  return render(<RangePickerPage />)
}

describe('看板 自定义范围', () => {
  beforeEach(() => {
    resetTaroMock()
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    })
  })
  afterEach(() => {
    jest.useRealTimers()
    setApiTransport(null)
  })

  it('asks for the dashboard with the from and to picked on the calendar', async () => {
    const { cloud, view } = renderTab()
    await screen.findByText('本周 11-23 至 11-29')
    const picker = await openPicker(view.container)
    expect(picker.querySelector('.nut-calendarcard-header-title')!.textContent).toContain('11')
    await tap(day(picker, 2))
    await tap(day(picker, 15))
    expect(hint(picker).textContent).toBe('2026-11-02 至 2026-11-15')
    await tap(picker.querySelector('.range-picker__confirm')!)
    expect(taroCalls.navigations.at(-1)).toEqual({ kind: 'navigateBack', url: undefined })
    await screen.findByText('自定义 2026-11-02 至 2026-11-15')
    expect(view.container.querySelector('.range-tab--custom')!.className).toContain('range-tab--active')
    expect(dashboardInputs(cloud)).toEqual([{ range: 'week' }, { range: 'custom', from: '2026-11-02', to: '2026-11-15' }])
  })

  it('refuses a range longer than 92 days in Chinese without asking, and takes one of exactly 92', async () => {
    const { cloud, view } = renderTab()
    await screen.findByText('本周 11-23 至 11-29')
    const picker = await openPicker(view.container)
    await page(picker, -3)
    await tap(day(picker, 1)) // 2026-08-01
    await page(picker, 3)
    await tap(day(picker, 20)) // 2026-11-20: 112 days
    expect(hint(picker).textContent).toBe('自定义范围最长 92 天，当前 112 天')
    expect(hint(picker).className).toContain('range-picker__hint--error')
    await tap(picker.querySelector('.range-picker__confirm')!)
    expect(dashboardInputs(cloud)).toEqual([{ range: 'week' }])

    await page(picker, -3)
    await tap(day(picker, 28)) // 2026-08-28
    await page(picker, 3)
    await tap(day(picker, 27)) // 2026-11-27, today: 92 days
    expect(hint(picker).textContent).toBe('2026-08-28 至 2026-11-27')
    await tap(picker.querySelector('.range-picker__confirm')!)
    await screen.findByText('自定义 2026-08-28 至 2026-11-27')
    expect(dashboardInputs(cloud)).toEqual([{ range: 'week' }, { range: 'custom', from: '2026-08-28', to: '2026-11-27' }])
  })

  it('going back from the range page without 确定 keeps the range shown, and 自定义 reopens on the range in force', async () => {
    const { cloud, view } = renderTab()
    await screen.findByText('本周 11-23 至 11-29')
    const left = await openPickerPage(view.container)
    await tap(day(left.container, 2))
    await tap(day(left.container, 15))
    left.unmount() // back, without 确定
    await act(async () => undefined)
    expect(view.container.querySelector('.range-tab--week')!.className).toContain('range-tab--active')
    expect(dashboardInputs(cloud)).toEqual([{ range: 'week' }])

    const picker = await openPicker(view.container)
    await tap(day(picker, 2))
    await tap(day(picker, 15))
    await tap(picker.querySelector('.range-picker__confirm')!)
    await screen.findByText('自定义 2026-11-02 至 2026-11-15')

    const again = await openPicker(view.container)
    expect(taroCalls.navigations.at(-1)!.url).toBe('/package-analytics/range/index?from=2026-11-02&to=2026-11-15&today=2026-11-27')
    expect(hint(again).textContent).toBe('2026-11-02 至 2026-11-15')
    expect(dashboardInputs(cloud)).toEqual([{ range: 'week' }, { range: 'custom', from: '2026-11-02', to: '2026-11-15' }])
  })
})
