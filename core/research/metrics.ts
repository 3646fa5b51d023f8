// How an experiment's metric turns logged numbers into successes over trials — the same formulas as the
// KPI table (core/analytics/kpiDefsCore.ts): 完播率 = 完播 ÷ 播放, 互动率 = (点赞 + 评论 + 转发 + 收藏) ÷ 播放,
// 转化率 = 订单 ÷ 咨询 (the table's 咨询成交率), and 打开率 = 打开 ÷ 推送 from the counts logged per variant.
import type { Sums } from '../results/metrics'
import type { SnapshotMetrics } from '../results/schemas'
import type { ExperimentMetric } from './experiments'

export interface Tally {
  successes: number
  trials: number
}

/** The words of a metric's two numbers, for sentences like "每组约需 1,234 次播放". */
export const TRIAL_WORDS: Record<ExperimentMetric, string> = {
  completionRate: '播放',
  interactionRate: '播放',
  openRate: '推送',
  conversionRate: '咨询',
}

const INTERACTIONS = ['likes', 'comments', 'shares', 'favorites'] as const

/**
 * A proportion needs successes ≤ trials. Interactions can outnumber plays (one viewer likes and shares) and
 * orders can outnumber inquiries (orders without one): such a count is capped at its trials, i.e. read as
 * "every trial succeeded", rather than giving the statistics a rate above 100%.
 */
function tally(successes: number, trials: number): Tally {
  return { successes: Math.min(successes, trials), trials }
}

/**
 * The metric read off one item's cumulative snapshot, or null when that snapshot does not know the metric's
 * numbers (a field worker may log plays alone).
 *
 * @example
 * tallyOfSnapshot('completionRate', { plays: 200, completions: 70 }) //=> { successes: 70, trials: 200 }
 * tallyOfSnapshot('completionRate', { plays: 200 }) //=> null
 * tallyOfSnapshot('interactionRate', { plays: 100, likes: 8, shares: 2 }) //=> { successes: 10, trials: 100 }
 * tallyOfSnapshot('conversionRate', { plays: 100, inquiries: 10, orders: 3 }) //=> { successes: 3, trials: 10 }
 */
export function tallyOfSnapshot(metric: ExperimentMetric, m: SnapshotMetrics): Tally | null {
  switch (metric) {
    case 'completionRate':
      return m.completions === undefined ? null : tally(m.completions, m.plays)
    case 'interactionRate': {
      const known = INTERACTIONS.filter((k) => m[k] !== undefined)
      return known.length ? tally(known.reduce((t, k) => t + (m[k] as number), 0), m.plays) : null
    }
    case 'conversionRate':
      return m.inquiries === undefined || m.orders === undefined ? null : tally(m.orders, m.inquiries)
    case 'openRate':
      return null
  }
}

/**
 * A variant's tally over its content items: each item's latest snapshot in force that knows the metric
 * (series oldest first, as stored), summed. Items with no such snapshot add nothing and are counted apart.
 *
 * @example
 * itemsTally('completionRate', [
 *   [{ metrics: { plays: 100, completions: 30 } }, { metrics: { plays: 150 } }],
 *   [{ metrics: { plays: 50, completions: 20 } }],
 *   [],
 * ]) //=> { successes: 50, trials: 150, itemsWithData: 2 }
 */
export function itemsTally(metric: ExperimentMetric, series: readonly (readonly { metrics: SnapshotMetrics }[])[]): Tally & { itemsWithData: number } {
  const out = { successes: 0, trials: 0, itemsWithData: 0 }
  for (const points of series) {
    for (let i = points.length - 1; i >= 0; i--) {
      const t = tallyOfSnapshot(metric, points[i].metrics)
      if (!t) continue
      out.successes += t.successes
      out.trials += t.trials
      out.itemsWithData++
      break
    }
  }
  return out
}

/**
 * The metric over a span of daily rollup sums (the team's totals), or null for 打开率 (pushes are not in
 * the rollups).
 *
 * @example
 * tallyOfSums('completionRate', [{ plays: 1000, completions: 350 }, { plays: 500, completions: 150 }]) //=> { successes: 500, trials: 1500 }
 * tallyOfSums('openRate', [{ plays: 1000 }]) //=> null
 */
export function tallyOfSums(metric: ExperimentMetric, days: readonly Sums[]): Tally | null {
  const get = (k: keyof Sums) => days.reduce((t, s) => t + (s[k] ?? 0), 0)
  switch (metric) {
    case 'completionRate':
      return tally(get('completions'), get('plays'))
    case 'interactionRate':
      return tally(INTERACTIONS.reduce((t, k) => t + get(k), 0), get('plays'))
    case 'conversionRate':
      return tally(get('orders'), get('inquiries'))
    case 'openRate':
      return null
  }
}
