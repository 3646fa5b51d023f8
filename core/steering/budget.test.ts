import {
  actualByCategory,
  budgetCategoryLabel,
  burnRate,
  paceDays,
  monthLines,
  planTotal,
  ratio,
  spendInForceByCategory,
  unitCosts,
  yearEndForecast,
  yearProgress,
  type BudgetSpendFact,
} from './budget'

const fact = (id: string, date: string, amountFen: number, extra: Partial<BudgetSpendFact> = {}): BudgetSpendFact => ({
  id,
  date,
  amountFen,
  supersedes: null,
  loggedAt: `${date}T02:00:00Z`,
  ...extra,
})

describe('budgetCategoryLabel', () => {
  it('names a category with its group', () => {
    expect(budgetCategoryLabel('tech_equipment')).toBe('技术投入·设备')
    expect(budgetCategoryLabel('promo_kol')).toBe('推广费用·KOL合作')
  })
  it('names the reserve once (it is its own group)', () => {
    expect(budgetCategoryLabel('reserve')).toBe('风险准备金')
  })
})

describe('spendInForceByCategory', () => {
  it('keeps one entry per day and category: the one not superseded', () => {
    const m = spendInForceByCategory([
      fact('a', '2026-03-01', 100, { category: 'promo_ads' }),
      fact('b', '2026-03-01', 150, { category: 'promo_ads', supersedes: 'a', loggedAt: '2026-03-01T05:00:00Z' }),
      fact('c', '2026-03-01', 900, { category: 'promo_kol' }),
    ])
    expect([...m.keys()].sort()).toEqual(['2026-03-01|promo_ads', '2026-03-01|promo_kol'])
    expect(m.get('2026-03-01|promo_ads')!.amountFen).toBe(150)
  })
  it('counts an entry without a category (投流花费 before budgets) as 广告投放, superseded by a categorised one', () => {
    const m = spendInForceByCategory([fact('old', '2026-03-01', 100), fact('new', '2026-03-01', 300, { category: 'promo_ads', supersedes: 'old', loggedAt: '2026-03-02T00:00:00Z' })])
    expect(m.size).toBe(1)
    expect(m.get('2026-03-01|promo_ads')!.id).toBe('new')
  })
  it('breaks a tie of two entries superseding the same one by the later logged time, then the greater id', () => {
    const base = fact('a', '2026-03-01', 100, { category: 'reserve' })
    const x = fact('x', '2026-03-01', 1, { category: 'reserve', supersedes: 'a', loggedAt: '2026-03-01T06:00:00Z' })
    const y = fact('y', '2026-03-01', 2, { category: 'reserve', supersedes: 'a', loggedAt: '2026-03-01T06:00:00Z' })
    expect(spendInForceByCategory([base, y, x]).get('2026-03-01|reserve')!.id).toBe('y')
  })
})

describe('planTotal', () => {
  it('adds the planned categories', () => {
    expect(planTotal({ people_fixed: 3_000_000, promo_ads: 500_000 })).toBe(3_500_000)
  })
  it('is null for a month with no plan, 0 for a month planned at 0', () => {
    expect(planTotal(undefined)).toBeNull()
    expect(planTotal({})).toBeNull()
    expect(planTotal({ reserve: 0 })).toBe(0)
  })
})

describe('monthLines', () => {
  const lines = monthLines({ 3: { promo_ads: 100_000 }, 4: { promo_ads: 200_000, people_fixed: 50_000 } }, [
    fact('a', '2026-03-02', 70_000, { category: 'promo_ads' }),
    fact('b', '2026-03-20', 50_000, { category: 'promo_kol' }),
    fact('c', '2026-04-01', 90_000),
  ])
  it('marks a month whose spend passed its plan as over, with the variance', () => {
    expect(lines[2]).toEqual({ month: 3, planFen: 100_000, actualFen: 120_000, varianceFen: 20_000, over: true })
  })
  it('leaves a month under its plan not over, variance negative', () => {
    expect(lines[3]).toEqual({ month: 4, planFen: 250_000, actualFen: 90_000, varianceFen: -160_000, over: false })
  })
  it('a month with no plan has no plan, no variance and is never over', () => {
    expect(lines[0]).toEqual({ month: 1, planFen: null, actualFen: 0, varianceFen: null, over: false })
    const unplanned = monthLines({}, [fact('a', '2026-05-05', 10)])[4]
    expect(unplanned).toEqual({ month: 5, planFen: null, actualFen: 10, varianceFen: null, over: false })
  })
})

describe('actualByCategory', () => {
  it('sums per category, legacy entries under 广告投放', () => {
    const a = actualByCategory([fact('a', '2026-01-01', 100), fact('b', '2026-01-02', 50, { category: 'promo_ads' }), fact('c', '2026-01-02', 7, { category: 'tech_tools' })])
    expect(a.promo_ads).toBe(150)
    expect(a.tech_tools).toBe(7)
    expect(a.reserve).toBe(0)
  })
})

describe('yearProgress', () => {
  it('counts 1 January as the first day', () => {
    expect(yearProgress(2026, '2026-01-01')).toEqual({ elapsed: 1, days: 365 })
  })
  it('counts 31 days at the end of January, 366 days in a leap year', () => {
    expect(yearProgress(2026, '2026-01-31').elapsed).toBe(31)
    expect(yearProgress(2028, '2028-12-31')).toEqual({ elapsed: 366, days: 366 })
  })
  it('is 0 before the year and the whole year after it', () => {
    expect(yearProgress(2027, '2026-12-02').elapsed).toBe(0)
    expect(yearProgress(2025, '2026-12-02').elapsed).toBe(365)
  })
})

describe('paceDays', () => {
  it('counts from the first day with a plan or spend: 1 October to 30 November is 61 days', () => {
    expect(paceDays(2026, '2026-11-30', '2026-10-01')).toBe(61)
  })
  it('without a plan or spend, or with one before the year, counts the days elapsed', () => {
    expect(paceDays(2026, '2026-11-30', null)).toBe(334)
    expect(paceDays(2026, '2026-11-30', '2025-05-01')).toBe(334)
  })
  it('is 0 before the year and before its first active day', () => {
    expect(paceDays(2027, '2026-12-02', null)).toBe(0)
    expect(paceDays(2026, '2026-11-30', '2026-12-05')).toBe(0)
  })
  it('a past year counts through its last day', () => {
    expect(paceDays(2025, '2026-12-02', '2025-12-01')).toBe(31)
  })
})

describe('burnRate and yearEndForecast', () => {
  it('¥31,000 over 31 days burns ¥1,000 a day and lands at ¥365,000 with 334 days left', () => {
    expect(burnRate(3_100_000, 31)).toBe(100_000)
    expect(yearEndForecast(3_100_000, 31, 334)).toBe(36_500_000)
  })
  it('a budget begun in October: ¥60,000 over 61 days, 31 days left → ¥90,491.80', () => {
    expect(burnRate(6_000_000, 61)).toBe(98_361)
    expect(yearEndForecast(6_000_000, 61, 31)).toBe(9_049_180)
  })
  it('rounds to whole fen: ¥100 over 3 days with 362 left is 1,216,667 fen', () => {
    expect(burnRate(10_000, 3)).toBe(3333)
    expect(yearEndForecast(10_000, 3, 362)).toBe(1_216_667)
  })
  it('a finished year forecasts exactly what it spent', () => {
    expect(yearEndForecast(123_457, 365, 0)).toBe(123_457)
  })
  describe('edge cases', () => {
    it('zero spend burns 0 and forecasts 0', () => {
      expect(burnRate(0, 10)).toBe(0)
      expect(yearEndForecast(0, 10, 355)).toBe(0)
    })
    it('no pace yet: no burn rate and no forecast (never NaN or Infinity)', () => {
      expect(burnRate(0, 0)).toBeNull()
      expect(yearEndForecast(0, 0, 365)).toBeNull()
    })
  })
})

describe('unitCosts', () => {
  const basis = { spendFen: 100_000, adsFen: 60_000, newFollowers: 500, paidFollowers: 200, inquiries: 40, orders: 10, gmvFen: 250_000, publishedVideos: 20 }
  it('divides spend by each count, 广告投放 by paid followers, and GMV by spend', () => {
    expect(unitCosts(basis)).toEqual({ perFollowerFen: 200, perPaidFollowerFen: 300, perInquiryFen: 2500, perOrderFen: 10_000, perVideoFen: 5000, roi: 2.5 })
  })
  it('rounds to whole fen: ¥1 over 3 followers is 33 fen', () => {
    expect(unitCosts({ ...basis, spendFen: 100, newFollowers: 3 }).perFollowerFen).toBe(33)
  })
  describe('edge cases', () => {
    it('zero spend: no unit cost and no ROI', () => {
      expect(unitCosts({ ...basis, spendFen: 0, adsFen: 0 })).toEqual({ perFollowerFen: null, perPaidFollowerFen: null, perInquiryFen: null, perOrderFen: null, perVideoFen: null, roi: null })
    })
    it('zero followers: no cost per follower, the other costs stand', () => {
      const u = unitCosts({ ...basis, newFollowers: 0, paidFollowers: 0 })
      expect(u.perFollowerFen).toBeNull()
      expect(u.perPaidFollowerFen).toBeNull()
      expect(u.perOrderFen).toBe(10_000)
    })
    it('spend but no 广告投放: no cost per paid follower', () => {
      expect(unitCosts({ ...basis, adsFen: 0 }).perPaidFollowerFen).toBeNull()
    })
    it('no sales: ROI 0, not null (money was spent and brought nothing)', () => {
      expect(unitCosts({ ...basis, gmvFen: 0 }).roi).toBe(0)
    })
  })
})

describe('ratio', () => {
  it('is null for a zero or missing denominator, never Infinity or NaN', () => {
    expect(ratio(5, 0)).toBeNull()
    expect(ratio(0, 0)).toBeNull()
    expect(ratio(null, 2)).toBeNull()
    expect(ratio(Number.NaN, 2)).toBeNull()
    expect(ratio(6, 3)).toBe(2)
  })
})
