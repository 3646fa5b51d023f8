import fc from 'fast-check'
import type { Sums } from '../results/metrics'
import { addDays } from '../time/china'
import { dayGrowth, forecastText, growthSummary, spendInForce, type SpendFact } from './growth'

const day = (n: number) => addDays('2026-11-01', n)
const roll = (n: number, total: Sums, followers: number | null = null) => ({ day: day(n), total, followers: followers === null ? null : { total: followers, factId: `f${n}` } })
const spend = (id: string, n: number, amountFen: number, supersedes: string | null = null, at = `2026-12-01T0${id.length}:00:00Z`): SpendFact => ({ id, date: day(n), amountFen, supersedes, loggedAt: at })

describe('dayGrowth', () => {
  it('nets organic (posts and livestreams) and paid adds against unfollows', () => {
    expect(dayGrowth('2026-11-01', { newFollowersOrganic: 30, newFollowersPaid: 70, liveNewFollowers: 10, unfollows: 5 }, 5000)).toEqual({ day: '2026-11-01', total: 5000, netAdds: 105, organic: 40, paid: 70 })
    expect(dayGrowth('2026-11-01', undefined, null)).toEqual({ day: '2026-11-01', total: null, netAdds: 0, organic: 0, paid: 0 })
  })
})

describe('spendInForce', () => {
  it('keeps the entry nothing supersedes', () => {
    const m = spendInForce([spend('a', 0, 100), spend('b', 0, 150, 'a'), spend('c', 1, 70)])
    expect(m.get(day(0))?.amountFen).toBe(150)
    expect(m.get(day(1))?.amountFen).toBe(70)
  })

  it('resolves two entries that superseded the same one by the later log', () => {
    const m = spendInForce([spend('a', 0, 100), spend('bb', 0, 150, 'a', '2026-12-01T02:00:00Z'), spend('c', 0, 120, 'a', '2026-12-01T03:00:00Z')])
    expect(m.get(day(0))?.id).toBe('c')
  })

  it('does not depend on the order entries arrive in', () => {
    // Ids are unique, as stored facts' _id are (two entries sharing one made the order matter).
    const facts = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), d: fc.nat(3), amountFen: fc.nat(1e6), sup: fc.option(fc.string({ minLength: 1, maxLength: 4 })), at: fc.nat(5) }), { maxLength: 12, selector: (x) => x.id })
    fc.assert(
      fc.property(facts, (list) => {
        const uniq = [...new Map(list.map((f) => [f.id, f])).values()].map((f) => spend(f.id, f.d, f.amountFen, f.sup, new Date(Date.UTC(2026, 11, 1, f.at)).toISOString()))
        const a = [...spendInForce(uniq)].map(([d, f]) => [d, f.id])
        const b = [...spendInForce([...uniq].reverse())].map(([d, f]) => [d, f.id])
        expect(new Map(b as never)).toEqual(new Map(a as never))
      }),
    )
  })
})

describe('growthSummary', () => {
  const base = { target: 100_000, spend: [] as SpendFact[] }

  it('computes the range from hand-made rollups', () => {
    const g = growthSummary({
      ...base,
      from: day(1),
      to: day(3),
      rollups: [
        roll(0, {}, 10_000), // before the range: the base of the growth rate
        roll(1, { newFollowersOrganic: 100, newFollowersPaid: 300, unfollows: 20 }),
        roll(2, { newFollowersOrganic: 50, liveNewFollowers: 50, newFollowersPaid: 100 }, 10_600),
        roll(3, { unfollows: 30 }),
      ],
      spend: [spend('a', 1, 40_000), spend('b', 2, 60_000), spend('bb', 2, 80_000, 'b'), spend('z', 9, 1)],
    })
    expect(g.series.map((p) => [p.day, p.total, p.netAdds])).toEqual([[day(1), null, 380], [day(2), 10_600, 200], [day(3), null, -30]])
    expect(g.total).toBe(10_600)
    expect(g.startTotal).toBe(10_000)
    expect(g.netAdds).toBe(550)
    expect(g.growthRate).toBeCloseTo(0.055)
    expect([g.organic, g.paid]).toEqual([200, 400])
    expect(g.paidShare).toBeCloseTo(400 / 600)
    expect(g.spendFen).toBe(120_000)
    expect(g.costPerFollowerFen).toBe(300) // 1,200 元 ÷ 400 paid followers = 3 元
  })

  it('knows nothing it was not told: no spend, no base total, no paid adds', () => {
    const g = growthSummary({ ...base, from: day(1), to: day(2), rollups: [roll(1, { newFollowersOrganic: 10 }, 500)] })
    expect(g.spendFen).toBeNull()
    expect(g.costPerFollowerFen).toBeNull()
    expect(g.growthRate).toBeNull()
    expect(g.paidShare).toBe(0)
    const spentNoPaid = growthSummary({ ...base, from: day(1), to: day(2), rollups: [], spend: [spend('a', 1, 500)] })
    expect(spentNoPaid.spendFen).toBe(500)
    expect(spentNoPaid.costPerFollowerFen).toBeNull()
    expect(spentNoPaid.paidShare).toBeNull()
    expect(spentNoPaid.total).toBeNull()
  })

  it('forecasts from the last 4 weeks of totals up to the end of the range', () => {
    // 90,000 four weeks before the end, +100 a day: 92,800 at the end, 100,000 in 72 more days.
    const rollups = [roll(-40, {}, 50_000), ...Array.from({ length: 29 }, (_, i) => roll(i, {}, 90_000 + 100 * i))]
    const g = growthSummary({ ...base, from: day(21), to: day(28), rollups })
    expect(g.forecast).toMatchObject({ kind: 'on_pace', day: addDays(day(28), 72), perDay: 100 })
    expect(forecastText(g.forecast, 100_000)).toBe(`按当前速度预计 ${addDays(day(28), 72)} 达到 100,000 粉丝（按最近 4 周线性拟合，约每天 +100）`)
    // Totals after the range are not used.
    const early = growthSummary({ ...base, from: day(0), to: day(0), rollups })
    expect(early.forecast.kind).toBe('not_on_pace')
  })

  it('series covers every day of the range and net adds add up', () => {
    const sums = fc.record({ newFollowersOrganic: fc.nat(500), newFollowersPaid: fc.nat(500), liveNewFollowers: fc.nat(50), unfollows: fc.nat(300) }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), sums), { maxLength: 20 }), fc.nat(10), fc.nat(10), (list, a, len) => {
        const byDay = new Map(list.map(([d, s]) => [d, s]))
        const rollups = [...byDay].map(([d, s]) => roll(d, s))
        const g = growthSummary({ ...base, from: day(a), to: day(a + len), rollups })
        expect(g.series).toHaveLength(len + 1)
        expect(g.netAdds).toBe(g.organic + g.paid - [...byDay].filter(([d]) => d >= a && d <= a + len).reduce((s, [, x]) => s + (x.unfollows ?? 0), 0))
        expect(g.paidShare === null || (g.paidShare >= 0 && g.paidShare <= 1)).toBe(true)
      }),
    )
  })
})

describe('forecastText', () => {
  it('says whether the forecast day meets the deadline', () => {
    const f = { kind: 'on_pace', day: '2027-03-02', perDay: 155.34, method: '' } as const
    expect(forecastText(f, 100_000, '2027-02-01')).toMatch(/约每天 \+155），晚于截止日期 2027-02-01$/)
    expect(forecastText(f, 100_000, '2027-03-02')).toMatch(/，不晚于截止日期 2027-03-02$/)
    expect(forecastText({ kind: 'not_on_pace', perDay: 0, method: '' }, 100_000, '2027-02-01')).toBe('按当前速度无法达到目标 100,000 粉丝（最近 4 周粉丝总数没有增长；截止日期 2027-02-01）')
  })

  it('says each outcome in Chinese', () => {
    expect(forecastText({ kind: 'reached', day: '2026-11-20', method: '' }, 100_000)).toBe('已达到目标 100,000 粉丝（2026-11-20 的粉丝总数）')
    expect(forecastText({ kind: 'not_on_pace', perDay: 0, method: '' }, 100_000)).toBe('按当前速度无法达到目标 100,000 粉丝（最近 4 周粉丝总数没有增长）')
    expect(forecastText({ kind: 'not_on_pace', perDay: -3, method: '' }, 100_000)).toContain('在下降')
    expect(forecastText({ kind: 'not_on_pace', perDay: null, method: '' }, 50_000)).toContain('记录不足')
  })
  it('says the fitted pace in whole followers a day, never the raw slope', () => {
    expect(forecastText({ kind: 'on_pace', day: '2027-03-02', perDay: 155.34, method: '' }, 100_000)).toBe(
      '按当前速度预计 2027-03-02 达到 100,000 粉丝（按最近 4 周线性拟合，约每天 +155）',
    )
  })
  it("groups the target's thousands", () => {
    expect(forecastText({ kind: 'reached', day: '2026-11-20', method: '' }, 1_234_567)).toContain('目标 1,234,567 粉丝')
  })
})
