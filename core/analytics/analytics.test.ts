import fc from 'fast-check'
import { forecastTarget, slopePerDay } from './forecast'
import { funnel } from './funnel'
import { formatPercent } from '../format'
import { change, light, rate } from './kpi'

describe('rate', () => {
  it('divides', () => expect(rate(35, 100)).toBe(0.35))

  describe('edge cases', () => {
    it('is null, never NaN or Infinity, for a zero denominator', () => {
      expect(rate(3, 0)).toBeNull()
      expect(rate(0, 0)).toBeNull()
    })
    it('shows — for no value', () => expect(formatPercent(rate(1, 0))).toBe('—'))
  })

  it('never returns a non-finite number', () => {
    fc.assert(fc.property(fc.double(), fc.double(), (a, b) => {
      const r = rate(a, b)
      return r === null || Number.isFinite(r)
    }))
  })
})

describe('light', () => {
  it('is green when a higher-is-better KPI meets target', () => expect(light(0.5, 0.5, 'higher')).toBe('green'))
  it('is yellow within the tolerance', () => expect(light(0.46, 0.5, 'higher')).toBe('yellow'))
  it('is red beyond it', () => expect(light(0.35, 0.5, 'higher')).toBe('red'))
  it('is green when a lower-is-better KPI is below target', () => {
    expect(light(20, 24, 'lower')).toBe('green')
    expect(light(0.7, 0.4, 'lower')).toBe('red') // paid share 70% vs ≤40%
  })
  it('is yellow just above a lower-is-better target', () => expect(light(26, 24, 'lower')).toBe('yellow'))
  it('has no color without a value', () => expect(light(null, 0.5, 'higher')).toBe('none'))
  it('honours a custom tolerance', () => expect(light(0.4, 0.5, 'higher', 0.25)).toBe('yellow'))
})

describe('change', () => {
  it('is relative to the previous period', () => expect(change(125, 100)).toBe(0.25))
  it('is null without a base', () => {
    expect(change(5, 0)).toBeNull()
    expect(change(null, 3)).toBeNull()
  })
})

describe('funnel', () => {
  const f = funnel({ exposure: 1000, play: 400, completion: 140, interaction: 60, follow: 20, inquiry: 5, order: 1 })
  it('rates each step against the one before', () => {
    expect(f.stages.map((s) => s.rate)).toEqual([null, 0.4, 0.35, 60 / 140, 20 / 60, 0.25, 0.2])
  })
  it('names the biggest drop-off in words', () => expect(f.biggestDrop?.text).toBe('最大流失：咨询→成交'))
  it('skips empty steps instead of dividing by zero', () => {
    const empty = funnel({ exposure: 0, play: 0, completion: 0, interaction: 0, follow: 0, inquiry: 0, order: 0 })
    expect(empty.biggestDrop).toBeNull()
    expect(empty.stages.every((s) => s.rate === null)).toBe(true)
  })
})

describe('edge cases at the bounds', () => {
  it('a rate of completions equal to plays is exactly 100%', () => {
    expect(rate(400, 400)).toBe(1)
    expect(formatPercent(rate(400, 400))).toBe('100.0%')
  })
  it('a value exactly at the edge of the tolerance is yellow, just past it red', () => {
    expect(light(90, 100, 'higher')).toBe('yellow')
    expect(light(89.99, 100, 'higher')).toBe('red')
    expect(light(110, 100, 'lower')).toBe('yellow')
    expect(light(110.01, 100, 'lower')).toBe('red')
    expect(light(100, 100, 'lower')).toBe('green')
  })
  it('no change from zero to zero, and a negative base counts by its size', () => {
    expect(change(0, 0)).toBeNull()
    expect(change(-50, -100)).toBe(0.5)
  })
  it('a zero step in the middle leaves only the next rate empty, and a drop to zero is the biggest', () => {
    const f = funnel({ exposure: 1000, play: 400, completion: 140, interaction: 0, follow: 5, inquiry: 5, order: 1 })
    expect(f.stages.map((s) => s.rate)).toEqual([null, 0.4, 0.35, 0, null, 1, 0.2])
    expect(f.biggestDrop).toMatchObject({ from: 'completion', to: 'interaction', rate: 0 })
  })
  it('a follower total exactly at the target has reached it', () => {
    expect(forecastTarget([{ day: '2026-02-01', total: 100_000 }], 100_000)).toMatchObject({ kind: 'reached', day: '2026-02-01' })
  })
})

describe('forecastTarget', () => {
  it('fits a straight line', () => expect(slopePerDay([{ day: '2026-01-01', total: 100 }, { day: '2026-01-03', total: 120 }])).toBe(10))

  it('projects the day the target is reached', () => {
    const series = Array.from({ length: 29 }, (_, i) => ({ day: `2026-01-${String(i + 1).padStart(2, '0')}`, total: 90_000 + i * 100 }))
    expect(forecastTarget(series, 100_000)).toMatchObject({ kind: 'on_pace', perDay: 100, day: '2026-04-11' }) // 7,200 to go at 100 a day from 29 Jan
  })

  it('says not on pace when followers are flat or falling', () => {
    expect(forecastTarget([{ day: '2026-01-01', total: 500 }, { day: '2026-01-20', total: 480 }], 1000).kind).toBe('not_on_pace')
  })

  it('says reached once the total is there', () => {
    expect(forecastTarget([{ day: '2026-02-01', total: 100_100 }], 100_000)).toMatchObject({ kind: 'reached', day: '2026-02-01' })
  })

  it('uses only the last four weeks', () => {
    const old = Array.from({ length: 10 }, (_, i) => ({ day: `2025-10-${String(i + 1).padStart(2, '0')}`, total: 1000 + i * 1000 }))
    const recent = [{ day: '2026-01-01', total: 50_000 }, { day: '2026-01-29', total: 50_000 }]
    expect(forecastTarget([...old, ...recent], 100_000).kind).toBe('not_on_pace')
  })
})
