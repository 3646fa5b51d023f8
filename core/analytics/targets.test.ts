import { KPI_DEFS } from './kpiDefs'
import { KPIS } from './schemas'
import { rangeTarget, targetViews } from './targets'

describe('targets', () => {
  it('defaults for every KPI at version 0, directions fixed', () => {
    const all = targetViews(undefined)
    expect(all.map((t) => t.kpi)).toEqual([...KPIS])
    expect(all.find((t) => t.kpi === 'paidShare')).toMatchObject({ value: 0.4, direction: 'lower', tolerance: 0.1, version: 0, updatedAt: null, reviewedEvery: 'quarter' })
    expect(all.find((t) => t.kpi === 'orderConversion')!.value).toBeCloseTo(0.1875)
    expect(all.find((t) => t.kpi === 'cycleHours')).toMatchObject({ value: 24, direction: 'lower', reviewedEvery: 'month' })
  })

  it('scales a weekly count target to the range (days / 7) and leaves a level or ratio target as it is', () => {
    expect(rangeTarget(KPI_DEFS.output, 5, 3)).toBeCloseTo(15 / 7)
    expect(rangeTarget(KPI_DEFS.followers, 100_000, 3)).toBe(100_000)
  })
})
