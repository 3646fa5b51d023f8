import { fireEvent, render, screen, within } from '@testing-library/react'
import CalendarPage from '../../src/pages/calendar'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { monthOf, today } from '../../src/utils/content'
import { card, monthViewOf, weekOf, weekViewOf } from './content-fixtures'
import { ADMIN, FIELD, OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock } from './taro-mock'

// The page opens on the current China-time month and week, so the data is built around today.
const TODAY = today()
const MONTH = monthOf(new Date())
const FIRST = `${MONTH}-01`

function renderCalendarAs(me: typeof OPERATOR, handlers: Parameters<typeof fakeCloud>[0]) {
  const cloud = fakeCloud(handlers)
  setApiTransport(cloud.transport)
  const view = render(
    <MeProvider initial={meAs(me)}>
      <CalendarPage />
    </MeProvider>,
  )
  return { cloud, view }
}

describe('日历 tab: month view', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  const busyDay = Array.from({ length: 5 }, (_, i) => card(FIRST, { title: `一号第${i + 1}条`, time: `0${i + 1}:00` }))
  const month = () => ({ data: monthViewOf(MONTH, busyDay, '双十一囤货季') })

  it('shows at most three items in a day cell and "+n" for the rest', async () => {
    const { view } = renderCalendarAs(OPERATOR, { 'content.monthView': month })
    await screen.findByLabelText('一号第1条')
    const cell = view.container.querySelector(`.month-cell--${FIRST}`) as HTMLElement
    expect(cell.querySelectorAll('.month-chip')).toHaveLength(3)
    expect(within(cell).getByText('+2')).toBeTruthy()
    expect(within(cell).queryByLabelText('一号第4条')).toBeNull()
  })

  it('highlights today and shows the month theme and mix line', async () => {
    const { view } = renderCalendarAs(OPERATOR, { 'content.monthView': month })
    await screen.findByText('双十一囤货季')
    expect(view.container.querySelector(`.month-cell--${TODAY}`)?.className).toContain('month-cell--today')
    expect(screen.getByText('本月 5 条')).toBeTruthy()
    expect(view.container.querySelector('.month-mix')?.textContent).toBe('基础认知 占比 100.0%，目标 ≤ 60.0%')
    expect(view.container.querySelector('.month-mix')?.className).toContain('mix-check--drift')
  })

  it("asks the content function for the month on screen, once", async () => {
    const { cloud } = renderCalendarAs(OPERATOR, { 'content.monthView': month })
    await screen.findByLabelText('一号第1条')
    expect(cloud.calls.map((c) => [`${c.fn}.${c.body.action}`, c.body.data])).toEqual([['content.monthView', { month: MONTH }]])
  })

  it("opens a day's items in a sheet with + 新建内容 for a planner", async () => {
    const { view } = renderCalendarAs(ADMIN, {
      'content.monthView': month,
      'content.dayItems': () => ({ data: busyDay }),
    })
    await screen.findByLabelText('一号第1条')
    fireEvent.click(view.container.querySelector(`.month-cell--${FIRST}`)!)
    expect(await screen.findByText('一号第5条')).toBeTruthy()
    expect(document.querySelector('.day-sheet-create')).not.toBeNull()
  })

  it('shows field staff the calendar read-only: no theme editing, no + 新建内容', async () => {
    const { view } = renderCalendarAs(FIELD, {
      'content.monthView': () => ({ data: monthViewOf(MONTH, busyDay, '') }),
      'content.dayItems': () => ({ data: busyDay }),
    })
    await screen.findByLabelText('一号第1条')
    expect(view.container.querySelector('.month-theme')).toBeNull()
    fireEvent.click(view.container.querySelector(`.month-cell--${FIRST}`)!)
    await screen.findByText('一号第5条')
    expect(document.querySelector('.day-sheet-create')).toBeNull()
    expect(screen.queryByText('+ 新建内容')).toBeNull()
  })
})

describe('日历 tab: week view', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  const days = weekOf(TODAY)
  // Mon, Tue, Thu planned: two product intros and one usage tip → intro share 66.7%, over the 60% target.
  const productHeavy = [
    card(days[0], { title: '周一开箱' }),
    card(days[1], { title: '周二参数', format: 'image_text' }),
    card(days[3], { title: '周四滤芯怎么换', layer: 'value' }),
  ]

  async function openWeek(cards = productHeavy) {
    const r = renderCalendarAs(OPERATOR, {
      'content.monthView': () => ({ data: monthViewOf(MONTH, []) }),
      'content.weekView': (data) => ({ data: weekViewOf((data as { day: string }).day, cards) }),
    })
    await screen.findByText('本月 0 条')
    fireEvent.click(r.view.container.querySelector('.mode-toggle--week')!)
    await screen.findByText('周一开箱')
    return r
  }

  it('shows cadence progress against the weekly target of 5', async () => {
    const { view } = await openWeek()
    expect(view.container.querySelector('.week-cadence')?.textContent).toBe('本周 3/5 条')
    expect((view.container.querySelector('.cadence-bar__fill') as HTMLElement).style.width).toBe('60%')
    expect(screen.getByText('还差 2 条')).toBeTruthy()
  })

  it('flags the days with nothing planned', async () => {
    const { view } = await openWeek()
    expect(view.container.querySelector('.week-empty-days')?.textContent).toBe('周三、周五、周六、周日 还没有排期')
  })

  it('shows the layer mix in red when the plan drifts to product intros', async () => {
    const { view } = await openWeek()
    const check = view.container.querySelector('.week-summary .mix-check') as HTMLElement
    expect(check.textContent).toContain('基础认知 占比 66.7%，目标 ≤ 60.0%')
    expect(check.className).toContain('mix-check--drift')
  })

  it('shows the mix in green when it is within target', async () => {
    const { view } = await openWeek([card(days[0], { title: '周一开箱' }), card(days[2], { title: '周三故事', layer: 'story' })])
    const check = view.container.querySelector('.week-summary .mix-check') as HTMLElement
    expect(check.textContent).toBe('基础认知 占比 50.0%，目标 ≤ 60.0%')
    expect(check.className).toContain('mix-check--ok')
  })

  it('lists each day with its items, format and layer', async () => {
    const { view } = await openWeek()
    const tuesday = view.container.querySelector(`.week-day--${days[1]}`) as HTMLElement
    expect(within(tuesday).getByText('周二参数')).toBeTruthy()
    expect(within(tuesday).getByText('图文')).toBeTruthy()
    expect(within(tuesday).getByText('基础认知')).toBeTruthy()
    expect(within(tuesday).getByText('已排期')).toBeTruthy()
    expect(within(view.container.querySelector(`.week-day--${days[2]}`) as HTMLElement).getByText('未排期')).toBeTruthy()
  })
})
