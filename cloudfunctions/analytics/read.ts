import { dayKey, daysBetween, type DayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { ROLLUPS } from '../common/db/collections'
import { rollupId, type RollupRecord } from '../common/db/results'
import type { TeamRecord } from '../common/db/team'

/**
 * The team's day rollups for [from, to], oldest first, in one request. Asked for by id (one document per
 * team and day, id `${teamId}_${day}`), so the database answers from its _id index and the cost follows the
 * range, never the length of the team's history. Ranges stay under the 1,000-document cap (≤ 92 + 92 + 28 days).
 */
export async function readDayRollups(ctx: MemberCtx, from: DayKey, to: DayKey, fields: Record<string, boolean>): Promise<RollupRecord[]> {
  return readDayRollupSpans(ctx, [{ from, to }], fields)
}

/** The same for several day spans in one request; a day in two spans is read once. */
export async function readDayRollupSpans(ctx: MemberCtx, spans: { from: DayKey; to: DayKey }[], fields: Record<string, boolean>): Promise<RollupRecord[]> {
  const ids = [...new Set(spans.flatMap((s) => daysBetween(s.from, s.to)))].map((d) => rollupId(ctx.team._id, d))
  const list = await ctx.repo<RollupRecord>(ROLLUPS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { ...fields, day: true } })
  return list.sort((a, b) => a.day.localeCompare(b.day))
}

/** The plan's start day: the team's, else the day the team was created. */
export function planStartOf(team: TeamRecord): DayKey {
  return team.planStartDay ?? dayKey(team.createdAt)
}
