// Reports as frozen documents (PRODUCT.md capability 7, issue 11 part 1): the 日报 is built by the
// dashboard's own code for a one-day range plus the lists to act on, and stored once per team and day.
// The hourly job (weekly.ts's weeklyAllTeams) makes sure of each team's recent 日报 via dailyReports.
import { KPI_DEFS_VERSION } from '../../core/analytics/kpiDefs'
import { dailyCounts, latestDailyDay, reportId, type DailyContent, type OverdueReview, type ReportMissingItem } from '../../core/reports/schemas'
import { addDays, dayKey, daysBetween, type DayKey } from '../../core/time/china'
import { ITEMS, MEMBERS, PRODUCTIONS, REPORTS, TEAMS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { ReportAuthor, ReportRecord } from '../common/db/reports'
import { dueAt, type ProductionRecord } from '../common/db/review'
import type { MemberRecord, TeamRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import { isDuplicateKeyError, type DbLike } from '../common/sdk'
import { openAnalyses } from './alerts'
import { dashboardOf, jobCtx, type ReadCtx } from './dashboard'

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

/** A new 日报 document (revision 1 unless given), not yet stored. */
export async function dailyRecord(ctx: ReadCtx, day: DayKey, by: ReportAuthor, revision = 1): Promise<ReportRecord> {
  const daily = await buildDaily(ctx, day)
  return {
    _id: reportId(ctx.team._id, 'daily', day),
    teamId: ctx.team._id,
    kind: 'daily',
    period: day,
    from: day,
    to: day,
    current: true,
    revision,
    definitionsVersion: KPI_DEFS_VERSION,
    dataAsOf: ctx.now,
    generatedAt: ctx.now,
    generatedBy: by,
    supersededAt: null,
    daily,
    counts: dailyCounts(daily),
    createdAt: ctx.now,
  }
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

/**
 * The job's share for one team: each 日报 due at `now` over the last 7 days (none before the team
 * existed) that is not stored yet. Cost: one request to see which exist, then ~12 requests per missing
 * report (so ≤ 85 for a team a week behind, 13 on an ordinary morning), then one to mark the team done;
 * a team already done for the latest day is skipped by the caller without a request.
 */
export async function dailyReports(db: DbLike, team: TeamRecord, now: Date): Promise<string[]> {
  const latest = latestDailyDay(now)
  // From the team's first day in the app, or the plan's start when that is earlier (history imported
  // from before the team joined, as in the demo): a report of a day before both would be empty.
  const started = [dayKey(team.createdAt), team.planStartDay].filter((d): d is string => !!d).sort()[0]
  const first = [addDays(latest, -(DAILY_CATCH_UP_DAYS - 1)), started].sort()[1]
  const written: string[] = []
  if (first <= latest) {
    const ids = daysBetween(first, latest).map((d) => ({ day: d, id: reportId(team._id, 'daily', d) }))
    const have = await new Repo<ReportRecord>(db, REPORTS, team._id).find({ _id: db.command.in(ids.map((x) => x.id)) }, { limit: ids.length, fields: { _id: true } })
    const stored = new Set(have.map((r) => r._id))
    const ctx = jobCtx(db, team, now)
    for (const { day, id } of ids) {
      if (stored.has(id)) continue
      if (await addReportOnce(db, await dailyRecord(ctx, day, { kind: 'timer' }))) written.push(day)
    }
  }
  await db.collection(TEAMS).doc(team._id).update({ data: { dailyThrough: latest } })
  return written
}
