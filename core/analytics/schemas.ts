import { z } from 'zod'
import { CHANNELS, type Channel } from '../results/metrics'
import { countSchema, dayKeySchema } from '../atoms'
import { RANGE_KINDS, type RangeKind } from './range'
import type { DayKey } from '../time/china'
import type { FunnelStep } from './funnel'
import type { GrowthSummary } from './growth'
import type { Direction, Light } from './kpi'
import type { AlertView } from './alerts'

/**
 * The dashboard's KPIs (PRODUCT.md capability 4 and the baseline/target table). Count KPIs (output,
 * netAdds, inquiries) have weekly targets, scaled to the range's length (target × days / 7).
 */
export const KPIS = [
  'output',
  'completionRate',
  'interactionRate',
  'followers',
  'netAdds',
  'organicGrowthRate',
  'paidGrowthRate',
  'paidShare',
  'inquiries',
  'orderConversion',
  'liveConversion',
  'cycleHours',
  'freshnessHours',
  'firstPassRate',
  'introShare',
  'followerGrowthRate',
  'likeRate',
  'commentRate',
  'avgOrderValue',
  'liveShare',
  'imageTextShare',
  'pathSteps',
] as const
export type KpiKey = (typeof KPIS)[number]

/** How a KPI's value reads: a count, a ratio (0..1, shown as %), or hours. */
export type KpiUnit = 'count' | 'ratio' | 'hours'


/** today / this ISO week / this calendar month (China time), or a custom from..to of at most 92 days. */
export const rangeInput = z
  .object({
    range: z.enum(RANGE_KINDS).describe('时间范围'),
    from: dayKeySchema('开始日期').optional(),
    to: dayKeySchema('结束日期').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.range !== 'custom') return
    if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始日期：自定义范围必填' })
    if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期：自定义范围必填' })
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期：不能早于开始日期' })
  })
export type RangeInput = z.input<typeof rangeInput>

export const dashboardInput = rangeInput

export const kpiDetailInput = z.object({ kpi: z.enum(KPIS).describe('指标'), range: rangeInput.innerType() }).strict()

export const funnelInput = z
  .object({
    range: rangeInput.innerType(),
    format: z.string().trim().min(1).max(32).optional().describe('形式'),
    layer: z.string().trim().min(1).max(32).optional().describe('内容层级'),
    category: z.string().trim().min(1).max(32).optional().describe('选题分类'),
    channel: z.enum(CHANNELS).optional().describe('来源渠道'),
  })
  .strict()

export const growthInput = z.object({ range: rangeInput.innerType() }).strict()

/** Promotion spend (投流花费) for one day, in fen; a later entry for the same day supersedes the earlier. */
export const logSpendInput = z
  .object({
    date: dayKeySchema('日期'),
    amountFen: countSchema('投流花费', 100_000_000_000),
  })
  .strict()

// ---- views (what pages receive: summaries only) ----

export interface ResolvedRange {
  kind: RangeKind
  from: DayKey
  to: DayKey
  days: number
  /** e.g. "本周 11-23 至 11-29" */
  label: string
}

export interface KpiCard {
  kpi: KpiKey
  label: string
  unit: KpiUnit
  /** 'quarter': a core KPI (核心目标); 'month': an auxiliary one (辅助目标). */
  reviewedEvery: 'quarter' | 'month'
  value: number | null
  /** Formatted for reading: "35.2%", "12 条", "30.5 小时", "—". */
  display: string
  /** 本期目标: the target for this range (scaled to its length; on the plan's ramp at its last day). */
  target: number | null
  targetDisplay: string
  /** Where the target comes from: "终期 ≥ 50.0% · 2027-03-01 截止", "基线 300 次/周 +200%", "按每周 ≥ 5 条折算"; null when plain. */
  horizonText: string | null
  /** A line under the value for KPIs that need one: 直播转化率's "达标场次 3/5（60.0%）". */
  note?: string
  direction: Direction
  light: Light
  previous: number | null
  /** vs the previous equal period, as a ratio (0.25 = +25%); null when there is no base. */
  change: number | null
  changeDisplay: string
  /** One value per day of the range (per week when the range is longer than 31 days); null where there is no data. */
  trend: (number | null)[]
  /** Latest day in the range with data behind this card, or null. */
  asOf: DayKey | null
  /** e.g. "数据截至 11-26" or "暂无数据". */
  asOfText: string
  /** The two-week rule's stored verdicts for the last completed weeks, oldest first (the dashboard adds them). */
  weeks?: WeekMark[]
}

/** One completed week's verdict on a card: "W47 达标". */
export interface WeekMark {
  week: string
  verdict: 'hit' | 'miss' | 'missing' | 'untargeted'
  label: string
}

export interface MissingItem {
  id: string
  title: string
  /** The item's owner (负责人), who sees that its numbers get logged. */
  ownerId?: string
  publishedDay: DayKey
  /** Last day with numbers logged, or null when never. */
  lastDay: DayKey | null
}

export interface DataAsOf {
  /** Latest metrics day with any post numbers logged. */
  latestDay: DayKey | null
  /** Published items (last 14 days) without numbers for yesterday or today, at most 20. */
  missing: MissingItem[]
  missingCount: number
  text: string
}

export interface Dashboard {
  range: ResolvedRange
  previous: { from: DayKey; to: DayKey }
  cards: KpiCard[]
  asOf: DataAsOf
  /** Open and recovering alerts of the two-week rule, shown above the cards. */
  alerts: AlertView[]
  generatedAt: string
}

export interface DetailPoint {
  day: DayKey
  value: number | null
  display: string
}

export interface Mover {
  itemId: string
  title: string
  /** What this item added to the KPI's numerator in the range, e.g. completions. */
  amount: number
  display: string
}

/** One part of a ratio KPI in the range, e.g. 内容合格率 at one review gate. */
export interface KpiPart {
  key: string
  label: string
  /** hits ÷ total; null when total is 0. */
  value: number | null
  hits: number
  total: number
  /** e.g. "75.0%（3/4）", or "—". */
  display: string
}

export interface KpiDetail {
  card: KpiCard
  series: DetailPoint[]
  /** The items that moved the KPI most in the range (at most 5); empty for account-level KPIs. */
  movers: Mover[]
  /** How it is computed, in words, e.g. "完播率 = 完播次数 ÷ 播放次数（按日差分汇总）". */
  formula: string
  /** The KPI split into its parts for the range (内容合格率: per review gate); absent for KPIs not split. */
  parts?: { title: string; rows: KpiPart[] }
}

export interface FunnelStageView {
  step: FunnelStep
  label: string
  count: number
  rate: number | null
  rateDisplay: string
  previousRate: number | null
}

export interface FunnelView {
  range: ResolvedRange
  filters: { format?: string; layer?: string; category?: string; channel?: Channel }
  stages: FunnelStageView[]
  biggestDrop: { text: string; rateDisplay: string } | null
  previousBiggestDrop: { text: string; rateDisplay: string } | null
  /** Filter values that have data in the range, with Chinese labels, for the filter pickers. */
  options: Record<'format' | 'layer' | 'category' | 'channel', { value: string; label: string }[]>
  /**
   * Set when a filter changes what the steps mean: a channel (来源渠道) exists only on leads, so with one
   * the 咨询 step is that channel's leads (no rate), the steps before it are unfiltered by channel, and 成交 is left out.
   */
  note?: string
}

export interface GrowthPoint {
  day: DayKey
  total: number | null
  netAdds: number
  organic: number
  paid: number
}

/** The growth page: the range's summary (growth.ts) as the page reads it, with the follower target and the forecast in words. */
export interface GrowthView extends Omit<GrowthSummary, 'series' | 'startTotal'> {
  range: ResolvedRange
  series: GrowthPoint[]
  target: number
  forecastText: string
}

export interface SpendView {
  id: string
  date: DayKey
  amountFen: number
  supersedes: string | null
}
