import { buildRollups, isEmptyRollup, rollupKey, type ItemDims } from '../../core/results/rollup'
import { effectiveSeries } from '../../core/results/series'
import type { RebuildResult } from '../../core/results/schemas'
import type { DbLike, Doc } from '../common/sdk'
import {
  FOLLOWERS,
  LEADS,
  LIVES,
  LOCKS,
  ROLLUPS,
  rollupId,
  SERIES,
  seriesId,
  SNAPSHOTS,
  type FollowerRecord,
  type LeadRecord,
  type LiveRecord,
  type LockRecord,
  type RollupRecord,
  type SeriesRecord,
  type SnapshotRecord,
} from './records'

/** Long enough for a big team's rebuild; if the function dies, writes resume after it. */
const LOCK_MS = 60_000
const PAGE = 1000

/**
 * Recomputes a team's item series and day rollups from its raw facts and writes what differs.
 * While it runs, the team's lock document refuses new facts (a fact transaction reads the lock, so one
 * that was in flight when the lock was set fails its commit and retries into the refusal); the facts
 * read are therefore all the facts there are.
 */
export async function rebuildTeam(db: DbLike, teamId: string, now: Date): Promise<RebuildResult> {
  const lock = db.collection(LOCKS).doc(teamId)
  const base: Omit<LockRecord, '_id'> = { teamId, rebuildingUntil: new Date(now.getTime() + LOCK_MS), lastRebuildAt: null }
  await lock.set({ data: base as unknown as Record<string, unknown> })
  try {
    const [snapshots, lives, leads, followers] = await Promise.all([
      readAll<SnapshotRecord>(db, SNAPSHOTS, teamId, { _id: true, itemId: true, date: true, metrics: true, supersedes: true, dims: true, kind: true, loggedAt: true }),
      readAll<LiveRecord>(db, LIVES, teamId),
      readAll<LeadRecord>(db, LEADS, teamId),
      readAll<FollowerRecord>(db, FOLLOWERS, teamId),
    ])
    const dims = new Map<string, ItemDims>()
    for (const s of snapshots) if (!dims.has(s.itemId)) dims.set(s.itemId, s.dims)
    for (const l of lives) if (!dims.has(l.itemId)) dims.set(l.itemId, l.dims)
    const rebuilt = buildRollups({
      snapshots: snapshots.map((s) => ({ id: s._id, itemId: s.itemId, date: s.date, metrics: s.metrics, supersedes: s.supersedes ?? null, kind: s.kind, loggedAt: s.loggedAt })),
      dims,
      lives: lives.map((l) => ({ ...l, id: l._id })),
      leads: leads.map((l) => ({ ...l, id: l._id })),
      followers: followers.map((f) => ({ ...f, id: f._id })),
    })

    const stored = await readAll<RollupRecord>(db, ROLLUPS, teamId)
    const storedByDay = new Map(stored.filter((r) => !isEmptyRollup(r)).map((r) => [r.day, r]))
    let changedDays = 0
    for (const [day, r] of rebuilt) {
      const cur = storedByDay.get(day)
      storedByDay.delete(day)
      if (cur && rollupKey(cur) === rollupKey(r)) continue
      changedDays++
      const doc: Omit<RollupRecord, '_id'> = { ...r, teamId, updatedAt: now }
      await db.collection(ROLLUPS).doc(rollupId(teamId, day)).set({ data: doc as unknown as Record<string, unknown> })
    }
    for (const leftover of storedByDay.values()) {
      changedDays++
      await db.collection(ROLLUPS).doc(leftover._id).remove()
    }
    await rewriteSeries(db, teamId, snapshots, now)
    return { days: rebuilt.size, snapshots: snapshots.length, lives: lives.length, leads: leads.length, followerTotals: followers.length, changedDays }
  } finally {
    await lock.set({ data: { ...base, rebuildingUntil: null, lastRebuildAt: now } as unknown as Record<string, unknown> })
  }
}

async function rewriteSeries(db: DbLike, teamId: string, snapshots: SnapshotRecord[], now: Date): Promise<void> {
  const byItem = new Map<string, SnapshotRecord[]>()
  for (const s of snapshots) (byItem.get(s.itemId) ?? byItem.set(s.itemId, []).get(s.itemId)!).push(s)
  const stored = new Map((await readAll<SeriesRecord>(db, SERIES, teamId)).map((s) => [s.itemId, s]))
  for (const [itemId, list] of byItem) {
    const points = effectiveSeries(list.map((s) => ({ id: s._id, date: s.date, metrics: s.metrics, supersedes: s.supersedes ?? null })))
    const cur = stored.get(itemId)
    if (cur && JSON.stringify(cur.points) === JSON.stringify(points)) continue
    const doc: Omit<SeriesRecord, '_id'> = { teamId, itemId, dims: cur?.dims ?? list[0].dims, points, updatedAt: now }
    await db.collection(SERIES).doc(seriesId(teamId, itemId)).set({ data: doc as unknown as Record<string, unknown> })
  }
}

/** Every document of a team in a collection, paged by _id (skip-free, so cost stays linear). */
export async function readAll<T>(db: DbLike, coll: string, teamId: string, fields?: Record<string, boolean>): Promise<T[]> {
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

/** The nightly repair: every team, one after another. */
export async function rebuildAllTeams(db: DbLike, now: Date): Promise<{ teams: number; changedDays: number }> {
  const _ = db.command
  let after = ''
  let teams = 0
  let changedDays = 0
  for (;;) {
    const q = db.collection('teams').where(after ? { _id: _.gt(after) } : {}).orderBy('_id', 'asc').field({ _id: true })
    const page = (await q.limit(PAGE).get()).data as Doc[]
    for (const t of page) {
      changedDays += (await rebuildTeam(db, t._id, now)).changedDays
      teams++
    }
    if (page.length < PAGE) return { teams, changedDays }
    after = page[page.length - 1]._id
  }
}
