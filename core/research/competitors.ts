// The competitor watch (PRODUCT.md capability 9, issue 12 part 4): accounts the team follows, what
// their weekly public numbers were, and the inputs and views of its actions.
import { z } from 'zod'
import { idSchema, versionSchema, visibleText } from '../atoms'
import { weekMonday, type WeekKey } from '../time/weeks'

/** 同行: an account competing for the same audience; 标杆: one the team learns from. */
export const COMPETITOR_KINDS = ['peer', 'benchmark'] as const
export type CompetitorKind = (typeof COMPETITOR_KINDS)[number]
export const COMPETITOR_KIND_LABELS: Record<CompetitorKind, string> = { peer: '同行', benchmark: '标杆' }

/** Accounts watched at once: a weekly log of each stays a few minutes' work. */
export const ACTIVE_COMPETITORS_MAX = 20
/** Accounts ever registered (archived included): the list is read in one request. */
export const COMPETITORS_MAX = 100

/** Sanity bounds of a weekly log; a typo of a few extra digits is caught, any real account passes. */
export const FOLLOWERS_MAX = 1_000_000_000
/** 50 posts a day for 7 days: more than any account publishes. */
export const POSTS_MAX = 7 * 50
export const LIKES_MAX = 100_000_000

/** Weeks the comparison covers by default and at most. */
export const COMPARISON_WEEKS = 8
export const COMPARISON_WEEKS_MAX = 26

/** A week 'GGGG-Www' that exists. */
export function weekSchema(label: string) {
  return z
    .string()
    .superRefine((s, ctx) => {
      if (!/^\d{4}-W\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: '应为 2026-W48 这样的周' })
      else if (!weekMonday(s)) ctx.addIssue({ code: 'custom', message: `没有这一周（${s}）` })
    })
    .describe(label)
}

function boundedCount(label: string, max: number, tooBig: string) {
  return z.number({ invalid_type_error: '请输入数字' }).int('应为整数').min(0, '不能为负数').max(max, tooBig).describe(label)
}

// ---- inputs ----

const competitorFields = {
  name: visibleText('账号名称', 30),
  kind: z.enum(COMPETITOR_KINDS).describe('账号类型'),
  note: visibleText('备注', 200, { min: 0 }).optional(),
  channelId: visibleText('视频号 ID', 64, { min: 0 }).optional(),
}

export const addCompetitorInput = z.object(competitorFields).strict()

export const updateCompetitorInput = z
  .object({
    id: idSchema('竞品账号'),
    version: versionSchema,
    name: competitorFields.name.optional(),
    kind: competitorFields.kind.optional(),
    note: competitorFields.note,
    channelId: competitorFields.channelId,
    archived: z.boolean().optional().describe('归档'),
  })
  .strict()

export const logCompetitorWeekInput = z
  .object({
    competitorId: idSchema('竞品账号'),
    /** Absent: the last completed ISO week. */
    week: weekSchema('周').optional(),
    followers: boundedCount('粉丝数', FOLLOWERS_MAX, '不能超过 10 亿，请检查是否多输了位数'),
    posts: boundedCount('当周发布数', POSTS_MAX, `不能超过 ${POSTS_MAX}（每天 50 条 × 7 天）`),
    bestLikes: boundedCount('最佳作品点赞', LIKES_MAX, '不能超过 1 亿，请检查是否多输了位数'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.posts === 0 && v.bestLikes > 0) ctx.addIssue({ code: 'custom', path: ['bestLikes'], message: '本周没有发布作品时应为 0' })
  })

export const competitorComparisonInput = z
  .object({ weeks: z.number().int('应为整数').min(2, '至少 2 周').max(COMPARISON_WEEKS_MAX, `最多 ${COMPARISON_WEEKS_MAX} 周`).optional().describe('周数') })
  .strict()

// ---- views ----

/** One week's numbers of a competitor, as logged (the entry in force). */
export interface CompetitorWeekView {
  week: WeekKey
  /** Followers at the end of the week. */
  followers: number
  /** Posts published that week. */
  posts: number
  /** Likes of that week's best post. */
  bestLikes: number
  loggedByName: string
  loggedAt: string
}

/** What logging a week answers: the entry written (or, for a retried request, the one written first). */
export interface LoggedWeekView extends CompetitorWeekView {
  id: string
  competitorId: string
  /** The entry it replaced for the same week, if any (kept, no longer in force). */
  supersedes: string | null
}

export interface CompetitorView {
  id: string
  name: string
  kind: CompetitorKind
  kindLabel: string
  note: string
  channelId: string
  archived: boolean
  version: number
  /** The two latest logged weeks, newest first (the form shows them as 上周). */
  recent: CompetitorWeekView[]
}

export interface CompetitorsPage {
  competitors: CompetitorView[]
  /** What a log is about unless another week is picked: the last completed week. */
  defaultWeek: WeekKey
  /** The weeks the form offers, newest first: the running one, then the last 7 completed. */
  weeks: { week: WeekKey; label: string }[]
}

/** One account's numbers in one week; null where nothing was logged or nothing can be computed. */
export interface WeekNumbers {
  week: WeekKey
  followers: number | null
  /** Net new followers over the week ÷ followers at its start. */
  growthRate: number | null
  /** Posts published that week. */
  posts: number | null
  /** Likes of that week's best post. */
  bestLikes: number | null
}

export interface ComparisonSeries {
  /** 'ours' or the competitor's id. */
  key: string
  name: string
  kind: 'ours' | CompetitorKind
  kindLabel: string
  weeks: WeekNumbers[]
}

export interface CompetitorComparison {
  weeks: { week: WeekKey; short: string; label: string }[]
  latestWeek: WeekKey
  /** Ours first, then the active competitors. */
  series: ComparisonSeries[]
  /** How our numbers are measured, where that differs from what is logged for a competitor. */
  notes: string[]
}
