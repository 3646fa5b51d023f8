import fc from 'fast-check'
import { emptyRollup, type DayRollup } from '../results/rollup'
import type { Sums } from '../results/metrics'
import { addDays, daysBetween } from '../time/china'
import { kpiCard } from './cards'
import type { ItemFact, KpiData } from './kpiData'
import type { PlanBasis } from './horizons'
import { targetView } from './targets'
import { KPIS, type KpiKey } from './schemas'

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
function roll(d: string, total: Sums, followers?: number): DayRollup {
  return { ...emptyRollup(d), total, followers: followers === undefined ? null : { total: followers, factId: `f${d}` } }
}
const item = (id: string, publishedDay: string | null, layer = 'value', extra: Partial<ItemFact> = {}): ItemFact => ({ id, title: `作品${id}`, status: publishedDay ? 'published' : 'planned', layer, format: 'short_video', publishedDay, ...extra })
const week = { from: day(9), to: day(15), days: 7 }
const prevWeek = { from: day(2), to: day(8) }
// A plan whose ramps ended long ago: these cards judge against the end values (ramps: ./horizons.test.ts).
const plan: PlanBasis = { startDay: '2026-01-01', measured: { inquiries: 300, orderConversion: 0.15, followers: 30_000 } }
const card = (kpi: KpiKey, data: KpiData, target = targetView(kpi, null)) => kpiCard(kpi, { data, range: week, previous: prevWeek, target, plan })

describe('hand-computed cards', () => {
  it('completion 35 of 100 plays is 35.0%, red against 50%; the previous week had 30 of 100: +16.7%', () => {
    const data = { rollups: [roll(day(10), { plays: 60, completions: 20, itemsLogged: 1 }), roll(day(12), { plays: 40, completions: 15, itemsLogged: 1 }), roll(day(3), { plays: 100, completions: 30, itemsLogged: 1 })], items: [] }
    const c = card('completionRate', data)
    expect(c).toMatchObject({ value: 0.35, display: '35.0%', target: 0.5, targetDisplay: '≥ 50.0%', light: 'red', previous: 0.3, changeDisplay: '+16.7%', asOf: day(12), asOfText: '数据截至 11-12' })
    expect(c.trend).toEqual([null, 20 / 60, null, 15 / 40, null, null, null])
  })

  it('completion within 10% of the target is yellow, at or above it green', () => {
    const at = (c: number) => card('completionRate', { rollups: [roll(day(10), { plays: 100, completions: c, itemsLogged: 1 })], items: [] }).light
    expect([at(44), at(46), at(50), at(60)]).toEqual(['red', 'yellow', 'green', 'green'])
  })

  it('completion of 49.96% reads "50.0%" (what rounding gives) but its light is yellow: the light compares the raw value', () => {
    const c = card('completionRate', { rollups: [roll(day(10), { plays: 10_000, completions: 4996, itemsLogged: 1 })], items: [] })
    expect(c).toMatchObject({ value: 0.4996, display: '50.0%', targetDisplay: '≥ 50.0%', light: 'yellow' })
  })

  it('zero plays reads "—" with light none and no change, never NaN', () => {
    const c = card('completionRate', { rollups: [roll(day(10), { itemsLogged: 1 })], items: [] })
    expect(c).toMatchObject({ value: null, display: '—', light: 'none', change: null, changeDisplay: '—' })
  })

  it('paid share 30% against 40% is green (lower is better); 43% yellow; 50% red', () => {
    const share = (paidN: number, organicN: number, live = 0) =>
      card('paidShare', { rollups: [roll(day(11), { newFollowersPaid: paidN, newFollowersOrganic: organicN, liveNewFollowers: live, itemsLogged: 1 })], items: [] })
    expect(share(30, 70)).toMatchObject({ value: 0.3, display: '30.0%', targetDisplay: '≤ 40.0%', light: 'green', direction: 'lower' })
    expect(share(43, 57).light).toBe('yellow')
    expect(share(50, 40, 10).light).toBe('red') // livestream followers count as organic
  })

  it('interaction = (likes + comments + shares + favorites) / plays', () => {
    const c = card('interactionRate', { rollups: [roll(day(9), { plays: 200, likes: 20, comments: 5, shares: 3, favorites: 2, itemsLogged: 2 })], items: [] })
    expect(c).toMatchObject({ value: 0.15, display: '15.0%', light: 'red' })
  })

  it('output counts published items in the range; the weekly target of 5 scales with the range', () => {
    const items = [item('a', day(9)), item('b', day(15)), item('c', day(16)), item('d', day(8)), item('e', null)]
    const c = card('output', { rollups: [], items })
    expect(c).toMatchObject({ value: 2, display: '2 条', target: 5, targetDisplay: '≥ 5 条', light: 'red', previous: 1, change: 1, changeDisplay: '+100.0%', asOf: day(15) })
    const twoWeeks = kpiCard('output', { data: { rollups: [], items }, range: { from: day(2), to: day(15), days: 14 }, previous: { from: '2026-10-19', to: day(1) }, target: targetView('output', null), plan })
    expect(twoWeeks).toMatchObject({ value: 3, target: 10, targetDisplay: '≥ 10 条' })
  })

  it('followers: the latest total logged on or before the end (no scaling); net adds and organic growth', () => {
    const rollups = [
      roll(day(7), {}, 40_000),
      roll(day(10), { newFollowersOrganic: 300, newFollowersPaid: 500, liveNewFollowers: 100, unfollows: 50, itemsLogged: 3 }, 40_500),
      roll(day(13), { newFollowersOrganic: 100, itemsLogged: 1 }, 40_900),
    ]
    const data = { rollups, items: [] }
    expect(card('followers', data)).toMatchObject({ value: 40_900, display: '40,900 人', target: 100_000, targetDisplay: '≥ 100,000 人', light: 'red', previous: 40_000, asOf: day(13) })
    expect(card('netAdds', data)).toMatchObject({ value: 950, display: '950 人', target: 2000 })
    // organic (300 + 100 live + 100) / total at the start (40,000 logged on the 7th)
    expect(card('organicGrowthRate', data)).toMatchObject({ value: 500 / 40_000, display: '1.3%' })
    expect(card('organicGrowthRate', { rollups: rollups.slice(1), items: [] }).value).toBeNull() // no start total
    // paid 500 / 40,000 = 1.25%, against ≤ 23.3% a month compounded to the week: (1.233)^(7/30) − 1 ≈ 5.0% → green (lower is better)
    const paidGrowth = card('paidGrowthRate', data)
    expect(paidGrowth).toMatchObject({ value: 500 / 40_000, display: '1.3%', direction: 'lower', light: 'green' })
    expect(paidGrowth.target).toBeCloseTo(Math.pow(1.233, 7 / 30) - 1, 6)
    expect(card('paidGrowthRate', { rollups: rollups.slice(1), items: [] }).value).toBeNull()
  })

  it('inquiries add leads (all channels) and post inquiries; order conversion is post orders / post inquiries', () => {
    const data = { rollups: [roll(day(9), { leads: 12, inquiries: 8, orders: 2, itemsLogged: 1 }), roll(day(14), { leads: 3 })], items: [] }
    expect(card('inquiries', data)).toMatchObject({ value: 23, display: '23 次', target: 900, light: 'red', asOf: day(14) })
    expect(card('orderConversion', data)).toMatchObject({ value: 0.25, display: '25.0%', light: 'green', asOf: day(9) })
  })

  it('live conversion: the median of each session\'s orders / unique viewers, with the share at target (more: ./liveSessions.test.ts)', () => {
    const sessions = [{ id: 'a', day: day(12), orders: 45, uniqueViewers: 1000 }, { id: 'b', day: day(13), orders: 9, uniqueViewers: 100 }, { id: 'c', day: day(14), orders: 2, uniqueViewers: 100 }]
    const c = card('liveConversion', { rollups: [roll(day(12), { liveSessions: 3, liveOrders: 56, liveUniqueViewers: 1200 })], items: [], sessions })
    expect(c).toMatchObject({ value: 0.045, display: '4.5%', light: 'red', asOf: day(14), note: '达标场次 1/3（33.3%）' })
  })

  it('cycle hours: mean over items final-approved in the range; items without a production are left out', () => {
    const items = [
      item('a', day(12), 'value', { cycleSeconds: 20 * 3600, finalApprovedDay: day(10) }),
      item('b', day(16), 'value', { cycleSeconds: 41 * 3600, finalApprovedDay: day(15) }),
      item('c', day(11)),
      item('d', day(9), 'value', { cycleSeconds: 99 * 3600, finalApprovedDay: day(8) }),
    ]
    expect(card('cycleHours', { rollups: [], items })).toMatchObject({ value: 30.5, display: '30.5 小时', targetDisplay: '≤ 24 小时', light: 'red', previous: 99, asOf: day(15) })
  })

  it('freshness hours = lag minutes / timed logs / 60', () => {
    const c = card('freshnessHours', { rollups: [roll(day(10), { logLagMinutes: 1800, logsTimed: 2, itemsLogged: 2 }), roll(day(11), { logsTimed: 1, itemsLogged: 1 })], items: [] })
    expect(c).toMatchObject({ value: 10, display: '10 小时', light: 'green', asOf: day(11) })
  })

  it('intro share: 基础认知 items among published items', () => {
    const items = [item('a', day(9), 'intro'), item('b', day(10), 'intro'), item('c', day(11), 'value'), item('d', day(1), 'intro')]
    expect(card('introShare', { rollups: [], items })).toMatchObject({ value: 2 / 3, display: '66.7%', light: 'red', label: '基础认知占比' }) // above 60% + 10% of it
  })

  it('the plan counts videos: output and cycle time leave livestreams and 图文 out; their shares are their own cards', () => {
    const items = [
      item('v1', day(9)),
      item('v2', day(10), 'value', { cycleSeconds: 30 * 3600, finalApprovedDay: day(10) }),
      item('l', day(11), 'value', { format: 'livestream', cycleSeconds: 2 * 3600, finalApprovedDay: day(11) }),
      item('t1', day(12), 'value', { format: 'image_text' }),
      item('t2', day(13), 'value', { format: 'image_text', cycleSeconds: 1 * 3600, finalApprovedDay: day(13) }),
    ]
    expect(card('output', { rollups: [], items })).toMatchObject({ value: 2, display: '2 条' })
    expect(card('cycleHours', { rollups: [], items })).toMatchObject({ value: 30, display: '30 小时' })
    // 1 of 5 published is a livestream (20%, green against ≥ 10%); 2 of 5 are 图文 (40%)
    expect(card('liveShare', { rollups: [], items })).toMatchObject({ value: 0.2, display: '20.0%', targetDisplay: '≥ 10.0%', light: 'green', reviewedEvery: 'month' })
    expect(card('imageTextShare', { rollups: [], items })).toMatchObject({ value: 0.4, display: '40.0%', light: 'green' })
    expect(card('liveShare', { rollups: [], items: items.filter((i) => i.format !== 'livestream') })).toMatchObject({ value: 0, light: 'red' })
    expect(card('liveShare', { rollups: [], items: [] })).toMatchObject({ value: null, display: '—', light: 'none' })
  })

  it('follower growth = net adds / the total before the range; its monthly 26% compounds to the range', () => {
    const data = { rollups: [roll(day(8), {}, 40_000), roll(day(10), { newFollowersOrganic: 300, newFollowersPaid: 500, unfollows: 100, itemsLogged: 1 })], items: [] }
    const c = card('followerGrowthRate', data)
    // 700 / 40,000 = 1.75% against (1.26)^(7/30) − 1 ≈ 5.5%: red
    expect(c).toMatchObject({ value: 0.0175, display: '1.8%', light: 'red', reviewedEvery: 'month' })
    expect(c.target).toBeCloseTo(Math.pow(1.26, 7 / 30) - 1)
  })

  it('like rate, comment rate and 客单价 against their measured baselines (+20%, +20%, held)', () => {
    const p: PlanBasis = { startDay: '2026-01-01', measured: { likeRate: 0.1, commentRate: 0.02, avgOrderValue: 300 } }
    const data = { rollups: [roll(day(10), { plays: 1000, likes: 130, comments: 20, orders: 4, gmvFen: 110_000, itemsLogged: 1 })], items: [] }
    const at = (kpi: KpiKey) => kpiCard(kpi, { data, range: week, previous: prevWeek, target: targetView(kpi, null), plan: p })
    // likes 13% against 10% × 1.2 = 12%: green; comments 2% against 2.4%: red (more than 10% short)
    expect(at('likeRate')).toMatchObject({ value: 0.13, display: '13.0%', target: 0.12, targetDisplay: '≥ 12.0%', light: 'green' })
    expect(at('commentRate')).toMatchObject({ value: 0.02, display: '2.0%', light: 'red' })
    expect(at('commentRate').target).toBeCloseTo(0.024)
    // ¥1,100 over 4 orders = ¥275 against ¥300 held: within 10%, yellow
    expect(at('avgOrderValue')).toMatchObject({ value: 275, display: '275 元', target: 300, targetDisplay: '≥ 300 元', light: 'yellow' })
    // no baseline measured: no light (the team sets one), never red by construction
    expect(kpiCard('likeRate', { data, range: week, previous: prevWeek, target: targetView('likeRate', null), plan })).toMatchObject({ target: null, light: 'none' })
  })

  it('a team target replaces the default, with its tolerance', () => {
    const data = { rollups: [roll(day(10), { plays: 100, completions: 42, itemsLogged: 1 })], items: [] }
    expect(card('completionRate', data).light).toBe('red')
    const t = targetView('completionRate', { value: 0.45, tolerance: 0.1, version: 1, updatedAt: new Date(), updatedByName: '陈静' })
    expect(card('completionRate', data, t)).toMatchObject({ target: 0.45, light: 'yellow' })
    expect(card('completionRate', data, { ...t, value: null })).toMatchObject({ target: null, targetDisplay: '—', light: 'none' })
  })

  it('no data at all: every card reads "—" or 0 without NaN, and 暂无数据', () => {
    for (const k of KPIS) {
      const c = card(k, { rollups: [], items: [] })
      expect(c.asOfText).toBe('暂无数据')
      expect(JSON.stringify(c)).not.toMatch(/NaN|Infinity/)
    }
  })

  it('trends go per ISO week beyond 31 days', () => {
    const from = '2026-08-27'
    const to = '2026-11-26'
    const rollups = daysBetween(from, to).map((d) => roll(d, { plays: 10, completions: 5, itemsLogged: 1 }))
    const c = kpiCard('completionRate', { data: { rollups, items: [] }, range: { from, to, days: 92 }, previous: { from: addDays(from, -92), to: addDays(from, -1) }, target: targetView('completionRate', null), plan })
    expect(c.trend.length).toBe(14)
    expect(c.trend.every((v) => v === 0.5)).toBe(true)
    expect(c.previous).toBeNull()
  })
})

test('property: rate cards never show NaN and lights follow the direction', () => {
  const sums = fc.record({ plays: fc.nat(10_000), completions: fc.nat(10_000), newFollowersPaid: fc.nat(1000), newFollowersOrganic: fc.nat(1000), itemsLogged: fc.constant(1) })
  fc.assert(
    fc.property(sums, (s) => {
      for (const k of ['completionRate', 'paidShare'] as const) {
        const c = card(k, { rollups: [roll(day(10), s)], items: [] })
        expect(JSON.stringify(c)).not.toMatch(/NaN|Infinity/)
        if (c.value === null) expect(c.light).toBe('none')
        else if (k === 'paidShare') expect(c.light === 'green').toBe(c.value <= 0.4)
        else expect(c.light === 'green').toBe(c.value >= 0.5)
      }
    }),
  )
})
