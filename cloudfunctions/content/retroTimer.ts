// The content function's hourly timer: creates each published item's retrospective (单条复盘) once its
// day 7 is complete, with a task in its owner's 待办. It lives here because content alone writes items'
// tasks and retrospectives (db/ownership.test.ts). Idempotent by fixed ids (one retrospective and one task
// per item, written together in a transaction that first looks for the retrospective), and it catches up:
// every run looks back over the averaging window, so a missed day (or week) is created on the next run.
import { AVERAGE_WINDOW_DAYS, day7Sums, retroDueDay, retroId, RETRO_AFTER_DAYS, RETRO_WRITE_DAYS, TASK_CATCH_UP_DAYS } from '../../core/content/retrospectives'
import { RETRO_GROUP, type TaskSource } from '../../core/content/tasks'
import { addDays, dayKey } from '../../core/time/china'
import type { SeriesPoint } from '../../core/results/views'
import { ITEM_SERIES, ITEMS, RETROSPECTIVES, TASKS } from '../common/db/collections'
import { forEachTeam } from '../common/everyTeam'
import type { ItemRecord } from '../common/db/content'
import type { RetrospectiveRecord, TaskRecord } from '../common/db/meetings'
import { seriesId, type SeriesRecord } from '../common/db/results'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'
import { docIn } from '../common/transaction'

/** One run's work time: the content function's timeout is 10 s; the next hourly run carries on. */
const BUDGET_MS = 6_000
/** Series read per request (each carries the item's points; kept well under the 1 MB answer limit). */
const SERIES_CHUNK = 50
const ITEM_FIELDS = { _id: true, title: true, layer: true, category: true, format: true, ownerId: true, day: true }

type ItemLite = Pick<ItemRecord, '_id' | 'title' | 'layer' | 'category' | 'format' | 'ownerId' | 'day'>

/**
 * One team: posts (short videos, image-text) published from 37 to 7 days ago without a retrospective get one. Those whose day 7 ended
 * within the last week also get a task (a week of missed runs is caught up); older ones are recorded only,
 * so their day-7 numbers count in later averages without flooding anyone's 待办. 3–4 requests when
 * nothing is new, plus one transaction per new retrospective.
 */
export async function createDueRetrospectives(db: DbLike, teamId: string, now: Date, deadline = Infinity): Promise<number> {
  const today = dayKey(now)
  const to = addDays(today, -RETRO_AFTER_DAYS)
  const from = addDays(to, -AVERAGE_WINDOW_DAYS)
  const _ = db.command
  // Livestreams are judged on their sessions (直播场次), not a post's day-7 numbers: no retrospective.
  const items = (await new Repo<ItemRecord>(db, ITEMS, teamId).find({ status: 'published', day: _.gte(from).and(_.lte(to)) }, { orderBy: ['day', 'asc'], fields: ITEM_FIELDS })).filter((i) => i.format !== 'livestream')
  if (!items.length) return 0
  const ids = items.map((i) => retroId(i._id))
  const existing = new Set((await new Repo<RetrospectiveRecord>(db, RETROSPECTIVES, teamId).find({ _id: _.in(ids) }, { limit: ids.length, fields: { _id: true } })).map((r) => r._id))
  // Newest first: the ones that get a task come before records kept only for the averages.
  const missing = items.filter((i) => !existing.has(retroId(i._id))).reverse()
  let created = 0
  for (let k = 0; k < missing.length; k += SERIES_CHUNK) {
    const chunk = missing.slice(k, k + SERIES_CHUNK)
    const series = await new Repo<SeriesRecord>(db, ITEM_SERIES, teamId).find({ _id: _.in(chunk.map((i) => seriesId(teamId, i._id))) }, { limit: chunk.length, fields: { _id: true, itemId: true, points: true } })
    const pointsOf = new Map(series.map((s) => [s.itemId, (s.points ?? []) as SeriesPoint[]]))
    for (const item of chunk) {
      // A team's first run may have a month of items: out of time, the next run carries on (idempotent).
      if (Date.now() > deadline) return created
      const withTask = retroDueDay(item.day!) >= addDays(today, -TASK_CATCH_UP_DAYS)
      if (await createOne(db, teamId, item as ItemLite, pointsOf.get(item._id) ?? [], withTask, now)) created++
    }
  }
  return created
}

/** The retrospective and its task in one transaction; nothing when the retrospective exists (a rerun). */
async function createOne(db: DbLike, teamId: string, item: ItemLite, points: SeriesPoint[], withTask: boolean, now: Date): Promise<boolean> {
  const id = retroId(item._id)
  const publishedDay = item.day!
  const base = { teamId, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
  const retro: RetrospectiveRecord = {
    _id: id,
    ...base,
    itemId: item._id,
    ownerId: item.ownerId,
    title: item.title,
    layer: item.layer,
    category: item.category,
    format: item.format,
    publishedDay,
    day7: day7Sums(points, publishedDay),
    status: 'due',
    taskId: withTask ? id : null,
    worked: '',
    change: '',
    tags: [],
    outcome: null,
    comparison: null,
    averageNote: null,
    writtenAt: null,
    writtenById: null,
    writtenByName: null,
  }
  const source: TaskSource = { kind: 'retrospective', itemId: item._id, retrospectiveId: id, publishedDay }
  const task: TaskRecord = {
    _id: id,
    ...base,
    ownerId: item.ownerId,
    title: `复盘：${item.title}`,
    dueDay: addDays(retroDueDay(publishedDay), RETRO_WRITE_DAYS),
    source,
    sourceGroup: RETRO_GROUP,
    status: 'open',
    doneAt: null,
    doneById: null,
    doneByName: null,
  }
  return db.runTransaction(async (tx) => {
    if (await docIn<RetrospectiveRecord>(tx, RETROSPECTIVES, id)) return false
    const { _id: _r, ...retroData } = retro
    await tx.collection(RETROSPECTIVES).doc(id).set({ data: retroData as unknown as Record<string, unknown> })
    if (withTask) {
      const { _id: _t, ...taskData } = task
      await tx.collection(TASKS).doc(id).set({ data: taskData as unknown as Record<string, unknown> })
    }
    return true
  })
}

/**
 * The timer over every team, in pages of 100 by id. Out of time it stops between teams and the next
 * hourly run carries on; one team's failure is logged and does not stop the others.
 */
export async function retrospectivesAllTeams(db: DbLike, now: Date, limits: { budgetMs?: number } = {}): Promise<{ teams: number; created: number; finished: boolean }> {
  const deadline = Date.now() + (limits.budgetMs ?? BUDGET_MS)
  let created = 0
  const walk = await forEachTeam(db, deadline, async (teamId) => {
    created += await createDueRetrospectives(db, teamId, now, deadline).catch((e) => {
      console.error(`retrospectives of team ${teamId} failed`, e)
      return 0
    })
  })
  return { ...walk, created }
}
