import { monthlyTitle, periodicHeadline, previousMonth, rankItems, RANK_MIN_PLAYS, weeklyTitle, type RankedItemFact } from './periodic'

const week = { from: '2026-11-23', to: '2026-11-29' }

/** An item whose cumulative numbers were `before` on the day before the week and `after` at its end. */
function item(id: string, after: { plays: number; completions: number; likes?: number }, before = { plays: 0, completions: 0 }): RankedItemFact {
  return {
    itemId: id,
    title: `作品${id}`,
    layer: 'value',
    category: 'brand',
    format: 'short_video',
    points: [
      { date: '2026-11-22', snapshotId: `${id}-0`, metrics: before },
      { date: '2026-11-27', snapshotId: `${id}-1`, metrics: after },
    ],
  }
}

describe('rankItems', () => {
  it('rates only what happened inside the period, from the daily increments', () => {
    // 1,000 plays before the week; 400 more plays and 120 more completions in it: 30.0%.
    const r = rankItems('completionRate', [item('a', { plays: 1400, completions: 520 }, { plays: 1000, completions: 400 })], week)
    expect(r.top).toEqual([{ itemId: 'a', title: '作品a', tags: '深度价值 · 品牌动态 · 短视频', plays: 400, rate: 0.3, display: '30.0%（播放 400）' }])
    expect(r.ranked).toBe(1)
  })

  it('leaves out items under the play threshold, and says how many were ranked', () => {
    const r = rankItems('completionRate', [item('a', { plays: RANK_MIN_PLAYS - 1, completions: 90 }), item('b', { plays: RANK_MIN_PLAYS, completions: 10 })], week)
    expect(r.top.map((i) => i.itemId)).toEqual(['b'])
    expect(r.ranked).toBe(1)
  })

  it('lists the best three and the worst three (worst first), never the same item twice', () => {
    const facts = [10, 20, 30, 40, 50, 60, 70].map((c, i) => item(String.fromCharCode(97 + i), { plays: 100, completions: c }))
    const r = rankItems('completionRate', facts, week)
    expect(r.top.map((i) => i.itemId)).toEqual(['g', 'f', 'e'])
    expect(r.bottom.map((i) => i.itemId)).toEqual(['a', 'b', 'c'])
    const four = rankItems('completionRate', facts.slice(0, 4), week)
    expect(four.top.map((i) => i.itemId)).toEqual(['d', 'c', 'b'])
    expect(four.bottom.map((i) => i.itemId)).toEqual(['a'])
  })

  it('breaks ties by plays, then id; interaction counts likes, comments, shares and favorites', () => {
    const r = rankItems('completionRate', [item('b', { plays: 100, completions: 50 }), item('a', { plays: 100, completions: 50 }), item('c', { plays: 200, completions: 100 })], week)
    expect(r.top.map((i) => i.itemId)).toEqual(['c', 'a', 'b'])
    const i = rankItems('interactionRate', [{ ...item('x', { plays: 200, completions: 0 }), points: [{ date: '2026-11-24', snapshotId: 's', metrics: { plays: 200, likes: 20, comments: 5, shares: 3, favorites: 2 } }] }], week)
    expect(i.top[0].display).toBe('15.0%（播放 200）')
    expect(i.label).toBe('互动率')
  })

  it('ranks nothing in an empty period, never NaN', () => {
    const r = rankItems('completionRate', [item('a', { plays: 0, completions: 0 })], week)
    expect(r).toEqual({ metric: 'completionRate', label: '完播率', ranked: 0, top: [], bottom: [] })
  })
})

describe('periods and words', () => {
  it('names the month a 月报 covers, across a year end', () => {
    expect(previousMonth('2026-12-01')).toBe('2026-11')
    expect(previousMonth('2027-01-31')).toBe('2026-12')
    expect(previousMonth('2028-03-01')).toBe('2028-02')
  })

  it('titles and the list line', () => {
    expect(weeklyTitle('2026-W48', '2026-11-23', '2026-11-29')).toBe('周报 · 2026-W48（11-23 至 11-29）')
    expect(monthlyTitle('2027-01')).toBe('月报 · 2027 年 1 月')
    expect(periodicHeadline({ red: 2, misses: 1, alerts: 0 })).toBe('红灯 2 项 · 周未达标 1 项 · 无新预警')
    expect(periodicHeadline({ red: 0, alerts: 1, decisions: 3 })).toBe('无红灯 · 新预警 1 项 · 待决策 3 项')
  })
})
