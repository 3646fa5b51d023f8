import { KPIS } from './schemas'
import { targetViews } from './targets'

describe('targets', () => {
  it('defaults for every KPI at version 0, directions fixed', () => {
    const all = targetViews(undefined)
    expect(all.map((t) => t.kpi)).toEqual([...KPIS])
    expect(all.find((t) => t.kpi === 'paidShare')).toMatchObject({ value: 0.4, direction: 'lower', tolerance: 0.1, version: 0, updatedAt: null, reviewedEvery: 'month' })
    expect(all.find((t) => t.kpi === 'orderConversion')!.value).toBeCloseTo(0.1875)
    // Core (quarterly) vs auxiliary (monthly) as PRODUCT.md's targets table classes them.
    expect(all.find((t) => t.kpi === 'cycleHours')).toMatchObject({ value: 24, direction: 'lower', reviewedEvery: 'quarter' })
    expect(all.find((t) => t.kpi === 'organicGrowthRate')).toMatchObject({ reviewedEvery: 'month' })
  })
})
