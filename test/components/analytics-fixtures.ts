import { forecastText } from '../../core/analytics/growth'
import type { Forecast } from '../../core/analytics/forecast'
import type { Dashboard, FunnelView, GrowthView, KpiCard, ResolvedRange } from '../../core/analytics/schemas'
import type { TargetHistoryEntry, TargetView } from '../../core/analytics/targetSchemas'

export function card(overrides: Partial<KpiCard> & Pick<KpiCard, 'kpi' | 'label'>): KpiCard {
  return {
    unit: 'ratio',
    reviewedEvery: 'quarter',
    value: 0.35,
    display: '35.0%',
    target: 0.5,
    targetDisplay: '≥ 50.0%',
    horizonText: null,
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

/** 直播转化率: a median per session, with the share of sessions at target under the value. */
export const LIVE = card({
  kpi: 'liveConversion',
  label: '直播转化率',
  reviewedEvery: 'month',
  value: 0.05,
  display: '5.0%',
  target: 0.08,
  targetDisplay: '≥ 8.0%',
  note: '达标场次 1/3（33.3%）；1 场无观看人数未计入',
  trend: [0.09, null, 0.03, 0.05],
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
    alerts: [],
    generatedAt: '2026-11-27T02:00:00.000Z',
  }
}

export function target(overrides: Partial<TargetView> & Pick<TargetView, 'kpi' | 'label'>): TargetView {
  return {
    unit: 'ratio',
    unitWord: '',
    perWeek: false,
    value: 0.5,
    direction: 'higher',
    tolerance: 0.1,
    reviewedEvery: 'quarter',
    horizon: '任意范围同一目标',
    version: 1,
    updatedAt: null,
    updatedByName: null,
    ownerId: null,
    ownerName: null,
    ...overrides,
  }
}

export const TARGETS: TargetView[] = [
  target({ kpi: 'completionRate', label: '完播率' }),
  target({ kpi: 'paidShare', label: '投流占比', value: 0.4, direction: 'lower', reviewedEvery: 'month' }),
]

export const HISTORY: TargetHistoryEntry[] = [
  { kpi: 'completionRate', value: 0.5, previousValue: 0.45, tolerance: 0.1, previousTolerance: 0.1, reason: '行业头部已到 55%', analysisId: null, trigger: 'edit', triggerLabel: '调整', periodLabel: null, byName: '陈静', at: '2026-10-01T02:00:00.000Z' },
]

const WEEK: ResolvedRange = { kind: 'week', from: '2026-11-23', to: '2026-11-29', days: 7, label: '本周 11-23 至 11-29' }

/**
 * A week's funnel as `analytics.funnel` answers it: 关注→咨询 (15.0%) is the lowest step rate; last period's
 * lowest was 播放→完播. With a channel the function adds its note (core/analytics/funnelRollups.ts channelNote).
 */
export function funnelView(filters: FunnelView['filters'] = {}): FunnelView {
  return {
    range: WEEK,
    filters,
    stages: [
      { step: 'exposure', label: '曝光', count: 12000, rate: null, rateDisplay: '—', previousRate: null },
      { step: 'play', label: '播放', count: 4800, rate: 0.4, rateDisplay: '40.0%', previousRate: 0.38 },
      { step: 'completion', label: '完播', count: 1680, rate: 0.35, rateDisplay: '35.0%', previousRate: 0.3 },
      { step: 'interaction', label: '互动', count: 720, rate: 0.4286, rateDisplay: '42.9%', previousRate: 0.4 },
      { step: 'follow', label: '关注', count: 240, rate: 0.3333, rateDisplay: '33.3%', previousRate: 0.35 },
      { step: 'inquiry', label: '咨询', count: 36, rate: 0.15, rateDisplay: '15.0%', previousRate: null },
      { step: 'order', label: '成交', count: 9, rate: 0.25, rateDisplay: '25.0%', previousRate: 0.5 },
    ],
    biggestDrop: { text: '最大流失：关注→咨询', rateDisplay: '15.0%' },
    previousBiggestDrop: { text: '最大流失：播放→完播', rateDisplay: '30.0%' },
    options: {
      format: [{ value: 'short_video', label: '短视频' }, { value: 'livestream', label: '直播' }],
      layer: [{ value: 'intro', label: '基础认知' }, { value: 'value', label: '深度价值' }],
      category: [{ value: 'brand', label: '品牌动态' }],
      channel: [{ value: 'wecom', label: '企业微信' }],
    },
    ...(filters.channel
      ? { note: '来源渠道只记录在线索上：「咨询」为企业微信的线索数，不计转化率；曝光至关注为所选内容的全部数据（内容不区分渠道）；成交没有按渠道记录，不显示。' }
      : {}),
  }
}

/**
 * A week of follower growth with promotion spend logged (¥3.00 per paid follower). Rates and the fitted
 * pace are raw floats, as the function computes them; the forecast words come from core, as the function's do.
 */
export function growthView(): GrowthView {
  const forecast: Forecast = { kind: 'on_pace', day: '2027-03-02', perDay: 155.34, method: '按最近 4 周粉丝总数的线性拟合（最小二乘）推算' }
  return {
    range: WEEK,
    series: [
      { day: '2026-11-23', total: 85190, netAdds: 0, organic: 0, paid: 0 },
      { day: '2026-11-24', total: 85800, netAdds: 610, organic: 210, paid: 400 },
      { day: '2026-11-25', total: 86420, netAdds: 620, organic: 220, paid: 400 },
    ],
    total: 86420,
    netAdds: 1230,
    growthRate: 1230 / 85190,
    organic: 430,
    paid: 800,
    paidShare: 800 / 1230,
    spendFen: 240000,
    costPerFollowerFen: 300,
    target: 100000,
    forecast,
    forecastText: forecastText(forecast, 100000),
  }
}
