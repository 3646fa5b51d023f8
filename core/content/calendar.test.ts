import { buildMonthView, buildWeekView, MONTH_CELL_ITEMS } from './calendar'
import { DEFAULT_CONTENT_TARGETS } from './mix'
import type { ItemCard } from './schemas'

let n = 0
function card(day: string | null, over: Partial<ItemCard> = {}): ItemCard {
  return { id: `i${n++}`, title: `内容${n}`, format: 'short_video', layer: 'intro', category: 'brand', status: 'planned', time: '10:00', day, ownerName: '李娜', ...over }
}

describe('buildWeekView', () => {
  it('shows cadence progress, empty days and the mix of the week', () => {
    const items = [card('2026-11-23'), card('2026-11-25', { layer: 'story' }), card('2026-11-25', { status: 'idea' }), card('2026-11-30')]
    const week = buildWeekView('2026-11-27', items, DEFAULT_CONTENT_TARGETS)
    expect(week.week).toBe('2026-W48')
    expect(week.cadence).toEqual({ week: '2026-W48', count: 2, target: 5, met: false })
    expect(week.emptyDays).toEqual(['2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(week.mix.layer.intro.share).toBe(0.5)
    expect(week.days[2].items).toHaveLength(2)
  })
})

describe('buildMonthView', () => {
  it('caps each day cell and says how many more there are', () => {
    const items = Array.from({ length: 7 }, (_, i) => card('2026-03-05', { time: `0${i}:00` }))
    const view = buildMonthView('2026-03', items, '春季焕新', DEFAULT_CONTENT_TARGETS)
    const cell = view.days.find((d) => d.day === '2026-03-05')!
    expect(cell.items).toHaveLength(MONTH_CELL_ITEMS)
    expect(cell.items[0].time).toBe('00:00')
    expect(cell.more).toBe(7 - MONTH_CELL_ITEMS)
    expect(cell.counts).toEqual({ planned: 7 })
    expect(view.days).toHaveLength(31)
    expect(view.theme).toBe('春季焕新')
    expect(view.cadence.map((c) => c.week)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14'])
  })

  it('never shows archived items', () => {
    const view = buildMonthView('2026-03', [card('2026-03-05', { status: 'archived' })], '', DEFAULT_CONTENT_TARGETS)
    expect(view.days[4]).toMatchObject({ items: [], more: 0 })
    expect(view.total).toBe(0)
  })
})
