import fc from 'fast-check'
import { competitorWeeks, ourWeeks, weeksInForce, type CompetitorWeekFact } from './comparison'

const entry = (id: string, week: string, followers: number, supersedes: string | null = null, at = '2026-11-30T01:00:00Z'): CompetitorWeekFact => ({
  id, competitorId: 'c', week, followers, posts: 3, bestLikes: 9, supersedes, loggedAt: at,
})

describe('weeksInForce', () => {
  it('keeps the entry nothing supersedes, per competitor and week', () => {
    const m = weeksInForce([entry('a', '2026-W48', 100), entry('b', '2026-W48', 120, 'a'), entry('c', '2026-W47', 90)])
    expect(m.get('c|2026-W48')?.followers).toBe(120)
    expect(m.get('c|2026-W47')?.followers).toBe(90)
  })

  it('resolves two relogs of the same entry by the later log, then the greater id', () => {
    const m = weeksInForce([entry('a', 'w', 1), entry('b', 'w', 2, 'a', '2026-11-30T03:00:00Z'), entry('c', 'w', 3, 'a', '2026-11-30T02:00:00Z')])
    expect(m.get('c|w')?.id).toBe('b')
    const tie = weeksInForce([entry('a', 'w', 1), entry('b', 'w', 2, 'a'), entry('c', 'w', 3, 'a')])
    expect(tie.get('c|w')?.id).toBe('c')
  })

  it('does not depend on the order entries arrive in', () => {
    // Ids are unique, as stored facts' _id are (two entries sharing one made the order matter).
    const facts = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), w: fc.constantFrom('W1', 'W2'), f: fc.nat(1e6), sup: fc.option(fc.string({ minLength: 1, maxLength: 3 })), at: fc.nat(3) }), { maxLength: 10, selector: (x) => x.id })
    fc.assert(
      fc.property(facts, (list) => {
        const es = list.map((x) => entry(x.id, x.w, x.f, x.sup, `2026-11-30T0${x.at}:00:00Z`))
        const key = (m: Map<string, CompetitorWeekFact>) => JSON.stringify([...m].sort(([a], [b]) => a.localeCompare(b)))
        expect(key(weeksInForce([...es].reverse()))).toBe(key(weeksInForce(es)))
      }),
    )
  })
})

describe('competitorWeeks', () => {
  const logged = new Map([
    ['2026-W45', { followers: 1000, posts: 2, bestLikes: 50 }],
    ['2026-W46', { followers: 1100, posts: 4, bestLikes: 80 }],
    ['2026-W48', { followers: 1188, posts: 1, bestLikes: 20 }],
  ])

  it('computes growth from consecutive follower totals', () => {
    const [w46] = competitorWeeks(['2026-W46'], logged)
    expect(w46).toEqual({ week: '2026-W46', followers: 1100, growthRate: 0.1, posts: 4, bestLikes: 80 })
  })

  it('shows a missing week as nulls, and no growth for the week after it', () => {
    const [w47, w48] = competitorWeeks(['2026-W47', '2026-W48'], logged)
    expect(w47).toEqual({ week: '2026-W47', followers: null, growthRate: null, posts: null, bestLikes: null })
    expect(w48).toEqual({ week: '2026-W48', followers: 1188, growthRate: null, posts: 1, bestLikes: 20 })
  })

  describe('edge cases', () => {
    it('has no growth rate over a week that started at 0 followers (never NaN or Infinity)', () => {
      const [w] = competitorWeeks(['2026-W02'], new Map([['2026-W01', { followers: 0, posts: 0, bestLikes: 0 }], ['2026-W02', { followers: 5, posts: 1, bestLikes: 1 }]]))
      expect(w.growthRate).toBeNull()
    })

    it('reads a loss of followers as a negative rate', () => {
      const [w] = competitorWeeks(['2026-W02'], new Map([['2026-W01', { followers: 200, posts: 0, bestLikes: 0 }], ['2026-W02', { followers: 190, posts: 0, bestLikes: 0 }]]))
      expect(w.growthRate).toBeCloseTo(-0.05)
    })
  })
})

describe('ourWeeks', () => {
  // 2026-W48 is 11-23 … 11-29; W49 is 11-30 … 12-06.
  const rollups = [
    { day: '2026-10-25', followers: { total: 1500 } },
    { day: '2026-11-20', followers: { total: 2000 } },
    { day: '2026-11-24', total: { newFollowersOrganic: 30, newFollowersPaid: 20, liveNewFollowers: 10, unfollows: 10 } },
    { day: '2026-11-29', total: {}, followers: { total: 2055 } },
  ]
  const published = [
    { day: '2026-11-24', likes: 40 },
    { day: '2026-11-26', likes: 75 },
    { day: '2026-11-27', likes: null },
    { day: '2026-12-01', likes: null },
  ]

  it('divides the week\'s net adds by the last total logged before it', () => {
    const [w48] = ourWeeks(['2026-W48'], { rollups, published })
    expect(w48).toEqual({ week: '2026-W48', followers: 2055, growthRate: 50 / 2000, posts: 3, bestLikes: 75 })
  })

  it('counts posts published in the week; no logged likes is null, not 0', () => {
    const [w49] = ourWeeks(['2026-W49'], { rollups, published })
    expect(w49.posts).toBe(1)
    expect(w49.bestLikes).toBeNull()
  })

  it('has no growth rate for a week where nothing was logged', () => {
    const [w49] = ourWeeks(['2026-W49'], { rollups, published })
    expect(w49.growthRate).toBeNull()
    expect(w49.followers).toBe(2055) // the last known total stands
  })

  describe('edge cases', () => {
    it('looks back at most 4 weeks for the starting total', () => {
      const [w] = ourWeeks(['2026-W48'], { rollups: [rollups[0], rollups[2]], published: [] })
      expect(w.growthRate).toBeNull()
      expect(w.posts).toBe(0)
    })

    it('never gives NaN with a starting total of 0', () => {
      const [w] = ourWeeks(['2026-W48'], { rollups: [{ day: '2026-11-22', followers: { total: 0 } }, rollups[2]], published: [] })
      expect(w.growthRate).toBeNull()
    })
  })
})
