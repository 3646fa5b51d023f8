/**
 * The numbers results logging deals in, with the words the team and the Channels data centre use.
 * Every summed quantity is an integer (fen for money, whole seconds for watch time) so that sums are
 * exact: an incremental rollup and a rebuild add the same integers in different orders and must agree.
 */

/** Cumulative per-post metrics as the data centre shows them on a date. */
export const POST_METRICS = [
  'impressions',
  'plays',
  'completions',
  'avgWatchSeconds',
  'likes',
  'comments',
  'shares',
  'favorites',
  'newFollowersOrganic',
  'newFollowersPaid',
  'unfollows',
  'inquiries',
  'orders',
  'gmvFen',
] as const
export type PostMetric = (typeof POST_METRICS)[number]

export const POST_METRIC_LABELS: Record<PostMetric, string> = {
  impressions: '曝光',
  plays: '播放',
  completions: '完播',
  avgWatchSeconds: '平均播放时长（秒）',
  likes: '点赞',
  comments: '评论',
  shares: '转发',
  favorites: '收藏',
  newFollowersOrganic: '新增关注（自然）',
  newFollowersPaid: '新增关注（投流）',
  unfollows: '取消关注',
  inquiries: '咨询',
  orders: '订单',
  gmvFen: '成交额',
}

/** Counts that only grow on the data centre; a lower value than an earlier date is refused. */
export const MONOTONE_METRICS = POST_METRICS.filter((m) => m !== 'avgWatchSeconds')

/**
 * What a post snapshot adds to a day once differenced: the counts, plus total watch seconds
 * (average × plays) because an average cannot be summed across days or items.
 */
export const POST_SUMS = [...MONOTONE_METRICS, 'watchSeconds'] as const
export type PostSum = (typeof POST_SUMS)[number]

export const LIVE_SUMS = [
  'liveSessions',
  'liveDurationSeconds',
  'liveUniqueViewers',
  'livePeakConcurrent',
  'liveWatchSeconds',
  'liveNewFollowers',
  'liveComments',
  'liveOrders',
  'liveGmvFen',
] as const
export type LiveSum = (typeof LIVE_SUMS)[number]

/**
 * Data freshness: every snapshot logged (kind 'log', not a correction) adds, to its metrics date, how
 * late it was logged (`logLagMinutes`: whole minutes after the end of that day, China time, never
 * negative) and one `logsTimed`, so mean lag = logLagMinutes ÷ logsTimed (PRODUCT.md "data freshness").
 */
export const FRESHNESS_SUMS = ['logLagMinutes', 'logsTimed'] as const

/** Every key a rollup may sum. `itemsLogged`: items with a snapshot dated that day. */
export const SUM_KEYS = [...POST_SUMS, 'itemsLogged', ...LIVE_SUMS, 'leads', ...FRESHNESS_SUMS] as const
export type SumKey = (typeof SUM_KEYS)[number]

/** Sparse integer sums: a missing key is zero, and zeros are never stored. */
export type Sums = Partial<Record<SumKey, number>>

/** Where leads come from (PRODUCT.md capability 3). */
export const CHANNELS = ['channels', 'official_account', 'mini_program', 'wecom', 'community', 'offline'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, string> = {
  channels: '视频号',
  official_account: '公众号',
  mini_program: '小程序',
  wecom: '企业微信',
  community: '社群',
  offline: '线下',
}

/**
 * Adds `delta` into `into` (mutating it) and drops keys that reach zero.
 *
 * @example
 * const s = { plays: 10 }
 * addSums(s, { plays: -10, likes: 2 }) //=> { likes: 2 }
 */
export function addSums(into: Sums, delta: Sums): Sums {
  for (const [k, v] of Object.entries(delta) as [SumKey, number][]) {
    if (!v) continue
    const next = (into[k] ?? 0) + v
    if (next === 0) delete into[k]
    else into[k] = next
  }
  return into
}

/**
 * `a − b`, sparse.
 *
 * @example
 * subtractSums({ plays: 10, likes: 1 }, { plays: 4, likes: 1 }) //=> { plays: 6 }
 */
export function subtractSums(a: Sums, b: Sums): Sums {
  const out: Sums = { ...a }
  for (const [k, v] of Object.entries(b) as [SumKey, number][]) addSums(out, { [k]: -v })
  return out
}

export function isZero(s: Sums): boolean {
  return Object.keys(s).length === 0
}
