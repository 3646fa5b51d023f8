import { CATEGORY_LABELS, FORMAT_LABELS, LAYER_LABELS } from '../content/schemas'
import { CHANNEL_LABELS, type Channel, type Sums } from '../results/metrics'
import type { DayRollup } from '../results/rollup'
import type { DayKey } from '../time/china'
import { funnel, FUNNEL_LABELS, FUNNEL_STEPS, type Funnel, type FunnelStep } from './funnel'
import { formatPercent } from '../format'

/**
 * The funnel of PRODUCT.md capability 5 read from daily rollups. Every step comes from the post sums of
 * the rollups (the team's `total`, or one value of a content dimension in `by`), except with a channel
 * filter: lead sources (渠道) exist only for the leads log, so that filter can only narrow the inquiry step.
 */
export type ContentDim = 'format' | 'layer' | 'category'
export const CONTENT_DIMS: readonly ContentDim[] = ['format', 'layer', 'category']
export const CONTENT_DIM_LABELS: Record<ContentDim, string> = { format: '形式', layer: '内容层级', category: '选题分类' }

export interface FunnelFilters {
  format?: string
  layer?: string
  category?: string
  channel?: Channel
}

/** What a step counts, from a day's post sums. */
const STEP_SUMS: Record<FunnelStep, (s: Sums) => number> = {
  exposure: (s) => s.impressions ?? 0,
  play: (s) => s.plays ?? 0,
  completion: (s) => s.completions ?? 0,
  interaction: (s) => (s.likes ?? 0) + (s.comments ?? 0) + (s.shares ?? 0) + (s.favorites ?? 0),
  follow: (s) => (s.newFollowersOrganic ?? 0) + (s.newFollowersPaid ?? 0),
  inquiry: (s) => s.inquiries ?? 0,
  order: (s) => s.orders ?? 0,
}

/** The keys the post steps read (what makes a dimension value count as "having data" for the pickers). */
const FUNNEL_SUM_KEYS = ['impressions', 'plays', 'completions', 'likes', 'comments', 'shares', 'favorites', 'newFollowersOrganic', 'newFollowersPaid', 'inquiries', 'orders'] as const

/**
 * The one content dimension a filter names, or an error text when it names several: rollups keep
 * each dimension's sums separately (by.format, by.layer, by.category), not their combinations, so
 * "short videos in the intro layer" cannot be read from them.
 */
export function contentFilter(f: FunnelFilters): { dim: ContentDim; value: string } | null | { error: { path: ContentDim; message: string } } {
  const named = CONTENT_DIMS.filter((d) => f[d] !== undefined)
  if (named.length > 1) {
    const path = named[1]
    return { error: { path, message: `${CONTENT_DIM_LABELS[path]}：一次只能按形式、内容层级、选题分类中的一项筛选` } }
  }
  return named.length ? { dim: named[0], value: f[named[0]]! } : null
}

export interface FunnelCounts {
  /** Counts per step; `order` is absent with a channel filter (orders are not recorded per lead source). */
  counts: Partial<Record<FunnelStep, number>>
  /** Steps whose count is the channel's leads (not comparable to the step before). */
  channelSteps: FunnelStep[]
}

/**
 * Sums the funnel's steps over the days of `rollups` whose day lies in [from, to].
 *
 * @example
 * const r = { day: '2026-11-01', total: { impressions: 1000, plays: 400 }, by: { format: {}, layer: {}, category: {}, channel: { wecom: { leads: 3 } } }, followers: null }
 * funnelCounts([r], '2026-11-01', '2026-11-01', {}).counts.play          //=> 400
 * funnelCounts([r], '2026-11-01', '2026-11-01', { channel: 'wecom' }).counts.inquiry //=> 3
 */
export function funnelCounts(rollups: readonly DayRollup[], from: DayKey, to: DayKey, filters: FunnelFilters): FunnelCounts {
  const content = contentFilter(filters)
  if (content && 'error' in content) throw new Error(content.error.message)
  const counts = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Record<FunnelStep, number>
  let leads = 0
  for (const r of rollups) {
    if (r.day < from || r.day > to) continue
    const sums = content ? r.by[content.dim]?.[content.value] : r.total
    if (sums) for (const step of FUNNEL_STEPS) counts[step] += STEP_SUMS[step](sums)
    if (filters.channel) leads += r.by.channel?.[filters.channel]?.leads ?? 0
  }
  if (!filters.channel) return { counts, channelSteps: [] }
  const { order: _none, ...rest } = counts
  return { counts: { ...rest, inquiry: leads }, channelSteps: ['inquiry'] }
}

export interface FunnelStageOut {
  step: FunnelStep
  label: string
  count: number
  rate: number | null
  rateDisplay: string
}

export interface FunnelResult {
  stages: FunnelStageOut[]
  biggestDrop: { text: string; rateDisplay: string } | null
}

/**
 * Step rates and the biggest drop-off of counts from `funnelCounts`. A channel's lead count has no rate:
 * it is not a subset of the account-wide step before it, so dividing would invent a conversion.
 *
 * @example
 * funnelResult({ counts: { exposure: 1000, play: 400, completion: 140, interaction: 60, follow: 20, inquiry: 5, order: 1 }, channelSteps: [] }).biggestDrop
 * //=> { text: '最大流失：咨询→成交', rateDisplay: '20.0%' }
 */
export function funnelResult(c: FunnelCounts): FunnelResult {
  const shown = FUNNEL_STEPS.filter((s) => c.counts[s] !== undefined)
  // funnel() rates each step against the one before; unrated (channel) steps are given no base.
  const base = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, c.counts[s] ?? 0])) as Record<FunnelStep, number>
  const f: Funnel = funnel(base)
  const stages = f.stages
    .filter((s) => shown.includes(s.step))
    .map((s) => {
      const rate = c.channelSteps.includes(s.step) ? null : s.rate
      return { step: s.step, label: FUNNEL_LABELS[s.step], count: s.count, rate, rateDisplay: formatPercent(rate) }
    })
  let drop: FunnelStageOut | null = null
  let from: FunnelStageOut | null = null
  for (let i = 1; i < stages.length; i++) {
    const r = stages[i].rate
    if (r === null) continue
    if (!drop || r < drop.rate!) {
      drop = stages[i]
      from = stages[i - 1]
    }
  }
  return {
    stages,
    biggestDrop: drop && from ? { text: `最大流失：${from.label}→${drop.label}`, rateDisplay: formatPercent(drop.rate) } : null,
  }
}

/** Why a channel-filtered funnel looks the way it does (shown under it). */
export function channelNote(channel: Channel): string {
  return `来源渠道只记录在线索上：「咨询」为${CHANNEL_LABELS[channel]}的线索数，不计转化率；曝光至关注为所选内容的全部数据（内容不区分渠道）；成交没有按渠道记录，不显示。`
}

export type FilterOption = { value: string; label: string }

const UNKNOWN_LABEL = '未分类'

/** Chinese label of a dimension value ('unknown' is where rollups count items that have vanished). */
export function dimLabel(dim: ContentDim | 'channel', value: string): string {
  const table: Record<string, string> = dim === 'format' ? FORMAT_LABELS : dim === 'layer' ? LAYER_LABELS : dim === 'category' ? CATEGORY_LABELS : CHANNEL_LABELS
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value] : value === 'unknown' ? UNKNOWN_LABEL : value
}

/**
 * The filter values with data in [from, to], in the order the app lists them (its own constants first).
 *
 * @example
 * funnelOptions([{ day: '2026-11-01', total: {}, by: { format: { short_video: { plays: 3 } }, layer: {}, category: {}, channel: {} }, followers: null }], '2026-11-01', '2026-11-01').format
 * //=> [{ value: 'short_video', label: '短视频' }]
 */
export function funnelOptions(rollups: readonly DayRollup[], from: DayKey, to: DayKey): Record<ContentDim | 'channel', FilterOption[]> {
  const seen: Record<ContentDim | 'channel', Set<string>> = { format: new Set(), layer: new Set(), category: new Set(), channel: new Set() }
  for (const r of rollups) {
    if (r.day < from || r.day > to) continue
    for (const dim of CONTENT_DIMS) {
      for (const [value, sums] of Object.entries(r.by[dim] ?? {})) if (FUNNEL_SUM_KEYS.some((k) => sums[k])) seen[dim].add(value)
    }
    for (const [value, sums] of Object.entries(r.by.channel ?? {})) if (sums.leads) seen.channel.add(value)
  }
  const order: Record<ContentDim | 'channel', readonly string[]> = {
    format: Object.keys(FORMAT_LABELS),
    layer: Object.keys(LAYER_LABELS),
    category: Object.keys(CATEGORY_LABELS),
    channel: Object.keys(CHANNEL_LABELS),
  }
  const rank = (dim: ContentDim | 'channel', v: string) => {
    const i = order[dim].indexOf(v)
    return i === -1 ? order[dim].length : i
  }
  const list = (dim: ContentDim | 'channel') =>
    [...seen[dim]].sort((a, b) => rank(dim, a) - rank(dim, b) || a.localeCompare(b)).map((value) => ({ value, label: dimLabel(dim, value) }))
  return { format: list('format'), layer: list('layer'), category: list('category'), channel: list('channel') }
}
