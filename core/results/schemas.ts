import { z } from 'zod'
import { COUNT_MAX, countSchema as count, dayKeySchema, dayRangeSchema, idSchema as id, isoTimeSchema as isoTime } from '../atoms'
import { formatCount } from '../format'
import { CHANNELS, POST_METRIC_LABELS, POST_METRICS, type PostMetric } from './metrics'

/**
 * What the results function accepts: one zod input per action (snapshots, livestreams, leads, followers,
 * imports, corrections), with its limits and Chinese field names. What it answers is in ./views.ts.
 */

/** The most rows one import may carry: the whole file lands in one database transaction. */
export const IMPORT_MAX_ROWS = 200
/** A logger may correct their own snapshot for this long; afterwards only a manager may. */
export const CORRECTION_WINDOW_MS = 24 * 3600_000
/** A livestream session longer than this is a typo. */
export const LIVE_MAX_SECONDS = 24 * 3600

const reason = z.string().trim().min(1, '请填写更正原因').max(100).describe('更正原因')

const metricShape = Object.fromEntries(
  POST_METRICS.map((m) => {
    const label = POST_METRIC_LABELS[m]
    if (m === 'avgWatchSeconds') return [m, z.number().min(0, '不能为负数').max(86_400, '不能超过一天').describe(label).optional()]
    if (m === 'plays') return [m, count(label)]
    return [m, count(label).optional()]
  }),
) as { [K in PostMetric]: K extends 'plays' ? ReturnType<typeof count> : z.ZodOptional<z.ZodNumber> }

/**
 * Cumulative numbers of one post on one date. Only plays is required: a field worker may read just a few
 * numbers off the phone. Cross-field rules name the field they refuse, in Chinese.
 *
 * @example
 * snapshotMetrics.safeParse({ plays: 100, completions: 120 }).success //=> false ('完播：不能大于播放（100）')
 */
export const snapshotMetrics = z
  .object(metricShape)
  .strict()
  .superRefine((m, ctx) => {
    const refuse = (path: PostMetric, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (m.completions !== undefined && m.completions > m.plays) refuse('completions', `不能大于播放（${formatCount(m.plays)}）`)
    if (m.impressions !== undefined && m.plays > m.impressions) refuse('plays', `不能大于曝光（${formatCount(m.impressions)}）`)
    if (m.orders === 0 && (m.gmvFen ?? 0) > 0) refuse('gmvFen', '订单为 0 时成交额应为 0')
  })
  .describe('数据')
export type SnapshotMetrics = z.infer<typeof snapshotMetrics>

export const logSnapshotInput = z
  .object({ itemId: id('内容'), date: dayKeySchema('数据日期'), metrics: snapshotMetrics })
  .strict()
export type LogSnapshotInput = z.infer<typeof logSnapshotInput>

export const correctSnapshotInput = z
  .object({ snapshotId: id('要更正的记录'), metrics: snapshotMetrics, reason })
  .strict()

export const itemHistoryInput = z.object({ itemId: id('内容') }).strict()

const liveFields = {
  startAt: isoTime('开播时间'),
  endAt: isoTime('下播时间'),
  uniqueViewers: count('观看人数'),
  peakConcurrent: count('最高在线'),
  avgWatchSeconds: z.number().min(0, '不能为负数').max(86_400, '不能超过一天').describe('人均观看时长（秒）').optional(),
  newFollowers: count('新增关注'),
  comments: count('评论').optional(),
  orders: count('订单'),
  gmvFen: count('成交额'),
}

type LiveNumbers = { startAt: string; endAt: string; uniqueViewers: number; peakConcurrent: number; orders: number; gmvFen: number }

/** Cross-field rules of a session, shared by logging and correcting it. */
function liveRules(s: LiveNumbers, ctx: z.RefinementCtx): void {
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  const seconds = (Date.parse(s.endAt) - Date.parse(s.startAt)) / 1000
  if (seconds <= 0) refuse('endAt', '应晚于开播时间')
  else if (seconds > LIVE_MAX_SECONDS) refuse('endAt', '单场直播不能超过 24 小时')
  if (s.peakConcurrent > s.uniqueViewers) refuse('peakConcurrent', `不能大于观看人数（${formatCount(s.uniqueViewers)}）`)
  if (s.orders === 0 && s.gmvFen > 0) refuse('gmvFen', '订单为 0 时成交额应为 0')
}

export const logLiveInput = z
  .object({ itemId: id('直播'), ...liveFields })
  .strict()
  .superRefine(liveRules)
export type LogLiveInput = z.infer<typeof logLiveInput>

/** A session's numbers replaced: the new record supersedes the old one, both are kept. */
export const correctLiveInput = z
  .object({ liveId: id('直播场次'), ...liveFields, reason })
  .strict()
  .superRefine(liveRules)
export type CorrectLiveInput = z.infer<typeof correctLiveInput>

export const logLeadsInput = z
  .object({
    date: dayKeySchema('日期'),
    channel: z.enum(CHANNELS).describe('来源渠道'),
    // One message for one mistake: a refine after min(0) said both 不能为负数 and 至少为 1 for -3.
    count: z.number().int('应为整数').min(1, '至少为 1').max(COUNT_MAX, '数值过大').describe('咨询数'),
    itemId: id('关联内容').optional(),
    liveId: id('关联直播').optional(),
  })
  .strict()
export type LogLeadsInput = z.infer<typeof logLeadsInput>

/** A leads count replaced (0 when it was logged by mistake); date and channel stay those of the record. */
export const correctLeadsInput = z.object({ leadId: id('线索记录'), count: count('咨询数'), reason }).strict()
export type CorrectLeadsInput = z.infer<typeof correctLeadsInput>

const withinDays = (max: number) => z.number().int('应为整数').min(1, '至少 1 天').max(max, `最多 ${max} 天`).describe('天数')
export const recentLivesInput = z.object({ withinDays: withinDays(90).default(30) }).strict()
export const recentLeadsInput = z.object({ withinDays: withinDays(60).default(14) }).strict()

export const logFollowersInput = z.object({ date: dayKeySchema('日期'), total: count('粉丝总数') }).strict()

export const pendingTodayInput = z
  .object({ withinDays: z.number().int('应为整数').min(1, '至少 1 天').max(60, '最多 60 天').describe('发布天数').default(7) })
  .strict()

export const rollupsInput = dayRangeSchema()

/**
 * One row of a data-centre export after its header was mapped (see `mapExportRow` in ./import).
 * Numbers may be missing; `completionRate` is a share in [0, 1].
 */
export const importRow = z
  .object({
    title: z.string().trim().max(200).describe('视频标题'),
    publishedAt: z.string().trim().max(40).describe('发表时间').optional(),
    impressions: count('曝光').optional(),
    plays: count('播放量').optional(),
    likes: count('点赞').optional(),
    comments: count('评论').optional(),
    shares: count('分享').optional(),
    favorites: count('收藏').optional(),
    newFollowers: count('关注').optional(),
    completionRate: z.number().min(0, '应在 0 到 1 之间').max(1, '应在 0 到 1 之间').describe('完播率').optional(),
    avgWatchSeconds: z.number().min(0, '不能为负数').max(86_400, '不能超过一天').describe('平均播放时长').optional(),
    itemId: id('对应内容').optional(),
  })
  .strict()
export type ImportRow = z.infer<typeof importRow>

export const importPreviewInput = z
  .object({
    date: dayKeySchema('数据日期'),
    rows: z.array(importRow).min(1).max(IMPORT_MAX_ROWS).describe('导入行'),
  })
  .strict()

export const importConfirmInput = z
  .object({
    fileName: z.string().trim().max(100).describe('文件名').optional(),
    rows: z
      .array(z.object({ itemId: id('内容'), date: dayKeySchema('数据日期'), metrics: snapshotMetrics }).strict())
      .min(1)
      .max(IMPORT_MAX_ROWS)
      .describe('导入行'),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Map<string, number>()
    r.rows.forEach((row, i) => {
      const k = `${row.itemId}|${row.date}`
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'itemId'], message: `第${i + 1}行与第${seen.get(k)! + 1}行是同一内容同一天` })
      else seen.set(k, i)
    })
  })
