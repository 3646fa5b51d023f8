import type { Dashboard, KpiCard, TargetHistoryEntry, TargetView } from '../../core/analytics/schemas'

export function card(overrides: Partial<KpiCard> & Pick<KpiCard, 'kpi' | 'label'>): KpiCard {
  return {
    unit: 'ratio',
    value: 0.35,
    display: '35.0%',
    target: 0.5,
    targetDisplay: '≥ 50.0%',
    direction: 'higher',
    light: 'red',
    previous: 0.36,
    change: -0.03,
    changeDisplay: '较上期 -3%',
    trend: [0.34, 0.36, null, 0.35],
    asOf: '2026-11-26',
    asOfText: '数据截至 11-26',
    ...overrides,
  }
}

export const COMPLETION = card({ kpi: 'completionRate', label: '完播率' })
export const PAID = card({
  kpi: 'paidShare',
  label: '投流占比',
  value: 0.7,
  display: '70.0%',
  target: 0.4,
  targetDisplay: '≤ 40.0%',
  direction: 'lower',
  change: 0.05,
  changeDisplay: '较上期 +5%',
})
export const OUTPUT = card({
  kpi: 'output',
  label: '发布数',
  unit: 'count',
  value: 5,
  display: '5 条',
  target: 5,
  targetDisplay: '≥ 5 条',
  light: 'green',
  change: 0.25,
  changeDisplay: '较上期 +25%',
  trend: [1, 0, 2, 2],
})

export function dashboard(range: Dashboard['range']['kind'] = 'week', cards: KpiCard[] = [COMPLETION, PAID, OUTPUT]): Dashboard {
  return {
    range: { kind: range, from: '2026-11-23', to: '2026-11-29', days: 7, label: range === 'today' ? '今日 11-27' : '本周 11-23 至 11-29' },
    previous: { from: '2026-11-16', to: '2026-11-22' },
    cards,
    asOf: {
      latestDay: '2026-11-26',
      missing: [{ id: 'item_a7', title: '新款空气净化器 A7 上市', publishedDay: '2026-11-25', lastDay: null }],
      missingCount: 1,
      text: '数据截至 11-26 · 1 条内容缺少昨日数据',
    },
    generatedAt: '2026-11-27T02:00:00.000Z',
  }
}

export function target(overrides: Partial<TargetView> & Pick<TargetView, 'kpi' | 'label'>): TargetView {
  return {
    unit: 'ratio',
    value: 0.5,
    direction: 'higher',
    tolerance: 0.1,
    reviewedEvery: 'quarter',
    version: 1,
    updatedAt: null,
    updatedByName: null,
    ...overrides,
  }
}

export const TARGETS: TargetView[] = [
  target({ kpi: 'completionRate', label: '完播率' }),
  target({ kpi: 'paidShare', label: '投流占比', value: 0.4, direction: 'lower', reviewedEvery: 'month' }),
]

export const HISTORY: TargetHistoryEntry[] = [
  { kpi: 'completionRate', value: 0.5, previousValue: 0.45, tolerance: 0.1, previousTolerance: 0.1, reason: '行业头部已到 55%', byName: '陈静', at: '2026-10-01T02:00:00.000Z' },
]
