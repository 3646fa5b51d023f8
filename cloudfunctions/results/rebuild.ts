import { buildRollups, emptyRollup, isEmptyRollup, mergeRollup, rollupKey, type DayRollup } from '../../core/results/rollup'
import { effectiveSeries } from '../../core/results/series'
import type { RebuildResult } from '../../core/results/views'
import type { DbLike, Doc, Where } from '../common/sdk'
import { rollupView } from './views'
import { FOLLOWER_TOTALS, ITEM_SERIES, LEADS, LIVE_SESSIONS, RESULTS_LOCKS, ROLLUP_SCRATCH, ROLLUPS, SNAPSHOTS, TEAMS, type CollectionName } from '../common/db/collections'
import { rollupId, seriesId, type FollowerRecord, type LeadRecord, type LiveRecord, type LockRecord, type RebuildJob, type RollupRecord, type SeriesRecord, type SnapshotRecord } from '../common/db/results'

/** How long one call may work before it saves its place: under the function's 60 s timeout. */
const BUDGET_MS = 40_000
/**
 * How long writes stay refused after a call of a running rebuild: past the next continuing timer tick
 * (every minute at night), so a rebuild paused between calls is never written under.
 */
const LOCK_MS = 5 * 60_000
const PAGE = 1000

export interface RebuildLimits {
  /** Work time for this call (default 40 s). */
  budgetMs?: number
  /** At most this many items' snapshots per call (tests use it to force a rebuild over several calls). */
  maxItems?: number
}

/**
 * Recomputes a team's item series and day rollups from its raw facts and writes what differs.
 *
 * A big team's rebuild takes several calls. Posts are read item by item (in itemId order) and their day
 * sums kept in a scratch collection between calls, with the position in the team's lock document; the
 * call that reaches the last item adds livestreams, leads and follower totals, compares with the stored
 * rollups, writes the days that differ and drops the scratch. Rollups built from disjoint facts add up
 * (`mergeRollup`), so the pieces make exactly the full rebuild.
 *
 * While it runs the lock refuses new facts (a fact transaction reads the lock, so one in flight when the
 * lock was set fails its commit and retries into the refusal); the facts read are therefore all the facts
 * there are. A rebuild whose lock lapsed (nobody continued it) starts again, since facts may have arrived.
 */
export async function rebuildTeam(db: DbLike, teamId: string, now: Date, limits: RebuildLimits = {}): Promise<RebuildResult> {
  const deadline = Date.now() + (limits.budgetMs ?? BUDGET_MS)
  const maxItems = limits.maxItems ?? Infinity
  const lockRef = db.collection(RESULTS_LOCKS).doc(teamId)
  const lock = await readDoc<LockRecord>(db, RESULTS_LOCKS, teamId)
  const resumable = lock?.job && lock.rebuildingUntil && new Date(lock.rebuildingUntil).getTime() > now.getTime()
  let job: RebuildJob = resumable ? lock!.job! : { startedAt: now, afterItemId: '', items: 0, snapshots: 0 }
  const lockOf = (j: RebuildJob | null, until: Date | null): Omit<LockRecord, '_id'> => ({ teamId, rebuildingUntil: until, lastRebuildAt: j ? (lock?.lastRebuildAt ?? null) : now, job: j })
  await lockRef.set({ data: lockOf(job, new Date(now.getTime() + LOCK_MS)) as unknown as Record<string, unknown> })
  let released = false
  try {
    if (!resumable) await removeAll(db, ROLLUP_SCRATCH, teamId)
    const partial = new Map<string, DayRollup>()
    const { done, next } = await rebuildPosts(db, teamId, job, partial, now, () => Date.now() > deadline, maxItems)
    job = next
    if (!done) {
      await addToScratch(db, teamId, partial)
      await lockRef.set({ data: lockOf(job, new Date(now.getTime() + LOCK_MS)) as unknown as Record<string, unknown> })
      return { done: false, days: 0, snapshots: job.snapshots, lives: 0, leads: 0, followerTotals: 0, changedDays: 0, itemsDone: job.items }
    }
    const result = await finish(db, teamId, partial, now)
    await removeAll(db, ROLLUP_SCRATCH, teamId)
    await lockRef.set({ data: lockOf(null, null) as unknown as Record<string, unknown> })
    released = true
    return { ...result, done: true, snapshots: job.snapshots, itemsDone: job.items }
  } catch (e) {
    // A failed call frees the team's writes; the next rebuild starts over.
    const freed: Omit<LockRecord, '_id'> = { teamId, rebuildingUntil: null, lastRebuildAt: lock?.lastRebuildAt ?? null, job: null }
    if (!released) await lockRef.set({ data: freed as unknown as Record<string, unknown> }).catch(() => undefined)
    throw e
  }
}

type PostFields = Pick<SnapshotRecord, '_id' | 'itemId' | 'date' | 'metrics' | 'supersedes' | 'dims' | 'kind' | 'loggedAt'>

/**
 * Posts item by item after the job's position: each item's series is rewritten if it differs and its day
 * sums are added to `partial`. Stops between two items when out of time; returns the new position.
 */
async function rebuildPosts(
  db: DbLike,
  teamId: string,
  job: RebuildJob,
  partial: Map<string, DayRollup>,
  now: Date,
  outOfTime: () => boolean,
  maxItems: number,
): Promise<{ done: boolean; next: RebuildJob }> {
  const _ = db.command
  const next = { ...job }
  let itemsThisCall = 0
  let cursor: { itemId: string; id: string } = { itemId: job.afterItemId, id: '' }
  let current: PostFields[] = []
  const finishItem = async () => {
    const itemId = current[0].itemId
    await rewriteSeries(db, teamId, itemId, current, now)
    const built = buildRollups({
      snapshots: current.map((s) => ({ id: s._id, itemId: s.itemId, date: s.date, metrics: s.metrics, supersedes: s.supersedes ?? null, kind: s.kind, loggedAt: s.loggedAt })),
      dims: new Map([[itemId, current[0].dims]]),
      lives: [],
      leads: [],
      followers: [],
    })
    for (const [day, r] of built) mergeRollup(partial.get(day) ?? partial.set(day, emptyRollup(day)).get(day)!, r)
    next.afterItemId = itemId
    next.items++
    next.snapshots += current.length
    itemsThisCall++
    current = []
  }
  for (;;) {
    const after = cursor.id ? _.or([{ itemId: _.gt(cursor.itemId) }, { itemId: cursor.itemId, _id: _.gt(cursor.id) }]) : { itemId: _.gt(cursor.itemId) }
    const page = (
      await db
        .collection(SNAPSHOTS)
        .where(_.and([{ teamId }, after]) as unknown as Where)
        .orderBy('itemId', 'asc')
        .orderBy('_id', 'asc')
        .field({ _id: true, itemId: true, date: true, metrics: true, supersedes: true, dims: true, kind: true, loggedAt: true })
        .limit(PAGE)
        .get()
    ).data as unknown as PostFields[]
    for (const s of page) {
      if (current.length && s.itemId !== current[0].itemId) {
        await finishItem()
        // Stop between items: the next call starts after the last whole item.
        if (outOfTime() || itemsThisCall >= maxItems) return { done: false, next }
      }
      current.push(s)
    }
    if (page.length < PAGE) {
      if (current.length) await finishItem()
      return { done: true, next }
    }
    const last = page[page.length - 1]
    cursor = { itemId: last.itemId, id: last._id }
  }
}

/** The last call: scratch + this call's posts + livestreams, leads, follower totals, compared with what is stored. */
async function finish(db: DbLike, teamId: string, partial: Map<string, DayRollup>, now: Date): Promise<Omit<RebuildResult, 'done' | 'snapshots' | 'itemsDone'>> {
  const [scratch, lives, leads, followers, stored] = await Promise.all([
    readAll<RollupRecord>(db, ROLLUP_SCRATCH, teamId),
    readAll<LiveRecord>(db, LIVE_SESSIONS, teamId),
    readAll<LeadRecord>(db, LEADS, teamId),
    readAll<FollowerRecord>(db, FOLLOWER_TOTALS, teamId),
    readAll<RollupRecord>(db, ROLLUPS, teamId),
  ])
  const rebuilt = new Map<string, DayRollup>()
  const into = (day: string) => rebuilt.get(day) ?? rebuilt.set(day, emptyRollup(day)).get(day)!
  for (const r of scratch) mergeRollup(into(r.day), r)
  for (const [day, r] of partial) mergeRollup(into(day), r)
  const others = buildRollups({
    snapshots: [],
    dims: new Map(lives.map((l) => [l.itemId, l.dims])),
    lives: lives.map((l) => ({ ...l, id: l._id })),
    leads: leads.map((l) => ({ ...l, id: l._id })),
    followers: followers.map((f) => ({ ...f, id: f._id })),
  })
  for (const [day, r] of others) mergeRollup(into(day), r)
  for (const [day, r] of rebuilt) if (isEmptyRollup(r)) rebuilt.delete(day)

  const storedByDay = new Map(stored.filter((r) => !isEmptyRollup(r)).map((r) => [r.day, r]))
  let changedDays = 0
  for (const [day, r] of rebuilt) {
    const cur = storedByDay.get(day)
    storedByDay.delete(day)
    if (cur && rollupKey(cur) === rollupKey(r)) continue
    changedDays++
    const doc: Omit<RollupRecord, '_id'> = { ...rollupView(r), teamId, updatedAt: now }
    await db.collection(ROLLUPS).doc(rollupId(teamId, day)).set({ data: doc as unknown as Record<string, unknown> })
  }
  for (const leftover of storedByDay.values()) {
    changedDays++
    await db.collection(ROLLUPS).doc(leftover._id).remove()
  }
  return { days: rebuilt.size, lives: lives.length, leads: leads.length, followerTotals: followers.length, changedDays }
}

/** Saves a call's post sums into the scratch day documents (read, add, write). */
async function addToScratch(db: DbLike, teamId: string, partial: Map<string, DayRollup>): Promise<void> {
  const days = [...partial.keys()]
  const _ = db.command
  for (let i = 0; i < days.length; i += PAGE) {
    const ids = days.slice(i, i + PAGE).map((d) => rollupId(teamId, d))
    const have = new Map(((await db.collection(ROLLUP_SCRATCH).where({ teamId, _id: _.in(ids) }).limit(PAGE).get()).data as unknown as RollupRecord[]).map((r) => [r.day, r]))
    for (const day of days.slice(i, i + PAGE)) {
      const merged = mergeRollup(have.has(day) ? { ...rollupView(have.get(day)!) } : emptyRollup(day), partial.get(day)!)
      const doc: Omit<RollupRecord, '_id'> = { ...merged, teamId, updatedAt: new Date(0) }
      await db.collection(ROLLUP_SCRATCH).doc(rollupId(teamId, day)).set({ data: doc as unknown as Record<string, unknown> })
    }
  }
}

async function rewriteSeries(db: DbLike, teamId: string, itemId: string, list: PostFields[], now: Date): Promise<void> {
  const points = effectiveSeries(list.map((s) => ({ id: s._id, date: s.date, metrics: s.metrics, supersedes: s.supersedes ?? null })))
  const cur = await readDoc<SeriesRecord>(db, ITEM_SERIES, seriesId(teamId, itemId))
  if (cur && JSON.stringify(cur.points) === JSON.stringify(points)) return
  const doc: Omit<SeriesRecord, '_id'> = { teamId, itemId, dims: cur?.dims ?? list[0].dims, points, updatedAt: now }
  await db.collection(ITEM_SERIES).doc(seriesId(teamId, itemId)).set({ data: doc as unknown as Record<string, unknown> })
}

async function readDoc<T>(db: DbLike, coll: CollectionName, id: string): Promise<T | null> {
  const list = (await db.collection(coll).where({ _id: id }).limit(1).get()).data as unknown as T[]
  return list[0] ?? null
}

async function removeAll(db: DbLike, coll: CollectionName, teamId: string): Promise<void> {
  await db.collection(coll).where({ teamId }).remove()
}

/** Every document of a team in a collection, paged by _id (skip-free, so cost stays linear). */
export async function readAll<T>(db: DbLike, coll: CollectionName, teamId: string, fields?: Record<string, boolean>): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  let after = ''
  for (;;) {
    let q = db.collection(coll).where(after ? { teamId, _id: _.gt(after) } : { teamId }).orderBy('_id', 'asc')
    if (fields) q = q.field(fields)
    const page = (await q.limit(PAGE).get()).data as Doc[]
    out.push(...(page as unknown as T[]))
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

/** A team rebuilt more recently than this is not due again tonight. */
const DUE_AFTER_MS = 20 * 3600_000

/**
 * The nightly repair, run by a timer every minute from 03:00 to 05:59: first it continues rebuilds that
 * are part way (their teams' writes are waiting), then rebuilds teams not rebuilt in the last 20 hours, one
 * after another, until this call's time is used. A night of calls covers every team however big.
 */
export async function rebuildAllTeams(db: DbLike, now: Date, limits: RebuildLimits = {}): Promise<{ teams: number; changedDays: number; finished: boolean }> {
  const deadline = Date.now() + (limits.budgetMs ?? BUDGET_MS)
  const left = () => ({ ...limits, budgetMs: Math.max(0, deadline - Date.now()) })
  const _ = db.command
  let teams = 0
  let changedDays = 0
  const run = async (teamId: string) => {
    const r = await rebuildTeam(db, teamId, now, left())
    changedDays += r.changedDays
    if (r.done) teams++
    return r.done
  }
  const running = (await db.collection(RESULTS_LOCKS).where({ job: _.neq(null) }).field({ _id: true, teamId: true }).limit(PAGE).get()).data as unknown as LockRecord[]
  for (const l of running) if (!(await run(l.teamId)) || Date.now() > deadline) return { teams, changedDays, finished: false }
  let after = ''
  for (;;) {
    const q = db.collection(TEAMS).where(after ? { _id: _.gt(after) } : {}).orderBy('_id', 'asc').field({ _id: true })
    const page = (await q.limit(PAGE).get()).data as Doc[]
    const locks = new Map(
      ((await db.collection(RESULTS_LOCKS).where({ _id: _.in(page.map((t) => t._id)) }).limit(PAGE).get()).data as unknown as LockRecord[]).map((l) => [l._id, l]),
    )
    for (const t of page) {
      const last = locks.get(t._id)?.lastRebuildAt
      if (last && now.getTime() - new Date(last).getTime() < DUE_AFTER_MS) continue
      if (Date.now() > deadline || !(await run(t._id))) return { teams, changedDays, finished: false }
    }
    if (page.length < PAGE) return { teams, changedDays, finished: true }
    after = page[page.length - 1]._id
  }
}
