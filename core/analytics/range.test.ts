import fc from 'fast-check'
import { AppError } from '../errors'
import { addDays } from '../time/china'
import { dayCount, rangeLabel, resolveRange, trendBuckets } from './range'

// Thursday 2026-11-26, 12:00 in Beijing
const now = new Date('2026-11-26T04:00:00Z')

describe('resolveRange', () => {
  it('today is the China-time day, even late in the UTC evening', () => {
    const r = resolveRange({ range: 'today' }, new Date('2026-11-26T17:30:00Z')) // 01:30 on the 27th in Beijing
    expect(r.range).toEqual({ kind: 'today', from: '2026-11-27', to: '2026-11-27', days: 1, label: '今天 11-27' })
    expect(r.previous).toEqual({ from: '2026-11-26', to: '2026-11-26' })
  })

  it('week runs from the ISO Monday to today; the previous period is the same number of days just before', () => {
    const r = resolveRange({ range: 'week' }, now)
    expect(r.range).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-26', days: 4, label: '本周 11-23 至 11-26' })
    expect(r.previous).toEqual({ from: '2026-11-19', to: '2026-11-22' })
  })

  it('a Sunday still belongs to the week that began on Monday', () => {
    expect(resolveRange({ range: 'week' }, new Date('2026-11-29T10:00:00+08:00')).range).toMatchObject({ from: '2026-11-23', to: '2026-11-29', days: 7 })
  })

  it('month runs from the 1st to today', () => {
    const r = resolveRange({ range: 'month' }, now)
    expect(r.range).toMatchObject({ from: '2026-11-01', to: '2026-11-26', days: 26, label: '本月 11-01 至 11-26' })
    expect(r.previous).toEqual({ from: '2026-10-06', to: '2026-10-31' })
  })

  it('custom takes up to 92 days and refuses more, naming 结束日期 in Chinese', () => {
    expect(resolveRange({ range: 'custom', from: '2026-08-27', to: '2026-11-26' }, now).range.days).toBe(92)
    let err: unknown
    try {
      resolveRange({ range: 'custom', from: '2026-08-26', to: '2026-11-26' }, now, 'range.')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('VALIDATION')
    expect((err as AppError).fields).toEqual([{ path: 'range.to', message: '结束日期：范围不能超过 92 天' }])
  })

  it('custom needs both ends, in order', () => {
    expect(() => resolveRange({ range: 'custom', from: '2026-11-01' }, now)).toThrow('结束日期：自定义范围必填')
    expect(() => resolveRange({ range: 'custom', from: '2026-11-05', to: '2026-11-01' }, now)).toThrow('结束日期：不能早于开始日期')
  })

  it('labels ranges outside this year with full dates', () => {
    expect(rangeLabel('custom', '2025-12-30', '2026-01-02', '2026-11-26')).toBe('2025-12-30 至 2026-01-02')
    expect(rangeLabel('custom', '2026-11-01', '2026-11-02', '2026-11-26')).toBe('11-01 至 11-02')
  })

  it('property: the previous period has the same length and ends the day before the range', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2022-01-01', n))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 92 }), (from, len) => {
        const to = addDays(from, len - 1)
        const r = resolveRange({ range: 'custom', from, to }, now)
        expect(r.range.days).toBe(len)
        expect(dayCount(r.previous.from, r.previous.to)).toBe(len)
        expect(addDays(r.previous.to, 1)).toBe(from)
      }),
    )
  })
})

describe('trendBuckets', () => {
  it('one per day up to 31 days', () => {
    expect(trendBuckets('2026-11-01', '2026-12-01').length).toBe(31)
    expect(trendBuckets('2026-11-01', '2026-11-03').map((b) => b.from)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03'])
  })

  it('per ISO week beyond 31 days, clipped to the range at both ends', () => {
    const b = trendBuckets('2026-10-01', '2026-11-30') // Thu … Mon
    expect(b[0]).toEqual({ from: '2026-10-01', to: '2026-10-04', label: '10-01 起' })
    expect(b[1]).toMatchObject({ from: '2026-10-05', to: '2026-10-11' })
    expect(b[b.length - 1]).toMatchObject({ from: '2026-11-30', to: '2026-11-30' })
    expect(b.length).toBe(10)
  })

  it('property: buckets tile the range without gaps or overlaps', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2022-01-01', n))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 92 }), (from, len) => {
        const to = addDays(from, len - 1)
        const b = trendBuckets(from, to)
        expect(b[0].from).toBe(from)
        expect(b[b.length - 1].to).toBe(to)
        for (let i = 1; i < b.length; i++) expect(b[i].from).toBe(addDays(b[i - 1].to, 1))
        expect(b.reduce((t, x) => t + dayCount(x.from, x.to), 0)).toBe(len)
      }),
    )
  })
})
