import { addDays, dayKey, daysBetween, startOfDay, type DayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import type { ItemFact, LiveSessionFact } from '../../core/analytics/kpiData'
import { sessionsInForce, type LiveSessionRecord } from '../../core/analytics/liveSessions'
import type { KpiKey } from '../../core/analytics/schemas'
import type { TargetView } from '../../core/analytics/targetSchemas'
import { targetViews, teamTargetsOn } from '../../core/analytics/targets'
import type { DayRollup } from '../../core/results/rollup'
import { measureBaselines, type PlanBasis } from '../../core/analytics/horizons'
import type { KpiData } from '../../core/analytics/kpiData'
import { enteredBaselines } from '../../core/analytics/kpiSettings'
import { ITEMS, LIVE_SESSIONS, REVIEW_FIRSTS, ROLLUPS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { firstsId, monthOf, type FirstsRecord } from '../common/db/review'
import { Repo } from '../common/repo'
import type { DbLike, Where } from '../common/sdk'
import { rollupId, type LiveRecord, type RollupRecord } from '../common/db/results'
import type { TeamRecord } from '../common/db/team'

/**
 * The team's day rollups for [from, to], oldest first, in one request. Asked for by id (one document per
 * team and day, id `${teamId}_${day}`), so the database answers from its _id index and the cost follows the
 * range, never the length of the team's history. Ranges stay under the 1,000-document cap (≤ 92 + 92 + 28 days).
 */
export async function readDayRollups(ctx: Pick<MemberCtx, 'db' | 'team'>, from: DayKey, to: DayKey, fields: Record<string, boolean>): Promise<RollupRecord[]> {
  return readDayRollupSpans(ctx, [{ from, to }], fields)
}

/** The same for several day spans in one request; a day in two spans is read once. */
export async function readDayRollupSpans(ctx: Pick<MemberCtx, 'db' | 'team'>, spans: { from: DayKey; to: DayKey }[], fields: Record<string, boolean>): Promise<RollupRecord[]> {
  return teamDayRollups(ctx.db, ctx.team._id, spans, fields)
}

/** The same, for a job that runs without a caller (the weekly verdicts): scoped to the team it names. */
export async function teamDayRollups(db: DbLike, teamId: string, spans: { from: DayKey; to: DayKey }[], fields: Record<string, boolean>): Promise<RollupRecord[]> {
  const ids = [...new Set(spans.flatMap((s) => daysBetween(s.from, s.to)))].map((d) => rollupId(teamId, d))
  const list = await new Repo<RollupRecord>(db, ROLLUPS, teamId).find({ _id: db.command.in(ids) }, { limit: ids.length, fields: { ...fields, day: true } })
  return list.sort((a, b) => a.day.localeCompare(b.day))
}

/** What a KPI reads of a stored rollup: the team's sums and the follower total (not the per-dimension sums). */
export function toRollup(r: RollupRecord): DayRollup {
  return { day: r.day, total: r.total ?? {}, by: { format: {}, layer: {}, category: {}, channel: {} }, followers: r.followers ?? null }
}

/**
 * The first outcomes at review gates (内容合格率) of the months the spans touch, in one request by id:
 * one document per team and month (review_firsts), so a range of a quarter and the one before reads ≤ 8.
 */
export async function teamFirstOutcomes(db: DbLike, teamId: string, spans: { from: DayKey; to: DayKey }[]): Promise<NonNullable<KpiData['firstOutcomes']>> {
  const ids = [...new Set(spans.flatMap((s) => daysBetween(s.from, s.to).map(monthOf)))].map((m) => firstsId(teamId, m))
  const docs = await new Repo<FirstsRecord>(db, REVIEW_FIRSTS, teamId).find({ _id: db.command.in(ids) }, { limit: ids.length, fields: { _id: true, outcomes: true } })
  return docs.flatMap((d) => d.outcomes ?? [])
}

/** The projection of items the KPIs read (cycle time, output, mix), never a whole item. */
export const ITEM_FIELDS = { _id: true, title: true, ownerId: true, day: true, layer: true, format: true, category: true, publishedAt: true, cycleSeconds: true, finalApprovedAt: true, status: true }
export type ItemLite = Pick<ItemRecord, '_id' | 'title' | 'ownerId' | 'day' | 'layer' | 'format' | 'category' | 'status' | 'publishedAt'> & { cycleSeconds?: number | null; finalApprovedAt?: Date | null }
/** Items read per request. Grows with publishing cadence over ≤ 184 + 44 days, not with history: 1,000 is 4+ a day. */
export const ITEMS_CAP = 1000

/** A team's published and scheduled items whose day lies in one of the spans, in one request. */
export async function teamItems(db: DbLike, teamId: string, spans: { from: DayKey; to: DayKey }[]): Promise<ItemLite[]> {
  const _ = db.command
  const dayCond = spans.map((s) => _.gte(s.from).and(_.lte(s.to)))
  return new Repo<ItemLite & { teamId: string }>(db, ITEMS, teamId).find(
    { status: _.in(['published', 'scheduled']), day: dayCond.length === 1 ? dayCond[0] : _.or(dayCond) },
    { orderBy: ['day', 'asc'], limit: ITEMS_CAP, fields: ITEM_FIELDS },
  )
}

/** Session records read per request: a team runs a handful of sessions a week, so ≤ 184 days of them and their corrections stay far below it. */
export const SESSIONS_CAP = 1000

/**
 * The team's livestream sessions in force with a day in the span, in one request: 直播转化率 is a median per
 * session, which the additive rollups cannot give. Read along with them: every correction logged since the
 * day before the span. A correction of a session in the span is logged after that session ended, so a
 * session whose correction moved it to another day is still seen to be replaced, and counted only there.
 */
export async function teamLiveSessions(db: DbLike, teamId: string, span: { from: DayKey; to: DayKey }): Promise<LiveSessionFact[]> {
  const _ = db.command
  const where = _.and([
    { teamId },
    _.or([{ day: _.gte(span.from).and(_.lte(span.to)) }, { supersedes: _.neq(null), loggedAt: _.gte(startOfDay(addDays(span.from, -1))) }]),
  ])
  const res = await db
    .collection(LIVE_SESSIONS)
    .where(where as unknown as Where)
    .field({ _id: true, day: true, orders: true, uniqueViewers: true, supersedes: true })
    .limit(SESSIONS_CAP)
    .get()
  const records = (res.data as unknown as Pick<LiveRecord, '_id' | 'day' | 'orders' | 'uniqueViewers' | 'supersedes'>[]).map(
    (r): LiveSessionRecord => ({ id: r._id, day: r.day, orders: r.orders, uniqueViewers: r.uniqueViewers, supersedes: r.supersedes ?? null }),
  )
  return sessionsInForce(records, [span])
}

/** An item as the KPI formulas read it. */
export function itemFact(i: ItemLite): ItemFact {
  return {
    id: i._id,
    title: i.title,
    status: i.status,
    layer: i.layer,
    format: i.format,
    publishedDay: i.status === 'published' ? (i.publishedAt ? dayKey(i.publishedAt) : i.day) : null,
    cycleSeconds: typeof i.cycleSeconds === 'number' ? i.cycleSeconds : null,
    finalApprovedDay: i.finalApprovedAt ? dayKey(i.finalApprovedAt) : null,
  }
}

/** The plan's start day: the team's, else the day the team was created. */
export function planStartOf(team: TeamRecord): DayKey {
  return team.planStartDay ?? dayKey(team.createdAt)
}

/** The team's targets in force on `now`'s day, by KPI (a plan whose period has started applies). */
export function targetsOf(team: TeamRecord, now: Date): Map<KpiKey, TargetView> {
  return new Map(targetViews(teamTargetsOn(team, dayKey(now)), team.kpiSettings).map((t) => [t.kpi, t]))
}

/** The plan's baselines measured from the rollups read, with the team's entered ones where none was measured. */
export function planBasisOf(team: TeamRecord, rollups: readonly DayRollup[]): PlanBasis {
  return measureBaselines(rollups, planStartOf(team), enteredBaselines(team.kpiSettings))
}
