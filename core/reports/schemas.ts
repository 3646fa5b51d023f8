// Reports (PRODUCT.md capability 7): documents generated once per team and period, numbers frozen.
// 日报, 周报 and 月报 share the collection and the views through `kind`; what the 周报 and 月报 hold is in periodic.ts.
import { z } from 'zod'
import { dayKeySchema, idSchema } from '../atoms'
import type { AlertView, AnalysisSummary } from '../analytics/alerts'
import type { KpiCard, MissingItem } from '../analytics/schemas'
import { addDays, dayKey, inChina, type DayKey } from '../time/china'
import { monthlyTitle, periodicHeadline, weeklyTitle, type MonthlyContent, type WeeklyContent } from './periodic'

export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { daily: '日报', weekly: '周报', monthly: '月报' }

/** The 日报 is due at 08:30 China time: field staff have logged most of yesterday by then. */
export const DAILY_DUE_MINUTES = 8 * 60 + 30
/** Reports listed per page. */
export const REPORTS_PAGE = 20
/** How far back a 日报 can be generated on demand (the dashboard's longest range). */
export const DAILY_BACK_DAYS = 92
/** How far back a 周报 or 月报 can be generated on demand (a year of weeks and months). */
export const PERIODIC_BACK_DAYS = 366

/** The one id of a team's report for a period (a timer rerun and an on-demand call meet on it). */
export function reportId(teamId: string, kind: ReportKind, period: string): string {
  return `${teamId}_${kind}_${period}`
}

/** Where a replaced revision is kept: the report's id with its revision number. */
export function revisionId(id: string, revision: number): string {
  return `${id}_r${revision}`
}

/**
 * The latest day whose 日报 is due at `now`: yesterday from 08:30 China time, the day before until then.
 *
 * @example
 * latestDailyDay(new Date('2031-03-06T08:29:00+08:00')) //=> '2031-03-04'
 * latestDailyDay(new Date('2031-03-06T08:30:00+08:00')) //=> '2031-03-05'
 */
export function latestDailyDay(now: Date): DayKey {
  const t = inChina(now)
  const minutes = t.hour() * 60 + t.minute()
  return addDays(dayKey(now), minutes >= DAILY_DUE_MINUTES ? -1 : -2)
}

/** A report's title from its kind and period (a week's title names its days). */
export function reportTitle(kind: ReportKind, period: string, from: DayKey, to: DayKey): string {
  if (kind === 'weekly') return weeklyTitle(period, from, to)
  if (kind === 'monthly') return monthlyTitle(period)
  return dailyTitle(period)
}

/** Title of a 日报: "日报 · 03-05（周三）". */
export function dailyTitle(day: DayKey): string {
  const week = '日一二三四五六'[new Date(`${day}T12:00:00+08:00`).getUTCDay()]
  return `日报 · ${day.slice(5)}（周${week}）`
}

// ---- inputs ----

export const reportsInput = z
  .object({
    kind: z.enum(REPORT_KINDS).optional().describe('报告类型'),
    page: z.number().int().min(0).max(500).optional().describe('页码'),
  })
  .strict()

export const reportInput = z.object({ id: idSchema('报告') }).strict()

export const generateReportInput = z
  .object({
    kind: z.enum(REPORT_KINDS).describe('报告类型'),
    /** The day of a 日报; for a 周报 or 月报, any day of its week or month. */
    day: dayKeySchema('日期'),
    /** Admin only: replace the stored report with a new revision (the old one is kept). */
    regenerate: z.boolean().optional().describe('重新生成'),
  })
  .strict()

// ---- content (frozen in the document) ----

/** A published item still missing numbers, with its owner (负责人) by name. */
export interface ReportMissingItem extends MissingItem {
  ownerName: string
}

/** A review waiting past its gate's SLA when the report was made. */
export interface OverdueReview {
  itemId: string
  title: string
  gateName: string
  ownerName: string
  dueAt: string
  /** Hours past due, one decimal. */
  overdueHours: number
}

/** What a 日报 holds: the day's KPI cards (the dashboard's, for that one day), then the lists to act on. */
export interface DailyContent {
  cards: KpiCard[]
  /** The dashboard's freshness line, e.g. "作品数据截至 03-05；2 条已发布作品缺少昨日或今日数据". */
  asOfText: string
  missing: ReportMissingItem[]
  missingCount: number
  overdueReviews: OverdueReview[]
  overdueReviewCount: number
  alerts: AlertView[]
  analyses: AnalysisSummary[]
}

// ---- views ----

export type ReportAudience = 'full' | 'field'

export interface ReportSummary {
  id: string
  kind: ReportKind
  kindLabel: string
  title: string
  period: string
  revision: number
  generatedAt: string
  /** One line for the list, e.g. "红灯 3 项 · 待录入 2 条". */
  headline: string
}

export interface ReportView extends ReportSummary {
  from: DayKey
  to: DayKey
  /** Field staff get the short version: only what they still have to log. */
  audience: ReportAudience
  definitionsVersion: number
  dataAsOf: string
  /** "数据截至 03-06 08:30". */
  dataAsOfText: string
  generatedByName: string
  /** A newer revision replaced this one (an archived revision read by its id). */
  superseded: boolean
  /** All versions when an admin regenerated it (newest first; absent or empty otherwise). */
  versions?: ReportVersion[]
  /** The content of its kind; the other two are null. */
  daily: DailyContent | null
  weekly: WeeklyContent | null
  monthly: MonthlyContent | null
}

/** One version of a report: the current one, or one an admin's regenerate replaced. */
export interface ReportVersion {
  id: string
  revision: number
  generatedAt: string
  current: boolean
}

/** A report's table taken out as a file in cloud storage. */
export interface ReportFile {
  fileID: string
  tempFileURL: string
  fileName: string
  rows: number
}

export interface ReportPage {
  list: ReportSummary[]
  hasMore: boolean
}

/** The field version: the same document with only the 待录入 list (a view filter, nothing stored twice). */
export function forField(d: DailyContent): DailyContent {
  return { ...d, cards: [], overdueReviews: [], overdueReviewCount: 0, alerts: [], analyses: [] }
}

/** A report's counts, stored beside it so the list reads no content. */
export interface ReportCounts {
  red: number
  missing: number
  overdueReviews: number
  alerts: number
  /** 周报: KPIs whose week was judged 未达标. */
  misses?: number
  /** 月报: open special analyses waiting for a decision. */
  decisions?: number
}

export function dailyCounts(d: DailyContent): ReportCounts {
  return { red: d.cards.filter((c) => c.light === 'red').length, missing: d.missingCount, overdueReviews: d.overdueReviewCount, alerts: d.alerts.length }
}

/** The list line of a report (for field staff, only what is theirs to do). */
export function reportHeadline(c: ReportCounts, audience: ReportAudience, kind: ReportKind = 'daily'): string {
  if (kind !== 'daily') return periodicHeadline(c)
  const todo = c.missing ? `待录入 ${c.missing} 条` : '数据已录齐'
  if (audience === 'field') return todo
  const parts = [c.red ? `红灯 ${c.red} 项` : '无红灯', todo]
  if (c.overdueReviews) parts.push(`超时评审 ${c.overdueReviews} 条`)
  if (c.alerts) parts.push(`预警 ${c.alerts} 项`)
  return parts.join(' · ')
}

/** "数据截至 03-06 08:30" (China time). */
export function dataAsOfText(at: Date | string): string {
  return `数据截至 ${inChina(at).format('MM-DD HH:mm')}`
}

export function weeklyCounts(w: WeeklyContent): ReportCounts {
  return { red: w.cards.filter((c) => c.light === 'red').length, missing: 0, overdueReviews: 0, alerts: w.alertsOpened.length, misses: w.verdicts.filter((v) => v.verdict === 'miss').length }
}

export function monthlyCounts(m: MonthlyContent): ReportCounts {
  const red = [...m.monthCards, ...m.quarterCards].filter((c) => c.light === 'red').length
  return { red, missing: 0, overdueReviews: 0, alerts: m.alertsOpened.length, decisions: m.openDecisions.length }
}
