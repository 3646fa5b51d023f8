import fc from 'fast-check'
import { CHANNELS, type Sums } from '../results/metrics'
import { applyContribution, emptyRollup, type DayRollup } from '../results/rollup'
import { addDays } from '../time/china'
import { FUNNEL_STEPS } from './funnel'
import { channelNote, contentFilter, funnelCounts, funnelOptions, funnelResult } from './funnelRollups'

const day = (n: number) => addDays('2026-11-01', n)

/** Rollups built the way the results function builds them: contributions folded per day. */
function rollupsOf(contribs: { day: number; sums: Sums; dims: Record<string, string> }[]): DayRollup[] {
  const days = new Map<string, DayRollup>()
  for (const c of contribs) {
    const d = day(c.day)
    const r = days.get(d) ?? days.set(d, emptyRollup(d)).get(d)!
    applyContribution(r, { day: d, sums: c.sums, dims: c.dims })
  }
  return [...days.values()]
}

const post = (d: number, sums: Sums, dims = { format: 'short_video', layer: 'intro', category: 'brand' }) => ({ day: d, sums, dims })
const lead = (d: number, channel: string, leads: number) => ({ day: d, sums: { leads }, dims: { channel } })

describe('funnelCounts', () => {
  const rollups = rollupsOf([
    post(0, { impressions: 1000, plays: 400, completions: 140, likes: 30, comments: 10, shares: 12, favorites: 8, newFollowersOrganic: 15, newFollowersPaid: 5, inquiries: 6, orders: 2 }),
    post(1, { impressions: 500, plays: 100, completions: 20, likes: 5, newFollowersPaid: 1, inquiries: 1 }, { format: 'image_text', layer: 'value', category: 'brand' }),
    post(5, { impressions: 9999, plays: 9999 }), // outside the range below
    lead(0, 'wecom', 4),
    lead(1, 'wecom', 3),
    lead(1, 'community', 2),
  ])

  it('sums each step over the range from the team totals', () => {
    const { counts } = funnelCounts(rollups, day(0), day(1), {})
    expect(counts).toEqual({ exposure: 1500, play: 500, completion: 160, interaction: 65, follow: 21, inquiry: 7, order: 2 })
  })

  it('reads one value of a content dimension from by.<dim>', () => {
    expect(funnelCounts(rollups, day(0), day(1), { format: 'image_text' }).counts).toEqual({ exposure: 500, play: 100, completion: 20, interaction: 5, follow: 1, inquiry: 1, order: 0 })
    expect(funnelCounts(rollups, day(0), day(1), { layer: 'intro' }).counts.play).toBe(400)
    expect(funnelCounts(rollups, day(0), day(1), { format: 'livestream' }).counts.play).toBe(0)
  })

  it("with a channel, the inquiry step is that channel's leads and orders are left out", () => {
    const c = funnelCounts(rollups, day(0), day(1), { channel: 'wecom' })
    expect(c.counts).toEqual({ exposure: 1500, play: 500, completion: 160, interaction: 65, follow: 21, inquiry: 7 })
    expect(c.channelSteps).toEqual(['inquiry'])
    expect(funnelCounts(rollups, day(0), day(1), { channel: 'community', format: 'image_text' }).counts).toMatchObject({ play: 100, inquiry: 2 })
  })

  it('refuses two content dimensions at once (rollups keep them apart)', () => {
    expect(contentFilter({ format: 'short_video', layer: 'intro' })).toEqual({ error: { path: 'layer', message: '内容层级：一次只能按形式、内容层级、选题分类中的一项筛选' } })
    expect(contentFilter({ category: 'brand', channel: 'wecom' })).toEqual({ dim: 'category', value: 'brand' })
  })

  it('adds up: the counts of every value of a dimension sum to the unfiltered counts', () => {
    const dims = { format: fc.constantFrom('short_video', 'livestream', 'image_text'), layer: fc.constantFrom('intro', 'value', 'story'), category: fc.constantFrom('brand', 'trending') }
    const sums = fc.record({ impressions: fc.nat(10_000), plays: fc.nat(5000), completions: fc.nat(2000), likes: fc.nat(100), newFollowersPaid: fc.nat(50), inquiries: fc.nat(20), orders: fc.nat(5) }, { requiredKeys: [] })
    const contrib = fc.record({ day: fc.nat(9), sums, dims: fc.record(dims) })
    fc.assert(
      fc.property(fc.array(contrib, { maxLength: 30 }), fc.constantFrom('format', 'layer', 'category') as fc.Arbitrary<'format' | 'layer' | 'category'>, (list, dim) => {
        const rollups = rollupsOf(list)
        const all = funnelCounts(rollups, day(0), day(9), {}).counts
        const values = funnelOptions(rollups, day(0), day(9))[dim].map((o) => o.value)
        for (const step of FUNNEL_STEPS) {
          const parts = values.reduce((s, v) => s + (funnelCounts(rollups, day(0), day(9), { [dim]: v }).counts[step] ?? 0), 0)
          expect(parts).toBe(all[step])
        }
      }),
    )
  })
})

describe('funnelResult', () => {
  it('rates each step against the one before and names the biggest drop', () => {
    const r = funnelResult({ counts: { exposure: 1000, play: 400, completion: 140, interaction: 60, follow: 20, inquiry: 5, order: 1 }, channelSteps: [] })
    expect(r.stages.map((s) => s.rate)).toEqual([null, 0.4, 0.35, 60 / 140, 20 / 60, 0.25, 0.2])
    expect(r.stages[2]).toEqual({ step: 'completion', label: '完播', count: 140, rate: 0.35, rateDisplay: '35.0%' })
    expect(r.biggestDrop).toEqual({ text: '最大流失：咨询→成交', rateDisplay: '20.0%' })
  })

  it('has no biggest drop without data, and never a NaN rate', () => {
    const r = funnelResult({ counts: Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])), channelSteps: [] })
    expect(r.biggestDrop).toBeNull()
    expect(r.stages.every((s) => s.rate === null && s.rateDisplay === '—')).toBe(true)
  })

  it("gives a channel's lead step no rate, so it can never be named the biggest drop", () => {
    const r = funnelResult({ counts: { exposure: 1000, play: 400, completion: 200, interaction: 100, follow: 50, inquiry: 1 }, channelSteps: ['inquiry'] })
    expect(r.stages.map((s) => s.step)).toEqual(['exposure', 'play', 'completion', 'interaction', 'follow', 'inquiry'])
    expect(r.stages[5].rate).toBeNull()
    expect(r.biggestDrop?.text).toBe('最大流失：曝光→播放')
  })

  it('rates are null or finite, and the biggest drop is the lowest rate', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 7, maxLength: 7 }), (n) => {
        const r = funnelResult({ counts: Object.fromEntries(FUNNEL_STEPS.map((s, i) => [s, n[i]])), channelSteps: [] })
        const rates = r.stages.map((s) => s.rate).filter((x): x is number => x !== null)
        expect(rates.every(Number.isFinite)).toBe(true)
        if (!rates.length) expect(r.biggestDrop).toBeNull()
        else expect(r.biggestDrop).not.toBeNull()
      }),
    )
  })
})

describe('funnelOptions', () => {
  it('lists values with data in the range, in the app order, with Chinese labels', () => {
    const rollups = rollupsOf([
      post(0, { plays: 5 }, { format: 'image_text', layer: 'story', category: 'pain_point' }),
      post(0, { plays: 5 }, { format: 'short_video', layer: 'intro', category: 'brand' }),
      post(3, { plays: 5 }, { format: 'livestream', layer: 'value', category: 'trending' }), // outside
      post(1, { plays: 5 }, { format: 'unknown', layer: 'unknown', category: 'unknown' }),
      lead(1, 'offline', 2),
      lead(1, 'wecom', 1),
    ])
    const o = funnelOptions(rollups, day(0), day(2))
    expect(o.format).toEqual([{ value: 'short_video', label: '短视频' }, { value: 'image_text', label: '图文' }, { value: 'unknown', label: '未分类' }])
    expect(o.layer.map((x) => x.label)).toEqual(['基础认知', '情感共鸣', '未分类'])
    expect(o.category.map((x) => x.label)).toEqual(['用户痛点', '品牌动态', '未分类'])
    expect(o.channel).toEqual([{ value: 'wecom', label: '企业微信' }, { value: 'offline', label: '线下' }])
  })

  it('explains a channel-filtered funnel in Chinese, naming the channel', () => {
    for (const c of CHANNELS) expect(channelNote(c)).toMatch(/来源渠道.*咨询/)
    expect(channelNote('wecom')).toContain('企业微信')
  })
})
