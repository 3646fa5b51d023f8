import fc from 'fast-check'
import { applyContribution, buildRollups, emptyRollup, leadContribution, liveContribution, logLagContribution, postContributions, rollupKey, type DayRollup, type ItemDims, type SnapshotLogFact } from './rollup'
import { incrementChanges, withPoint } from './series'
import type { SeriesPoint } from './views'

const dims: ItemDims = { format: 'short_video', layer: 'intro', category: 'brand' }
const facts = (snapshots: SnapshotLogFact[]) => ({ snapshots, dims: new Map([['i1', dims], ['i2', { ...dims, layer: 'story' }]]), lives: [], leads: [], followers: [] })

describe('applyContribution', () => {
  it('adds to the team total and to each named dimension value', () => {
    const r = applyContribution(emptyRollup('2026-11-01'), { day: '2026-11-01', sums: { plays: 5 }, dims: { format: 'short_video', layer: 'intro' } })
    expect(r.total).toEqual({ plays: 5 })
    expect(r.by.format).toEqual({ short_video: { plays: 5 } })
    expect(r.by.category).toEqual({})
  })

  it('removes a dimension value whose sums fall back to zero', () => {
    const r = emptyRollup('2026-11-01')
    applyContribution(r, { day: r.day, sums: { plays: 5 }, dims: { layer: 'intro' } })
    applyContribution(r, { day: r.day, sums: { plays: -5 }, dims: { layer: 'intro' } })
    expect(r.by.layer).toEqual({})
    expect(r.total).toEqual({})
  })
})

describe('buildRollups', () => {
  it('counts increments per day under the item dimensions', () => {
    const days = buildRollups(facts([
      { id: 'a', itemId: 'i1', date: '2026-11-01', metrics: { plays: 50 }, supersedes: null },
      { id: 'b', itemId: 'i1', date: '2026-11-02', metrics: { plays: 80 }, supersedes: null },
      { id: 'c', itemId: 'i2', date: '2026-11-02', metrics: { plays: 10 }, supersedes: null },
    ]))
    expect(days.get('2026-11-02')!.total).toEqual({ plays: 40, itemsLogged: 2 })
    expect(days.get('2026-11-02')!.by.layer).toEqual({ intro: { plays: 30, itemsLogged: 1 }, story: { plays: 10, itemsLogged: 1 } })
  })

  it('ignores superseded snapshots, leads and follower totals', () => {
    const days = buildRollups({
      ...facts([
        { id: 'a', itemId: 'i1', date: '2026-11-01', metrics: { plays: 50 }, supersedes: null },
        { id: 'b', itemId: 'i1', date: '2026-11-01', metrics: { plays: 40 }, supersedes: 'a' },
      ]),
      leads: [{ id: 'l1', date: '2026-11-01', channel: 'wecom', count: 3 }, { id: 'l2', date: '2026-11-01', channel: 'wecom', count: 2, supersedes: 'l1' }],
      followers: [{ id: 'f1', date: '2026-11-01', total: 100, supersedes: null }, { id: 'f2', date: '2026-11-01', total: 90, supersedes: 'f1' }],
    })
    const r = days.get('2026-11-01')!
    expect(r.total).toEqual({ plays: 40, itemsLogged: 1, leads: 2 })
    expect(r.by.channel).toEqual({ wecom: { leads: 2 } })
    expect(r.followers).toEqual({ total: 90, factId: 'f2' })
  })

  it('sums livestream sessions on the day they started', () => {
    const days = buildRollups({
      ...facts([]),
      lives: [{ id: 'l', itemId: 'i1', day: '2026-11-03', durationSeconds: 3600, uniqueViewers: 200, peakConcurrent: 40, avgWatchSeconds: 30, newFollowers: 6, orders: 16, gmvFen: 160_000 }],
    })
    expect(days.get('2026-11-03')!.total).toMatchObject({ liveSessions: 1, liveUniqueViewers: 200, liveWatchSeconds: 6000, liveOrders: 16 })
  })

  it('leaves out days where everything cancelled out', () => {
    expect(buildRollups(facts([])).size).toBe(0)
  })
})

describe('data freshness (log lag)', () => {
  it('counts whole minutes from the end of the metrics day in China time, never negative', () => {
    expect(logLagContribution('2026-11-01', new Date('2026-11-02T06:30:59+08:00')).sums).toEqual({ logLagMinutes: 390, logsTimed: 1 })
    expect(logLagContribution('2026-11-01', '2026-11-01T15:59:00Z').sums).toEqual({ logsTimed: 1 }) // 23:59 the same day
    expect(logLagContribution('2026-11-01', '2026-11-05T00:00:00+08:00').sums).toEqual({ logLagMinutes: 72 * 60, logsTimed: 1 })
  })

  it('the rebuild times logs (in the total only), not corrections nor untimed facts', () => {
    const days = buildRollups(facts([
      { id: 'a', itemId: 'i1', date: '2026-11-01', metrics: { plays: 50 }, supersedes: null, kind: 'log', loggedAt: '2026-11-02T02:00:00+08:00' },
      { id: 'b', itemId: 'i1', date: '2026-11-01', metrics: { plays: 60 }, supersedes: 'a', kind: 'log', loggedAt: '2026-11-03T00:00:00+08:00' },
      { id: 'c', itemId: 'i1', date: '2026-11-01', metrics: { plays: 55 }, supersedes: 'b', kind: 'correction', loggedAt: '2026-11-09T00:00:00+08:00' },
      { id: 'd', itemId: 'i2', date: '2026-11-01', metrics: { plays: 5 }, supersedes: null },
    ]))
    const r = days.get('2026-11-01')!
    expect(r.total).toEqual({ plays: 60, itemsLogged: 2, logLagMinutes: 120 + 1440, logsTimed: 2 })
    expect(r.by.layer).toEqual({ intro: { plays: 55, itemsLogged: 1 }, story: { plays: 5, itemsLogged: 1 } })
  })
})

describe('contributions taken back out', () => {
  it('a live session added and removed leaves nothing', () => {
    const live = { id: 'l', itemId: 'i1', day: '2026-11-03', durationSeconds: 60, uniqueViewers: 2, peakConcurrent: 1, newFollowers: 0, orders: 0, gmvFen: 0 }
    const r = emptyRollup('2026-11-03')
    applyContribution(r, liveContribution(live, dims))
    applyContribution(r, liveContribution(live, dims, -1))
    applyContribution(r, leadContribution({ id: 'x', date: r.day, channel: 'offline', count: 2 }))
    applyContribution(r, leadContribution({ id: 'x', date: r.day, channel: 'offline', count: 2 }, -1))
    expect(rollupKey(r)).toBe(rollupKey(emptyRollup('2026-11-03')))
  })
})

test('property: folding the changes of each arrival equals building from all facts', () => {
  const day = fc.integer({ min: 1, max: 12 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`)
  const arrival = fc.record({
    item: fc.constantFrom('i1', 'i2'),
    date: day,
    plays: fc.nat(5000),
    likes: fc.option(fc.nat(500), { nil: undefined }),
    replace: fc.boolean(),
    correction: fc.boolean(),
    // when it was logged, relative to the start of its metrics day (same day … four days late)
    loggedAfterMs: fc.integer({ min: 0, max: 5 * 86_400_000 }),
  })
  fc.assert(
    fc.property(fc.array(arrival, { maxLength: 30 }), (list) => {
      const series = new Map<string, SeriesPoint[]>()
      const stored: SnapshotLogFact[] = []
      const days = new Map<string, DayRollup>()
      list.forEach((a, i) => {
        const before = series.get(a.item) ?? []
        const current = before.find((x) => x.date === a.date)
        const metrics = a.likes === undefined ? { plays: a.plays } : { plays: a.plays, likes: a.likes }
        const id = `s${i}`
        const loggedAt = new Date(new Date(`${a.date}T00:00:00+08:00`).getTime() + a.loggedAfterMs)
        const kind = a.correction && current ? 'correction' : 'log'
        stored.push({ id, itemId: a.item, date: a.date, metrics, supersedes: current?.snapshotId ?? null, kind, loggedAt })
        const after = withPoint(before, { date: a.date, snapshotId: id, metrics })
        const lag = kind === 'log' ? [logLagContribution(a.date, loggedAt)] : []
        for (const c of [...postContributions(incrementChanges(before, after), facts([]).dims.get(a.item)!), ...lag]) {
          applyContribution(days.get(c.day) ?? days.set(c.day, emptyRollup(c.day)).get(c.day)!, c)
        }
        series.set(a.item, after)
      })
      const rebuilt = buildRollups(facts(stored))
      const incremental = [...days.values()].filter((r) => Object.keys(r.total).length > 0)
      expect(incremental.map(rollupKey).sort()).toEqual([...rebuilt.values()].map(rollupKey).sort())
    }),
  )
})
