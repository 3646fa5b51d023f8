import fc from 'fast-check'
import { addSums, subtractSums, type Sums } from './metrics'
import type { SeriesPoint } from './views'
import { cumulativeOf, dailyIncrements, effectiveSeries, incrementChanges, monotoneViolations, withPoint } from './series'

const p = (date: string, metrics: SeriesPoint['metrics'], snapshotId = date): SeriesPoint => ({ date, snapshotId, metrics })

describe('effectiveSeries', () => {
  it('orders dates whatever the order of arrival', () => {
    const s = effectiveSeries([
      { id: 'b', date: '2026-11-02', metrics: { plays: 9 }, supersedes: null },
      { id: 'a', date: '2026-11-01', metrics: { plays: 5 }, supersedes: null },
    ])
    expect(s.map((x) => x.date)).toEqual(['2026-11-01', '2026-11-02'])
  })

  it('keeps the record no other supersedes, even when the correction is older by id', () => {
    const s = effectiveSeries([
      { id: 'z', date: '2026-11-01', metrics: { plays: 5 }, supersedes: null },
      { id: 'a', date: '2026-11-01', metrics: { plays: 4 }, supersedes: 'z' },
    ])
    expect(s).toEqual([p('2026-11-01', { plays: 4 }, 'a')])
  })

  it('follows a chain of corrections to its end', () => {
    const s = effectiveSeries([
      { id: 'c', date: '2026-11-01', metrics: { plays: 3 }, supersedes: 'b' },
      { id: 'a', date: '2026-11-01', metrics: { plays: 1 }, supersedes: null },
      { id: 'b', date: '2026-11-01', metrics: { plays: 2 }, supersedes: 'a' },
    ])
    expect(s.map((x) => x.snapshotId)).toEqual(['c'])
  })
})

describe('cumulativeOf', () => {
  it('turns the average watch time into total watch seconds', () => {
    expect(cumulativeOf({ plays: 3, avgWatchSeconds: 10.5 })).toEqual({ plays: 3, watchSeconds: 32 })
  })

  it('keeps a known zero and leaves unknown metrics out', () => {
    expect(cumulativeOf({ plays: 0, likes: 0 })).toEqual({ plays: 0, likes: 0 })
  })
})

describe('dailyIncrements', () => {
  it('differences consecutive snapshots of one item', () => {
    const inc = dailyIncrements([p('2026-11-01', { plays: 50 }), p('2026-11-02', { plays: 80 })])
    expect(inc.get('2026-11-02')).toEqual({ plays: 30, itemsLogged: 1 })
  })

  it('gives the first snapshot its whole cumulative value', () => {
    expect(dailyIncrements([p('2026-11-01', { plays: 50 })]).get('2026-11-01')).toEqual({ plays: 50, itemsLogged: 1 })
  })

  it('lets the next date that knows a metric take the difference over a blank', () => {
    const inc = dailyIncrements([p('2026-11-01', { plays: 5, likes: 1 }), p('2026-11-02', { plays: 6 }), p('2026-11-03', { plays: 7, likes: 4 })])
    expect(inc.get('2026-11-02')).toEqual({ plays: 1, itemsLogged: 1 })
    expect(inc.get('2026-11-03')).toEqual({ plays: 1, likes: 3, itemsLogged: 1 })
  })

  it('spans a gap of days on the date of the later snapshot', () => {
    const inc = dailyIncrements([p('2026-11-01', { plays: 5 }), p('2026-11-09', { plays: 25 })])
    expect([...inc.keys()]).toEqual(['2026-11-01', '2026-11-09'])
    expect(inc.get('2026-11-09')!.plays).toBe(20)
  })
})

describe('incrementChanges', () => {
  it('a late snapshot changes its own date and the next snapshot of the item, nothing else', () => {
    const before = [p('2026-11-01', { plays: 50 }), p('2026-11-03', { plays: 90 }), p('2026-11-05', { plays: 95 })]
    const after = withPoint(before, p('2026-11-02', { plays: 70 }))
    expect(incrementChanges(before, after)).toEqual(new Map([['2026-11-02', { plays: 20, itemsLogged: 1 }], ['2026-11-03', { plays: -20 }]]))
  })

  it('a correction changes its date and the next one', () => {
    const before = [p('2026-11-01', { plays: 50 }), p('2026-11-02', { plays: 70 })]
    const after = withPoint(before, p('2026-11-01', { plays: 40 }, 'fix'))
    expect(incrementChanges(before, after)).toEqual(new Map([['2026-11-01', { plays: -10 }], ['2026-11-02', { plays: 10 }]]))
  })

  it('is empty when nothing changed', () => {
    const s = [p('2026-11-01', { plays: 50 })]
    expect(incrementChanges(s, withPoint(s, p('2026-11-01', { plays: 50 }, 'same')))).toEqual(new Map())
  })
})

describe('monotoneViolations', () => {
  const s = [p('2026-11-01', { plays: 50, likes: 5 }), p('2026-11-03', { plays: 90 })]

  it('refuses a value below the previous date and names the field in Chinese', () => {
    expect(monotoneViolations(s, '2026-11-02', { plays: 40 }, { correction: false })).toEqual([
      { metric: 'plays', message: '播放：不能少于 2026-11-01 的累计值 50' },
    ])
  })

  it('refuses a late value above the next date', () => {
    expect(monotoneViolations(s, '2026-11-02', { plays: 95 }, { correction: false })[0].message).toBe('播放：不能多于 2026-11-03 的累计值 90')
  })

  it('compares each metric with the nearest date that knows it', () => {
    expect(monotoneViolations(s, '2026-11-04', { plays: 95, likes: 4 }, { correction: false }).map((v) => v.metric)).toEqual(['likes'])
  })

  it('lets a later reading of the same day grow but not shrink, unless it is a correction', () => {
    expect(monotoneViolations(s, '2026-11-03', { plays: 99 }, { correction: false })).toEqual([])
    expect(monotoneViolations(s, '2026-11-03', { plays: 80 }, { correction: false })).toHaveLength(1)
    expect(monotoneViolations(s, '2026-11-03', { plays: 80 }, { correction: true })).toEqual([])
  })

  it('ignores the average watch time, which may fall', () => {
    expect(monotoneViolations([p('2026-11-01', { plays: 5, avgWatchSeconds: 30 })], '2026-11-02', { plays: 6, avgWatchSeconds: 10 }, { correction: false })).toEqual([])
  })
})

describe('properties', () => {
  const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`)
  const metrics = fc.record(
    { plays: fc.nat(10_000), likes: fc.option(fc.nat(1000), { nil: undefined }), avgWatchSeconds: fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: undefined }) },
    { requiredKeys: ['plays'] },
  ).map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as SeriesPoint['metrics'])
  const arrivals = fc.array(fc.tuple(day, metrics), { maxLength: 25 })

  it('applying the changes of each arrival, in any order, equals differencing the final series', () => {
    fc.assert(
      fc.property(arrivals, (list) => {
        let series: SeriesPoint[] = []
        const running = new Map<string, Sums>()
        list.forEach(([d, m], i) => {
          const next = withPoint(series, p(d, m, `s${i}`))
          for (const [k, v] of incrementChanges(series, next)) running.set(k, addSums(running.get(k) ?? {}, v))
          series = next
        })
        for (const [k, v] of running) if (Object.keys(v).length === 0) running.delete(k)
        expect(running).toEqual(dailyIncrements(series))
      }),
    )
  })

  it('equals differencing both whole series, for arrivals, corrections and points in series loaded apart', () => {
    // The reference: every date of both series differenced (what incrementChanges did before it looked only at affected dates).
    const naive = (a: SeriesPoint[], b: SeriesPoint[]) => {
      const x = dailyIncrements(a)
      const y = dailyIncrements(b)
      const out = new Map<string, Sums>()
      for (const d of new Set([...x.keys(), ...y.keys()])) {
        const diff = subtractSums(y.get(d) ?? {}, x.get(d) ?? {})
        if (Object.keys(diff).length) out.set(d, diff)
      }
      return out
    }
    fc.assert(
      fc.property(arrivals, fc.tuple(day, metrics), (list, [d, m]) => {
        let series: SeriesPoint[] = []
        list.forEach(([dd, mm], i) => (series = withPoint(series, p(dd, mm, `s${i}`))))
        const next = withPoint(series, p(d, m, 'new'))
        expect(incrementChanges(series, next)).toEqual(naive(series, next))
        // The same series read back from storage: equal values, different objects.
        const reloaded = JSON.parse(JSON.stringify(series)) as SeriesPoint[]
        expect(incrementChanges(reloaded, next)).toEqual(naive(reloaded, next))
      }),
    )
  })

  it('the increments of each metric add up to its latest cumulative value', () => {
    fc.assert(
      fc.property(arrivals, (list) => {
        const series = list.reduce<SeriesPoint[]>((s, [d, m], i) => withPoint(s, p(d, m, `s${i}`)), [])
        const total = [...dailyIncrements(series).values()].reduce((a, b) => addSums(a, b), {} as Sums)
        const lastPlays = series.length ? series[series.length - 1].metrics.plays : 0
        expect(total.plays ?? 0).toBe(lastPlays)
        expect(total.itemsLogged ?? 0).toBe(series.length)
      }),
    )
  })
})
