import { itemsTally, tallyOfSnapshot, tallyOfSums } from './metrics'

describe('tallyOfSnapshot', () => {
  test('完播率 is completions over plays', () => {
    expect(tallyOfSnapshot('completionRate', { plays: 200, completions: 70 })).toEqual({ successes: 70, trials: 200 })
  })
  test('互动率 adds the interactions the snapshot knows', () => {
    expect(tallyOfSnapshot('interactionRate', { plays: 100, likes: 8, comments: 1, shares: 2, favorites: 3 })).toEqual({ successes: 14, trials: 100 })
  })
  test('转化率 is orders over inquiries', () => {
    expect(tallyOfSnapshot('conversionRate', { plays: 100, inquiries: 10, orders: 3 })).toEqual({ successes: 3, trials: 10 })
  })
  test('a snapshot that does not know the metric gives nothing', () => {
    expect(tallyOfSnapshot('completionRate', { plays: 200 })).toBeNull()
    expect(tallyOfSnapshot('interactionRate', { plays: 200 })).toBeNull()
    expect(tallyOfSnapshot('conversionRate', { plays: 200, inquiries: 3 })).toBeNull()
    expect(tallyOfSnapshot('openRate', { plays: 200 })).toBeNull()
  })

  describe('edge cases', () => {
    test('more interactions than plays count as every play interacting, never above 100%', () => {
      expect(tallyOfSnapshot('interactionRate', { plays: 10, likes: 9, shares: 5 })).toEqual({ successes: 10, trials: 10 })
    })
    test('orders without inquiries cannot exceed them', () => {
      expect(tallyOfSnapshot('conversionRate', { plays: 10, inquiries: 0, orders: 2 })).toEqual({ successes: 0, trials: 0 })
    })
  })
})

describe('itemsTally', () => {
  test('sums each item\'s latest snapshot that knows the metric; items without one are left out', () => {
    const t = itemsTally('completionRate', [
      [{ metrics: { plays: 100, completions: 30 } }, { metrics: { plays: 150 } }],
      [{ metrics: { plays: 50, completions: 20 } }],
      [],
    ])
    expect(t).toEqual({ successes: 50, trials: 150, itemsWithData: 2 })
  })
  test('a later full snapshot wins over an earlier one', () => {
    expect(itemsTally('completionRate', [[{ metrics: { plays: 100, completions: 30 } }, { metrics: { plays: 200, completions: 90 } }]])).toEqual({ successes: 90, trials: 200, itemsWithData: 1 })
  })
})

describe('tallyOfSums', () => {
  test('adds the rollup days with the KPI table\'s formulas', () => {
    const days = [{ plays: 1000, completions: 350, likes: 10, comments: 5, inquiries: 20, orders: 4 }, { plays: 500, completions: 150, shares: 5 }]
    expect(tallyOfSums('completionRate', days)).toEqual({ successes: 500, trials: 1500 })
    expect(tallyOfSums('interactionRate', days)).toEqual({ successes: 20, trials: 1500 })
    expect(tallyOfSums('conversionRate', days)).toEqual({ successes: 4, trials: 20 })
  })
  test('pushes are not in the rollups', () => {
    expect(tallyOfSums('openRate', [{ plays: 1000 }])).toBeNull()
  })
  test('no days: zero trials', () => {
    expect(tallyOfSums('completionRate', [])).toEqual({ successes: 0, trials: 0 })
  })
})
