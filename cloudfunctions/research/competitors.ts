// The competitor watch's accounts and weekly logs (竞品). The comparison is in competitorComparison.ts.
import type { researchContract } from '../../core/api/research'
import { AppError, fieldError } from '../../core/errors'
import { weeksInForce } from '../../core/research/comparison'
import {
  ACTIVE_COMPETITORS_MAX,
  COMPETITOR_KIND_LABELS,
  COMPETITORS_MAX,
  type CompetitorView,
  type CompetitorWeekView,
  type LoggedWeekView,
} from '../../core/research/competitors'
import { currentWeek, lastCompletedWeek, shiftWeek, weekLabel, type WeekKey } from '../../core/time/weeks'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { baseFields, loggedFact } from '../common/records'
import { COMPETITORS, COMPETITOR_WEEKS } from '../common/db/collections'
import type { CompetitorRecord, CompetitorWeekRecord } from '../common/db/research'

type C = typeof researchContract

/** Weeks back the list reads for each account's latest two logged weeks (older ones are not 上周 any more). */
const RECENT_WEEKS = 12
/** Entries read per request: 20 active accounts × 13 weeks with a few relogs stay far below it. */
export const WEEK_ENTRIES_CAP = 1000

/** The fields of an entry the views and `weeksInForce` need. */
export const WEEK_FIELDS = { _id: true, competitorId: true, week: true, followers: true, posts: true, bestLikes: true, supersedes: true, loggedByName: true, loggedAt: true }
export type WeekEntry = Pick<CompetitorWeekRecord, '_id' | 'competitorId' | 'week' | 'followers' | 'posts' | 'bestLikes' | 'supersedes' | 'loggedByName' | 'loggedAt'>

export const competitorHandlers: Pick<Handlers<C>, 'competitors' | 'addCompetitor' | 'updateCompetitor' | 'logCompetitorWeek'> = {
  /** 4 requests: member, team (wrapper), the accounts, and every account's entries of the last 12 weeks. */
  async competitors({ ctx }) {
    const running = currentWeek(ctx.now)
    const [list, entries] = await Promise.all([readCompetitors(ctx), readWeekEntries(ctx, shiftWeek(running, -RECENT_WEEKS), running)])
    const byCompetitor = new Map<string, CompetitorWeekView[]>()
    for (const e of [...inForce(entries).values()].sort((a, b) => b.week.localeCompare(a.week))) {
      const recent = byCompetitor.get(e.competitorId) ?? byCompetitor.set(e.competitorId, []).get(e.competitorId)!
      if (recent.length < 2) recent.push(weekView(e))
    }
    return {
      competitors: list.map((c) => competitorView(c, byCompetitor.get(c._id) ?? [])),
      defaultWeek: lastCompletedWeek(ctx.now),
      weeks: Array.from({ length: 8 }, (_, i) => shiftWeek(running, -i)).map((week) => ({ week, label: weekLabel(week) })),
    }
  },

  async addCompetitor({ ctx, input }) {
    const list = await readCompetitors(ctx)
    refuseTaken(list, input.name)
    if (list.length >= COMPETITORS_MAX) throw new AppError('CONFLICT', `最多登记 ${COMPETITORS_MAX} 个竞品账号（含已归档）`)
    if (list.filter((c) => !c.archived).length >= ACTIVE_COMPETITORS_MAX) {
      throw new AppError('CONFLICT', `最多同时关注 ${ACTIVE_COMPETITORS_MAX} 个竞品账号，请先归档不再关注的账号`)
    }
    const record: CompetitorRecord = {
      ...baseFields(ctx, ctx.newId('competitor')),
      name: input.name,
      kind: input.kind,
      note: input.note ?? '',
      channelId: input.channelId ?? '',
      archived: false,
    }
    const { doc } = await ctx.repo<CompetitorRecord>(COMPETITORS).insertOnce(record)
    ctx.audit({ subjectId: doc._id, subjectName: doc.name })
    return competitorView(doc, [])
  },

  /** Rename, change kind, note or channel id, archive or bring back; optimistic on `version`. */
  async updateCompetitor({ ctx, input }) {
    const { id, version, ...fields } = input
    const list = await readCompetitors(ctx)
    const current = list.find((c) => c._id === id)
    if (!current) throw new AppError('NOT_FOUND', '没有这个竞品账号')
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<CompetitorRecord>
    const others = list.filter((c) => c._id !== id)
    const stillActive = patch.archived === undefined ? !current.archived : !patch.archived
    if (patch.name !== undefined || (stillActive && current.archived)) refuseTaken(others, patch.name ?? current.name)
    if (stillActive && current.archived && others.filter((c) => !c.archived).length >= ACTIVE_COMPETITORS_MAX) {
      throw new AppError('CONFLICT', `最多同时关注 ${ACTIVE_COMPETITORS_MAX} 个竞品账号，请先归档不再关注的账号`)
    }
    const updated = await ctx.repo<CompetitorRecord>(COMPETITORS).updateVersioned(id, version, patch, ctx.now, (c) => competitorView(c, []))
    ctx.audit({ subjectId: id, subjectName: current.name, before: current })
    return competitorView(updated, [])
  },

  /**
   * A new entry for the account and week, superseding the one in force (both kept, each with who logged it
   * and when). The id comes from the request, so a retried request collides with its first write.
   */
  async logCompetitorWeek({ ctx, input }) {
    const week = input.week ?? lastCompletedWeek(ctx.now)
    if (week > currentWeek(ctx.now)) throw fieldError('week', `周：${weekLabel(week)}还没到，不能提前记录`)
    const competitor = await ctx.repo<CompetitorRecord>(COMPETITORS).get(input.competitorId)
    if (!competitor) throw new AppError('NOT_FOUND', '没有这个竞品账号')
    if (competitor.archived) throw new AppError('CONFLICT', `「${competitor.name}」已归档，恢复关注后才能记录`)
    const id = ctx.newId('competitorWeek')
    const repo = ctx.repo<CompetitorWeekRecord>(COMPETITOR_WEEKS)
    const sameWeek = await repo.find({ competitorId: competitor._id, week }, { limit: WEEK_ENTRIES_CAP, fields: WEEK_FIELDS })
    const current = inForce(sameWeek.filter((e) => e._id !== id)).get(`${competitor._id}|${week}`)
    const record: CompetitorWeekRecord = {
      ...loggedFact(ctx, id),
      competitorId: competitor._id,
      week,
      followers: input.followers,
      posts: input.posts,
      bestLikes: input.bestLikes,
      supersedes: current?._id ?? null,
    }
    const { doc } = await repo.insertOnce(record)
    ctx.audit({
      subjectId: competitor._id,
      subjectName: competitor.name,
      detail: { week, followers: doc.followers, posts: doc.posts, bestLikes: doc.bestLikes, supersedes: doc.supersedes },
    })
    return loggedView(doc)
  },
}

/** Every account of the team (archived included), in the order they were added: one request. */
export async function readCompetitors(ctx: MemberCtx): Promise<CompetitorRecord[]> {
  const list = await ctx.repo<CompetitorRecord>(COMPETITORS).find({}, { limit: COMPETITORS_MAX })
  return list.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a._id.localeCompare(b._id))
}

/** Every account's entries for the weeks [from, to], newest week first, in one request. */
export async function readWeekEntries(ctx: MemberCtx, from: WeekKey, to: WeekKey): Promise<WeekEntry[]> {
  const _ = ctx.db.command
  return ctx
    .repo<WeekEntry & { teamId: string }>(COMPETITOR_WEEKS)
    .find({ week: _.gte(from).and(_.lte(to)) }, { orderBy: ['week', 'desc'], limit: WEEK_ENTRIES_CAP, fields: WEEK_FIELDS })
}

export function inForce<T extends WeekEntry>(entries: readonly T[]): Map<string, T> {
  const facts = entries.map((e) => ({ ...e, id: e._id }))
  return new Map([...weeksInForce(facts)].map(([k, v]) => [k, v as unknown as T]))
}

/** Two accounts the team watches under one name would be logged into by mistake: names are unique among active ones. */
function refuseTaken(list: readonly CompetitorRecord[], name: string): void {
  if (list.some((c) => !c.archived && c.name === name)) throw fieldError('name', `账号名称：已有同名账号「${name}」`)
}

function competitorView(c: CompetitorRecord, recent: CompetitorWeekView[]): CompetitorView {
  return {
    id: c._id,
    name: c.name,
    kind: c.kind,
    kindLabel: COMPETITOR_KIND_LABELS[c.kind],
    note: c.note ?? '',
    channelId: c.channelId ?? '',
    archived: c.archived === true,
    version: c.version,
    recent,
  }
}

function weekView(e: WeekEntry): CompetitorWeekView {
  return {
    week: e.week,
    followers: e.followers,
    posts: e.posts,
    bestLikes: e.bestLikes,
    loggedByName: e.loggedByName,
    loggedAt: new Date(e.loggedAt).toISOString(),
  }
}

function loggedView(e: CompetitorWeekRecord): LoggedWeekView {
  return { ...weekView(e), id: e._id, competitorId: e.competitorId, supersedes: e.supersedes }
}
