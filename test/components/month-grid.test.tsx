import { fireEvent, render, screen, within } from '@testing-library/react'
import CalendarPage from '../../src/pages/calendar'
import { setApiTransport } from '../../src/api'
import { MeProvider } from '../../src/state/me'
import { monthOf } from '../../src/utils/content'
import { card, monthViewOf } from './content-fixtures'
import { OPERATOR, fakeCloud, meAs } from './fake-cloud'
import { resetTaroMock } from './taro-mock'

// The page opens on the current China-time month, so the items sit on its second day.
const MONTH = monthOf(new Date())
const DAY = `${MONTH}-02`

const CHANGE = card(DAY, { title: '净水器滤芯更换教程', time: '10:00' })
const INSTALL = card(DAY, { title: '净水器滤芯安装避坑', time: '11:00', status: 'published' })
const LIVE = card(DAY, { title: '直播：年终答谢', time: '20:00', format: 'livestream', layer: 'story' })
const LATE = card(DAY, { title: '净水器滤芯选购', time: '21:00' })

function renderMonth(cards = [CHANGE, INSTALL, LIVE, LATE]) {
  setApiTransport(
    fakeCloud({
      'content.monthView': () => ({ data: monthViewOf(MONTH, cards) }),
      'content.dayItems': () => ({ data: cards }),
    }).transport,
  )
  const view = render(
    <MeProvider initial={meAs(OPERATOR)}>
      <CalendarPage />
    </MeProvider>,
  )
  const cell = () => view.container.querySelector(`.month-cell--${DAY}`) as HTMLElement
  const chips = () => [...cell().querySelectorAll('.month-chip')] as HTMLElement[]
  return { view, cell, chips }
}

describe('日历 tab: month cell chips at phone width', () => {
  beforeEach(() => resetTaroMock())
  afterEach(() => setApiTransport(null))

  it('shows the part of each title that differs, not the shared 净水器滤芯', async () => {
    const { chips } = renderMonth()
    await screen.findByText('本月 4 条')
    expect(chips().map((c) => c.querySelector('.month-chip__title')?.textContent)).toEqual(['更换教程', '安装避坑', '直播：年终答谢'])
  })

  it('names each chip by its whole title', async () => {
    const { chips } = renderMonth()
    await screen.findByText('本月 4 条')
    expect(chips().map((c) => c.getAttribute('aria-label'))).toEqual([CHANGE.title, INSTALL.title, LIVE.title])
  })

  it('marks livestreams and image posts, and leaves short video unmarked for room', async () => {
    const { chips } = renderMonth()
    await screen.findByText('本月 4 条')
    expect(chips().map((c) => c.querySelector('.month-chip__mark')?.textContent ?? null)).toEqual([null, null, '播'])
  })

  it('colours each chip by its state and edges it by its layer', async () => {
    const { chips } = renderMonth()
    await screen.findByText('本月 4 条')
    const [change, install, live] = chips()
    expect(change.className).toContain('month-chip--planned')
    expect(install.className).toContain('month-chip--published')
    expect(live.className).toContain('month-chip--layer-story')
  })

  it('shows "+1" for the fourth item of the day', async () => {
    const { cell, chips } = renderMonth()
    await screen.findByText('本月 4 条')
    expect(chips()).toHaveLength(3)
    expect(within(cell()).getByText('+1')).toBeTruthy()
  })

  it('opens the day sheet with whole titles when a chip is tapped', async () => {
    const { chips } = renderMonth()
    await screen.findByText('本月 4 条')
    fireEvent.click(chips()[0])
    await screen.findByText(LATE.title)
    const rows = [...document.querySelectorAll('.day-sheet .item-row')].map((r) => r.textContent)
    expect(rows).toEqual([CHANGE, INSTALL, LIVE, LATE].map((c) => expect.stringContaining(c.title)))
  })
})
