import { kpiCard, dailySeries } from './cards'
import type { PlanBasis } from './horizons'
import type { KpiData, LiveSessionFact } from './kpiData'
import { liveConversion, median, sessionRates, sessionsInForce, sessionsNote, type LiveSessionRecord } from './liveSessions'
import { targetView } from './targets'
import { weekResult } from './weekly'

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
const week = { from: day(9), to: day(15), days: 7 }
const prevWeek = { from: day(2), to: day(8) }
const plan: PlanBasis = { startDay: '2026-01-01', measured: {} }
let n = 0
const s = (d: number, orders: number, uniqueViewers: number): LiveSessionFact => ({ id: `l${n++}`, day: day(d), orders, uniqueViewers })
const data = (sessions: LiveSessionFact[] | undefined): KpiData => ({ rollups: [], items: [], sessions })
/** The team's own target (a manager set it): version 1. */
const teamTarget = (value: number | null) => targetView('liveConversion', { value, tolerance: 0.1, version: 1, updatedAt: null, updatedByName: null })
const card = (d: KpiData, target = targetView('liveConversion', null)) => kpiCard('liveConversion', { data: d, range: week, previous: prevWeek, target, plan })

describe('median', () => {
  it('an odd count: the middle one, whatever the order', () => {
    expect(median([0.09, 0.03, 0.05])).toBe(0.05)
  })

  it('an even count: the mean of the two middle ones', () => {
    // 3%, 5%, 7%, 20% → (5% + 7%) / 2
    expect(median([0.2, 0.03, 0.07, 0.05])).toBeCloseTo(0.06, 12)
    expect(median([0.04, 0.1])).toBeCloseTo(0.07, 12)
  })

  it('none: null', () => {
    expect(median([])).toBeNull()
  })
})

describe('直播转化率 per session', () => {
  it('three sessions, 9/100, 30/1,000 and 25/500: the median is 5.0% and 1 of 3 meets 8%', () => {
    const c = card(data([s(10, 9, 100), s(11, 30, 1000), s(13, 25, 500)]))
    expect(c).toMatchObject({ value: 0.05, display: '5.0%', target: 0.08, targetDisplay: '≥ 8.0%', light: 'red', asOf: day(13), note: '达标场次 1/3（33.3%）' })
  })

  it('a big session cannot hide weak ones: pooled 110/1,300 would be 8.5%, the median of 10%, 5%, 5% is 5.0%', () => {
    const c = card(data([s(9, 100, 1000), s(10, 5, 100), s(12, 5, 100)]))
    expect(c.value).toBe(0.05)
    expect(c.light).toBe('red')
  })

  it('four sessions: the median of 3%, 5%, 7%, 20% is 6.0%; the previous week\'s one session is the base for the change', () => {
    const c = card(data([s(9, 3, 100), s(10, 5, 100), s(11, 7, 100), s(15, 20, 100), s(4, 4, 100)]))
    expect(c.value).toBeCloseTo(0.06, 12)
    expect(c.display).toBe('6.0%')
    expect(c.previous).toBe(0.04)
    expect(c.note).toBe('达标场次 1/4（25.0%）')
    // one value per day: that day's session (the median of one)
    expect(c.trend).toEqual([0.03, 0.05, 0.07, null, null, null, 0.2])
  })

  it('a session without viewers is left out of the median and the share, and the card says so', () => {
    const c = card(data([s(10, 8, 100), s(11, 0, 0), s(12, 3, 50)]))
    // 8% and 6%: median 7%; 1 of the 2 counted meets 8%
    expect(c.value).toBeCloseTo(0.07, 12)
    expect(c.note).toBe('达标场次 1/2（50.0%）；1 场无观看人数未计入')
    expect(c.asOf).toBe(day(12))
    // only sessions without viewers: no value, but the note still says why
    const only = card(data([s(11, 0, 0)]))
    expect(only).toMatchObject({ value: null, display: '—', light: 'none', note: '1 场无观看人数未计入', asOf: day(11) })
  })

  it('the share is against the team\'s target in force, not a fixed 8%', () => {
    const sessions = [s(10, 3, 100), s(11, 5, 100), s(12, 9, 100)]
    expect(card(data(sessions)).note).toBe('达标场次 1/3（33.3%）')
    const c = card(data(sessions), teamTarget(0.05))
    expect(c).toMatchObject({ value: 0.05, target: 0.05, targetDisplay: '≥ 5.0%', light: 'green', note: '达标场次 2/3（66.7%）' })
    // no target: the sessions are counted, nothing is judged
    expect(card(data(sessions), teamTarget(null))).toMatchObject({ light: 'none', note: '共 3 场' })
  })

  it('no sessions in the range (or none read): null, no light, no note', () => {
    for (const d of [data([]), data([s(3, 9, 100)]), data(undefined)]) {
      const c = card(d)
      expect(c).toMatchObject({ value: null, display: '—', light: 'none', asOfText: '暂无数据' })
      expect(c.note).toBeUndefined()
    }
    expect(liveConversion(data(undefined), week)).toEqual({ value: null, asOf: null })
    expect(sessionsNote(data([]), week, 0.08, 'higher')).toBeNull()
  })

  it('exactly at target counts as met (≥), as in the plan', () => {
    expect(sessionsNote(data([s(10, 8, 100), s(11, 16, 200)]), week, 0.08, 'higher')).toBe('达标场次 2/2（100.0%）')
  })

  it('rollups alone no longer make a value: the pooled sums are not a per-session measure', () => {
    const d: KpiData = { rollups: [{ day: day(12), total: { liveSessions: 2, liveOrders: 45, liveUniqueViewers: 1000 }, by: { format: {}, layer: {}, category: {}, channel: {} }, followers: null }], items: [], sessions: [] }
    expect(card(d).value).toBeNull()
  })

  it('the daily series and the weekly verdict use the same per-session median', () => {
    const d = data([s(9, 3, 100), s(9, 9, 100), s(9, 12, 100), s(11, 10, 100)])
    expect(dailySeries('liveConversion', d, { from: day(9), to: day(11) }).map((p) => p.display)).toEqual(['9.0%', '—', '10.0%'])
    // the week's median of 3%, 9%, 10%, 12% is 9.5%: a hit against 8%
    const w = { week: '2026-W46', from: day(9), to: day(15) }
    expect(weekResult('liveConversion', d, w, targetView('liveConversion', null), plan)).toMatchObject({ verdict: 'hit', target: 0.08 })
    expect(weekResult('liveConversion', d, w, targetView('liveConversion', null), plan).value).toBeCloseTo(0.095, 12)
    expect(weekResult('liveConversion', data([s(10, 3, 100)]), w, teamTarget(0.08), plan).verdict).toBe('miss')
    expect(weekResult('liveConversion', data([]), w, teamTarget(0.08), plan).verdict).toBe('missing')
  })
})

describe('sessionsInForce', () => {
  const rec = (id: string, d: number, orders: number, supersedes: string | null = null): LiveSessionRecord => ({ id, day: day(d), orders, uniqueViewers: 100, supersedes })

  it('a corrected session counts once, with its corrected numbers', () => {
    expect(sessionsInForce([rec('a', 10, 5), rec('b', 10, 9, 'a')], [week])).toEqual([{ id: 'b', day: day(10), orders: 9, uniqueViewers: 100 }])
  })

  it('a correction that moved the session to a day outside the spans takes it out; a chain keeps only its last record', () => {
    expect(sessionsInForce([rec('a', 10, 5), rec('b', 20, 5, 'a')], [week])).toEqual([])
    expect(sessionsInForce([rec('a', 10, 5), rec('b', 20, 6, 'a'), rec('c', 12, 7, 'b')], [week]).map((x) => [x.id, x.orders])).toEqual([['c', 7]])
  })

  it('keeps the days of every span, oldest first', () => {
    const out = sessionsInForce([rec('x', 14, 1), rec('y', 3, 1), rec('z', 25, 1)], [prevWeek, week])
    expect(out.map((x) => x.id)).toEqual(['y', 'x'])
  })
})

test('sessionRates skips sessions without viewers and counts them', () => {
  expect(sessionRates([s(10, 9, 100), s(11, 0, 0), s(20, 1, 10)], week)).toEqual({ rates: [0.09], skipped: 1, asOf: day(11) })
})
