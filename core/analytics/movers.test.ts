import fc from 'fast-check'
import { movers } from './movers'

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
const week = { from: day(9), to: day(15), days: 7 }

describe('movers', () => {
  const pts = (list: [string, Record<string, number>][]) => list.map(([date, metrics], i) => ({ date, snapshotId: `s${i}`, metrics: { plays: 0, ...metrics } }))
  it('ranks items by what they added to the numerator in the range (increments, not cumulative values)', () => {
    const series = [
      { itemId: 'a', title: 'A', points: pts([[day(8), { completions: 500 }], [day(10), { completions: 600 }]]) }, // +100 in range
      { itemId: 'b', title: 'B', points: pts([[day(9), { completions: 300 }]]) }, // +300
      { itemId: 'c', title: 'C', points: pts([[day(1), { completions: 900 }]]) }, // nothing in range
    ]
    expect(movers('completionRate', series, week)).toEqual([
      { itemId: 'b', title: 'B', amount: 300, display: '+300' },
      { itemId: 'a', title: 'A', amount: 100, display: '+100' },
    ])
    expect(movers('followers', series, week)).toEqual([])
  })

  it('property: at most five, ordered by size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { maxLength: 12 }), (amounts) => {
        const series = amounts.map((a, i) => ({ itemId: `i${i}`, title: `${i}`, points: pts([[day(10), { likes: a }]]) }))
        const m = movers('interactionRate', series, week)
        expect(m.length).toBe(Math.min(5, amounts.filter((a) => a > 0).length))
        for (let i = 1; i < m.length; i++) expect(m[i - 1].amount).toBeGreaterThanOrEqual(m[i].amount)
      }),
    )
  })
})
