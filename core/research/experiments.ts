// A/B experiments (PRODUCT.md capability 9, issue 12): what an experiment is, what the actions take and
// what pages receive. The statistics are in ./stats.ts and ./verdict.ts (cloud side only); how a metric's
// successes and trials come from logged numbers is in ./metrics.ts; planning and the list line in ./plan.ts.
import { z } from 'zod'
import { countSchema, dayKeySchema, idSchema, versionSchema, visibleText } from '../atoms'
import { formatCount, formatNumber } from '../format'
import type { DayKey } from '../time/china'
import type { Verdict } from './verdict'

/** The one variable an experiment changes; free text is allowed too (the picker offers these). */
export const EXPERIMENT_VARIABLES = ['发布时间', '封面', '标题', '开头3秒', '时长', '话题', '推送时机'] as const

/** The proportions an experiment can compare (a rate of successes over trials). */
export const EXPERIMENT_METRICS = ['completionRate', 'interactionRate', 'openRate', 'conversionRate'] as const
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number]

export const METRIC_LABELS: Record<ExperimentMetric, string> = {
  completionRate: '完播率',
  interactionRate: '互动率',
  openRate: '打开率',
  conversionRate: '转化率',
}

/** Where a variant's numbers come from: the snapshots of its content items, or sent/opened counts logged per day. */
export const VARIANT_SOURCES = ['items', 'counts'] as const
export type VariantSource = (typeof VARIANT_SOURCES)[number]
export const VARIANT_SOURCE_LABELS: Record<VariantSource, string> = { items: '内容数据', counts: '推送计数' }

/** 打开率 is measured on pushes (counts); the other metrics on content items' snapshots. */
export const sourceOfMetric = (m: ExperimentMetric): VariantSource => (m === 'openRate' ? 'counts' : 'items')

export const EXPERIMENT_STATUSES = ['draft', 'running', 'ended'] as const
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number]
export const STATUS_LABELS: Record<ExperimentStatus, string> = { draft: '草稿', running: '进行中', ended: '已结束' }

export const DECISION_CHOICES = ['adopt', 'abandon', 'retest'] as const
export type DecisionChoice = (typeof DECISION_CHOICES)[number]
export const DECISION_LABELS: Record<DecisionChoice, string> = { adopt: '采用', abandon: '放弃', retest: '再测' }

/** Variants are keyed A, B, C… in order; the first is the control. */
export const VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const MAX_VARIANTS = VARIANT_KEYS.length
/** Content items per experiment, all variants together (their series are read with every view). */
export const MAX_EXPERIMENT_ITEMS = 20
/** Experiments listed per page. */
export const EXPERIMENTS_PAGE = 10
/** Days of rollups the baseline is measured over, and the days the daily volume is averaged over. */
export const BASELINE_DAYS = 28
export const VOLUME_DAYS = 14

/**
 * A difference in percentage points, as plans state it.
 *
 * @example
 * pointsText(0.05)  //=> '5 个百分点'
 * pointsText(0.025) //=> '2.5 个百分点'
 */
export function pointsText(mde: number): string {
  const points = Math.round(mde * 1000) / 10
  return `${formatNumber(points, Number.isInteger(points) ? 0 : 1)} 个百分点`
}

// ---- inputs ----

const metricSchema = (label: string) => z.enum(EXPERIMENT_METRICS).describe(label)

export const variantInput = z
  .object({
    name: visibleText('组名', 20),
    source: z.enum(VARIANT_SOURCES).describe('数据来源'),
    itemIds: z.array(idSchema('内容')).max(MAX_EXPERIMENT_ITEMS, `最多 ${MAX_EXPERIMENT_ITEMS} 条`).optional().describe('内容'),
    /** Planned share of traffic (relative weight); equal weights mean an even split. */
    weight: z.number().int('应为整数').min(1, '至少为 1').max(100, '最大 100').optional().describe('流量权重'),
  })
  .strict()
export type VariantInput = z.input<typeof variantInput>

/** What a planning preview and a draft share: the metric, the effect to detect and the optional entered numbers. */
const planFields = {
  metric: metricSchema('主要指标'),
  /** Minimum detectable effect, absolute (0.05 = 5 percentage points). */
  mde: z.number().gt(0, '应大于 0').max(0.5, '最大 50 个百分点').describe('最小可检测差异'),
  /** A baseline rate entered by the operator, used when the rollups do not have the metric. */
  baseline: z.number().gt(0, '应大于 0').lt(1, '应小于 100%').optional().describe('基线'),
  /** Pushes expected per day, all variants together (打开率 only: the rollups know nothing of pushes). */
  dailySends: countSchema('预计每日推送量', 100_000_000).optional(),
}

export const planExperimentInput = z
  .object({ ...planFields, variants: z.number().int().min(2).max(MAX_VARIANTS).optional().describe('组数') })
  .strict()

const experimentShape = z
  .object({
    title: visibleText('实验名称', 40),
    hypothesis: visibleText('假设', 200),
    variable: visibleText('变量', 20),
    ...planFields,
    guardrail: metricSchema('护栏指标').nullable().optional(),
    variants: z.array(variantInput).min(2, '至少两组').max(MAX_VARIANTS, `最多 ${MAX_VARIANTS} 组`).describe('实验组'),
  })
  .strict()

/** Cross-field rules of an experiment; the refusal's path names the field (parseInput puts its label in front). */
function experimentRules(v: z.infer<typeof experimentShape>, ctx: z.RefinementCtx): void {
  const refuse = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  if (v.guardrail && v.guardrail === v.metric) refuse(['guardrail'], '不能与主要指标相同')
  const wanted = sourceOfMetric(v.metric)
  const seen = new Set<string>()
  let items = 0
  v.variants.forEach((variant, i) => {
    if (variant.source !== wanted) {
      refuse(['variants', i, 'source'], `${METRIC_LABELS[v.metric]}要用${VARIANT_SOURCE_LABELS[wanted]}`)
    }
    const ids = variant.itemIds ?? []
    if (variant.source === 'items' && !ids.length) refuse(['variants', i, 'itemIds'], '请至少选择一条内容')
    if (variant.source === 'counts' && ids.length) refuse(['variants', i, 'itemIds'], '推送计数的组不选内容')
    ids.forEach((id, j) => {
      if (seen.has(id)) refuse(['variants', i, 'itemIds', j], '同一条内容只能在一个组里')
      seen.add(id)
    })
    items += ids.length
  })
  if (items > MAX_EXPERIMENT_ITEMS) refuse(['variants'], `全部组合计最多 ${MAX_EXPERIMENT_ITEMS} 条内容`)
  const names = v.variants.map((x) => x.name.trim())
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) refuse(['variants', i, 'name'], '不能与其他组重名')
  })
}

export const createExperimentInput = experimentShape.superRefine(experimentRules)
export type CreateExperimentInput = z.input<typeof createExperimentInput>

export const updateExperimentInput = experimentShape
  .extend({ id: idSchema('实验'), version: versionSchema })
  .strict()
  .superRefine((v, ctx) => experimentRules(v, ctx))

export const experimentsInput = z
  .object({
    status: z.enum(EXPERIMENT_STATUSES).describe('状态'),
    page: z.number().int().min(0).max(500).optional().describe('页码'),
  })
  .strict()

export const experimentInput = z.object({ id: idSchema('实验') }).strict()

export const changeStatusInput = z.object({ id: idSchema('实验'), version: versionSchema }).strict()

/** One day's push counts of one variant; a later entry for the same variant and day supersedes it. */
export const logVariantCountsInput = z
  .object({
    experimentId: idSchema('实验'),
    variantKey: z.enum(VARIANT_KEYS).describe('实验组'),
    day: dayKeySchema('日期'),
    sent: countSchema('推送'),
    opened: countSchema('打开'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.opened > v.sent) ctx.addIssue({ code: 'custom', path: ['opened'], message: `不能大于推送（${formatCount(v.sent)}）` })
  })
export type LogVariantCountsInput = z.input<typeof logVariantCountsInput>

export const decideExperimentInput = z
  .object({
    id: idSchema('实验'),
    version: versionSchema,
    choice: z.enum(DECISION_CHOICES).describe('决策'),
    /** The variant adopted (采用 only). */
    variantKey: z.enum(VARIANT_KEYS).optional().describe('采用的组'),
    learning: visibleText('结论与经验', 500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.choice === 'adopt' && !v.variantKey) ctx.addIssue({ code: 'custom', path: ['variantKey'], message: '请选择采用哪一组' })
    if (v.choice !== 'adopt' && v.variantKey) ctx.addIssue({ code: 'custom', path: ['variantKey'], message: '只有「采用」时选择' })
  })

// ---- views (what pages receive) ----

export type BaselineSource = 'rollups' | 'entered'

/** A plan before (and as) an experiment runs: the baseline, the sample each variant needs and about how long it takes. */
export interface PlanView {
  metric: ExperimentMetric
  baseline: number | null
  baselineSource: BaselineSource | null
  mde: number
  needPerVariant: number | null
  /** Trials a day, all variants together (the metric's denominator from the rollups, or the entered pushes). */
  dailyTrials: number | null
  estimatedDays: number | null
  /** e.g. "基线 35.0%（近 28 天日汇总）", "每组约需 1,234 次播放", "约 12 天" or "—". */
  baselineText: string
  needText: string
  daysText: string
}

export interface VariantLastEntry {
  day: DayKey
  sent: number
  opened: number
  byName: string
  at: string
}

export interface VariantView {
  /** A, B, C… in order; the first is the control. */
  key: string
  name: string
  source: VariantSource
  items: { id: string; title: string }[]
  /** Planned traffic weight (relative). */
  weight: number
  control: boolean
  successes: number
  trials: number
  /** Counts variants: the entry logged last (what the 录入数据 form shows). */
  lastEntry: VariantLastEntry | null
}

export interface DecisionView {
  choice: DecisionChoice
  choiceLabel: string
  variantKey: string | null
  learning: string
  byName: string
  at: string
}

export interface ExperimentSummary {
  id: string
  title: string
  variable: string
  metric: ExperimentMetric
  metricLabel: string
  status: ExperimentStatus
  statusLabel: string
  startDay: DayKey | null
  endDay: DayKey | null
  variantNames: string[]
  /** One line of where it stands, e.g. "进行中 · 样本 62% · 暂无结论" or "已结束 · 采用 B". */
  stateLine: string
}

export interface ExperimentPage {
  list: ExperimentSummary[]
  hasMore: boolean
}

export interface ExperimentView extends ExperimentSummary {
  version: number
  hypothesis: string
  guardrail: ExperimentMetric | null
  guardrailLabel: string | null
  plan: PlanView
  variants: VariantView[]
  verdict: Verdict
  /** The guardrail compared the same way, against the same planned sample; null without a guardrail or its numbers. */
  guardrailVerdict: Verdict | null
  decision: DecisionView | null
  createdByName: string
  /** What the form fields were (for editing a draft). */
  entered: { baseline: number | null; dailySends: number | null }
}
