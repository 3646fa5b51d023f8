import { forecastTarget, slopePerDay } from './forecast'

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

describe('edge cases at the bounds', () => {
  it('a follower total exactly at the target has reached it', () => {
    expect(forecastTarget([{ day: '2026-02-01', total: 100_000 }], 100_000)).toMatchObject({ kind: 'reached', day: '2026-02-01' })
  })
})
