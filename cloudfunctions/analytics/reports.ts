// Reports as frozen documents (PRODUCT.md capability 7, issue 11 part 1): the 日报 is built by the
// dashboard's own code for a one-day range plus the lists to act on (the 周报 and 月报 by reportsPeriodic.ts),
// stored once per team and period. The hourly job (weekly.ts's weeklyAllTeams) makes sure of each team's
// recent reports via dueReports.
import { KPI_DEFS_VERSION } from '../../core/analytics/kpiDefs'
import { periodDays } from '../../core/analytics/periods'
import { previousMonth } from '../../core/reports/periodic'
import { dailyCounts, latestDailyDay, monthlyCounts, reportHeadline, reportId, reportTitle, weeklyCounts, type DailyContent, type OverdueReview, type ReportKind, type ReportMissingItem } from '../../core/reports/schemas'
import { addDays, dayKey, daysBetween, isoWeekKey, weekStart, type DayKey } from '../../core/time/china'
import { ITEMS, MEMBERS, PRODUCTIONS, REPORTS, TEAMS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { ReportAuthor, ReportRecord } from '../common/db/reports'
import { dueAt, type ProductionRecord } from '../common/db/review'
import type { MemberRecord, TeamRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import { isDuplicateKeyError, type DbLike } from '../common/sdk'
import { openAnalyses } from './alerts'
import { dashboardOf, jobCtx, type ReadCtx } from './dashboard'
import { notifyReportReady } from './notices'
import { buildMonthly, buildWeekly } from './reportsPeriodic'
import { judgedWeeks, VERDICT_GRACE_MS } from './weekly'

/** Missed days caught up per team: a week without the timer still leaves every day's 日报. */
export const DAILY_CATCH_UP_DAYS = 7
/** Reviews waiting that one report reads (oldest first); a team has a few dozen in review at most. */
const REVIEWS_READ = 200
const REVIEWS_SHOWN = 20
const HOUR = 3_600_000

/** Names of the team's members, by id (one request; departed members keep their names). */
async function namesOf(ctx: ReadCtx): Promise<Map<string, string>> {
  const list = await ctx.repo<MemberRecord>(MEMBERS).find({}, { limit: 500, fields: { _id: true, name: true } })
  return new Map(list.map((m) => [m._id, m.name]))
}

/** Reviews past their gate's SLA at `ctx.now`, as the inbox judges them (dueAt), oldest first: two requests. */
async function overdueReviews(ctx: ReadCtx, names: Map<string, string>): Promise<{ list: OverdueReview[]; total: number }> {
  const waiting = await ctx.repo<ProductionRecord>(PRODUCTIONS).find(
    { status: 'in_production', gateState: 'in_review' },
    { orderBy: ['reviewSince', 'asc'], limit: REVIEWS_READ, fields: { _id: true, itemId: true, gate: true, reviewSince: true } },
  )
  const late = waiting.map((p) => ({ p, due: dueAt(p) })).filter((x) => x.due && x.due.getTime() < ctx.now.getTime())
  if (!late.length) return { list: [], total: 0 }
  const items = await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(late.map((x) => x.p.itemId)) }, { limit: late.length, fields: { _id: true, title: true, ownerId: true, status: true } })
  const byId = new Map(items.filter((i) => i.status === 'planned').map((i) => [i._id, i]))
  const list = late
    .filter((x) => byId.has(x.p.itemId))
    .map(({ p, due }): OverdueReview => {
      const item = byId.get(p.itemId)!
      return { itemId: p.itemId, title: item.title, gateName: p.gate.name, ownerName: names.get(item.ownerId) ?? '（已离开的成员）', dueAt: due!.toISOString(), overdueHours: Math.round(((ctx.now.getTime() - due!.getTime()) / HOUR) * 10) / 10 }
    })
  return { list: list.slice(0, REVIEWS_SHOWN), total: list.length }
}

/**
 * A 日报's content for `day`, as read at `ctx.now`: the dashboard for the one-day range (its cards,
 * lights, verdicts, freshness and open alerts: 7 requests), the open special analyses, the overdue
 * reviews and the members' names (4 more). No formula is computed here.
 */
export async function buildDaily(ctx: ReadCtx, day: DayKey): Promise<DailyContent> {
  const [dash, names, analyses] = await Promise.all([dashboardOf(ctx, { range: 'custom', from: day, to: day }), namesOf(ctx), openAnalyses(ctx)])
  const reviews = await overdueReviews(ctx, names)
  const missing = dash.asOf.missing.map((m): ReportMissingItem => ({ ...m, ownerName: (m.ownerId && names.get(m.ownerId)) || '（未指定）' }))
  return {
    cards: dash.cards,
    asOfText: dash.asOf.text,
    missing,
    missingCount: dash.asOf.missingCount,
    overdueReviews: reviews.list,
    overdueReviewCount: reviews.total,
    alerts: dash.alerts,
    analyses,
  }
}

/** A report's kind and period with its days: the key the timer and an on-demand call meet on. */
export interface ReportPeriod {
  kind: ReportKind
  period: string
  from: DayKey
  to: DayKey
}

/** The period of `kind` that `day` falls in (a 日报's day, the ISO week, the month). */
export function periodOfDay(kind: ReportKind, day: DayKey): ReportPeriod {
  if (kind === 'weekly') {
    const from = weekStart(day)
    return { kind, period: isoWeekKey(from), from, to: addDays(from, 6) }
  }
  if (kind === 'monthly') return { kind, period: day.slice(0, 7), ...periodDays(day.slice(0, 7)) }
  return { kind, period: day, from: day, to: day }
}

/** A new report document for the period (revision 1 unless given), not yet stored. */
export async function reportRecord(ctx: ReadCtx, p: ReportPeriod, by: ReportAuthor, revision = 1): Promise<ReportRecord> {
  const base = {
    _id: reportId(ctx.team._id, p.kind, p.period),
    teamId: ctx.team._id,
    kind: p.kind,
    period: p.period,
    from: p.from,
    to: p.to,
    current: true,
    revision,
    definitionsVersion: KPI_DEFS_VERSION,
    dataAsOf: ctx.now,
    generatedAt: ctx.now,
    generatedBy: by,
    supersededAt: null,
    createdAt: ctx.now,
  }
  if (p.kind === 'weekly') {
    const weekly = await buildWeekly(ctx, { week: p.period, from: p.from, to: p.to })
    return { ...base, weekly, counts: weeklyCounts(weekly) }
  }
  if (p.kind === 'monthly') {
    const monthly = await buildMonthly(ctx, p.period)
    return { ...base, monthly, counts: monthlyCounts(monthly) }
  }
  const daily = await buildDaily(ctx, p.period)
  return { ...base, daily, counts: dailyCounts(daily) }
}

/** Stores a report unless its id exists (a rerun, or a concurrent run): true when this call wrote it. */
export async function addReportOnce(db: DbLike, r: ReportRecord): Promise<boolean> {
  try {
    await db.collection(REPORTS).add({ data: r as unknown as Record<string, unknown> })
    return true
  } catch (e) {
    if (isDuplicateKeyError(e)) return false
    throw e
  }
}

/** Weeks and months caught up per team (a 周报 or 月报 the timer missed is still written). */
export const WEEKLY_CATCH_UP = 4
export const MONTHLY_CATCH_UP = 3

/**
 * The periods whose reports are due at `now`, newest last per kind: each 日报 from 08:30 China time the
 * next day (7 days back); each 周报 when the week's verdicts are (Monday 10:00, VERDICT_GRACE_MS: the
 * report shows them), 4 weeks back; each 月报 at the same grace after the month ends, 3 months back.
 */
export function duePeriods(now: Date): ReportPeriod[] {
  const latest = latestDailyDay(now)
  const days = daysBetween(addDays(latest, -(DAILY_CATCH_UP_DAYS - 1)), latest).map((d) => periodOfDay('daily', d))
  const weeks = judgedWeeks(now, WEEKLY_CATCH_UP).map((w): ReportPeriod => ({ kind: 'weekly', period: w.week, ...w }))
  const lastMonth = previousMonth(dayKey(new Date(now.getTime() - VERDICT_GRACE_MS)))
  // Each month is the one before the next (stepping back a fixed 31 days would skip a month).
  const monthKeys = [lastMonth]
  while (monthKeys.length < MONTHLY_CATCH_UP) monthKeys.unshift(previousMonth(`${monthKeys[0]}-01`))
  const months = monthKeys.map((m) => periodOfDay('monthly', `${m}-01`))
  return [...days, ...weeks, ...months]
}

/** What a team up to date with its reports has in `reportsThrough` at `now`. */
export function reportsMark(now: Date): string {
  const due = duePeriods(now)
  const last = (k: ReportKind) => due.filter((p) => p.kind === k).pop()!.period
  return `${last('daily')} ${last('weekly')} ${last('monthly')}`
}

/**
 * The job's share for one team: each report due at `now` (duePeriods) that is not stored yet and whose
 * period ends on or after the team's first day. Cost: one request to see which exist, then ~12 requests per
 * missing 日报 and ~16–17 per 周报 or 月报 (an ordinary morning: 13; a Monday: ~30), then one to mark the team.
 */
export async function dueReports(db: DbLike, team: TeamRecord, now: Date): Promise<string[]> {
  // From the team's first day in the app, or the plan's start when that is earlier (history imported
  // from before the team joined, as in the demo): a report of a period before both would be empty.
  const started = [dayKey(team.createdAt), team.planStartDay].filter((d): d is string => !!d).sort()[0]
  const due = duePeriods(now)
    .filter((p) => p.to >= started)
    .map((p) => ({ p, id: reportId(team._id, p.kind, p.period) }))
  const written: string[] = []
  if (due.length) {
    const have = await new Repo<ReportRecord>(db, REPORTS, team._id).find({ _id: db.command.in(due.map((x) => x.id)) }, { limit: due.length, fields: { _id: true } })
    const stored = new Set(have.map((r) => r._id))
    const ctx = jobCtx(db, team, now)
    const latest = new Map(due.map(({ p }) => [p.kind, p.period]))
    for (const { p, id } of due) {
      if (stored.has(id)) continue
      const r = await reportRecord(ctx, p, { kind: 'timer' })
      if (!(await addReportOnce(db, r))) continue
      written.push(`${p.kind}:${p.period}`)
      if (latest.get(p.kind) === p.period) await notifyReportReady(db, team._id, { id, title: reportTitle(p.kind, p.period, p.from, p.to), headline: reportHeadline(r.counts, 'full', p.kind) }, now)
    }
  }
  await db.collection(TEAMS).doc(team._id).update({ data: { reportsThrough: reportsMark(now) } })
  return written
}
