import { cadenceByWeek, DEFAULT_CONTENT_TARGETS, introCheck, mixOf } from './mix'
import type { ItemCard } from './schemas'

let n = 0
function card(day: string | null, over: Partial<ItemCard> = {}): ItemCard {
  return { id: `i${n++}`, title: `内容${n}`, format: 'short_video', layer: 'intro', category: 'brand', status: 'planned', time: '10:00', day, ownerName: '李娜', ...over }
}

describe('mixOf', () => {
  it('counts and shares by format, layer and category', () => {
    const mix = mixOf([card('2026-03-02'), card('2026-03-02', { layer: 'value', format: 'livestream' }), card('2026-03-03', { layer: 'story', category: 'trending' }), card('2026-03-04')])
    expect(mix.total).toBe(4)
    expect(mix.layer.intro).toEqual({ count: 2, share: 0.5 })
    expect(mix.format.livestream).toEqual({ count: 1, share: 0.25 })
    expect(mix.category.trending.share).toBe(0.25)
  })

  it('gives null shares, never NaN, when nothing is planned', () => {
    const mix = mixOf([])
    expect(mix.layer.intro).toEqual({ count: 0, share: null })
    expect(introCheck(mix, DEFAULT_CONTENT_TARGETS)).toEqual({ introShare: null, maxIntroShare: 0.6, drift: false })
  })

  it('flags drift only above the intro target', () => {
    const at = mixOf([card('d', {}), card('d', {}), card('d', {}), card('d', { layer: 'value' }), card('d', { layer: 'story' })])
    expect(introCheck(at, DEFAULT_CONTENT_TARGETS).drift).toBe(false) // 60% is on target
    const over = mixOf([card('d'), card('d'), card('d', { layer: 'value' })])
    expect(introCheck(over, DEFAULT_CONTENT_TARGETS).drift).toBe(true)
  })
})

describe('cadenceByWeek', () => {
  it('counts planned and published items per ISO week, including empty weeks', () => {
    const items = [card('2026-03-02'), card('2026-03-08', { status: 'published' }), card('2026-03-09', { status: 'idea' }), card('2026-03-10', { status: 'archived' })]
    expect(cadenceByWeek(items, ['2026-03-02', '2026-03-09', '2026-03-16'], 2)).toEqual([
      { week: '2026-W10', count: 2, target: 2, met: true },
      { week: '2026-W11', count: 0, target: 2, met: false },
      { week: '2026-W12', count: 0, target: 2, met: false },
    ])
  })
})
