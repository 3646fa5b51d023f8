import { buildRollups, rollupKey } from '../../core/results/rollup'
import type { RebuildResult } from '../../core/results/views'
import { addDays, dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { FOLLOWER_TOTALS, ITEMS, LEADS, LIVE_SESSIONS, RESULTS_LOCKS, ROLLUP_SCRATCH, ROLLUPS, SNAPSHOTS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'
import type { LiveRecord, LockRecord, RollupRecord, SnapshotRecord } from '../common/db/results'
import { database } from '../common/sdk'
import { rebuildAllTeams, rebuildTeam } from './rebuild'

// A big team's rebuild runs over several calls (a cloud function has 60 s); these force that with a small
// item limit per call and check the pieces make exactly the one-call rebuild.
let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const today = () => dayKey(new Date())
let seq = 0
const stored = <T>(coll: string) => cloud.store.find(coll, { query: { teamId: w.teamA } }) as unknown as T[]

function publishedItem(daysAgo: number, layer: 'intro' | 'value' | 'story'): string {
  const at = new Date(Date.now() - daysAgo * 86400_000)
  const id = `rb_${w.teamA}_${seq++}`
  const item = newItemRecord({ _id: id, teamId: w.teamA, title: `作品${id}`, format: 'short_video', layer, category: 'brand', ownerId: w.memberId.operator, plannedAt: at, createdBy: w.memberId.operator, now: at })
  cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at, day: dayKey(at) }] as never)
  return id
}

async function history() {
  const items = [publishedItem(6, 'intro'), publishedItem(6, 'story'), publishedItem(6, 'value'), publishedItem(6, 'intro'), publishedItem(6, 'story')]
  for (const [i, item] of items.entries()) {
    for (let d = 5; d >= 0; d -= 1 + (i % 2)) {
      await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId: item, date: addDays(today(), -d), metrics: { plays: 100 * (6 - d) + i, likes: 10 * (6 - d) } })
    }
  }
  await ok(cloud, 'results', w.openid.field, 'logLeads', { date: today(), channel: 'wecom', count: 4 })
  await ok(cloud, 'results', w.openid.field, 'logFollowers', { date: today(), total: 1200 })
  return items
}

/** What a rebuild from the stored raw facts must give (core builder over everything at once). */
function expected() {
  const snaps = stored<SnapshotRecord>(SNAPSHOTS)
  const lives = stored<LiveRecord>(LIVE_SESSIONS)
  return [
    ...buildRollups({
      snapshots: snaps.map((s) => ({ id: s._id, itemId: s.itemId, date: s.date, metrics: s.metrics, supersedes: s.supersedes, kind: s.kind, loggedAt: s.loggedAt })),
      dims: new Map(snaps.map((s) => [s.itemId, s.dims])),
      lives: lives.map((l) => ({ ...l, id: l._id })),
      leads: stored<{ _id: string }>(LEADS).map((l) => ({ ...(l as never as object), id: l._id })) as never,
      followers: stored<{ _id: string }>(FOLLOWER_TOTALS).map((f) => ({ ...(f as never as object), id: f._id })) as never,
    }).values(),
  ]
    .map(rollupKey)
    .sort()
}
const storedRollups = () => stored<RollupRecord>(ROLLUPS).filter((r) => Object.keys(r.total).length || r.followers).map(rollupKey).sort()

describe('a rebuild over several calls', () => {
  it('repairs damaged rollups in pieces, refusing writes in between, and ends equal to a one-call rebuild', async () => {
    await history()
    const want = expected()
    // Damage two days and delete one, as a bug or a lost write would.
    for (const r of stored<RollupRecord>(ROLLUPS).slice(0, 2)) cloud.store.update(ROLLUPS, { _id: r._id }, { $set: { 'total.plays': 1 } }, { multi: false, upsert: false, replace: false })
    cloud.store.remove(ROLLUPS, { _id: stored<RollupRecord>(ROLLUPS)[3]._id }, { multi: false })
    expect(storedRollups()).not.toEqual(want)

    const db = database()
    const calls: RebuildResult[] = []
    for (let i = 0; i < 10; i++) {
      const r = await rebuildTeam(db, w.teamA, new Date(), { maxItems: 2 })
      calls.push(r)
      if (r.done) break
      // Paused between calls: a field worker's write is refused, not half counted.
      const res = await cloud.call('results', w.openid.field, { action: 'logLeads', data: { date: today(), channel: 'offline', count: 1 }, requestId: `between-${i}-${seq++}` })
      expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    }
    expect(calls.map((c) => c.done)).toEqual([false, false, true])
    expect(calls.map((c) => c.itemsDone)).toEqual([2, 4, 5])
    expect(calls[2]).toMatchObject({ snapshots: stored(SNAPSHOTS).length, changedDays: 3 })
    expect(storedRollups()).toEqual(want)
    expect(stored(ROLLUP_SCRATCH)).toHaveLength(0)
    expect(stored<LockRecord>(RESULTS_LOCKS)[0]).toMatchObject({ rebuildingUntil: null, job: null })
    // Writes flow again.
    await ok(cloud, 'results', w.openid.field, 'logLeads', { date: today(), channel: 'offline', count: 1 })
  })

  it('a rebuild left half way (its lock lapsed) starts over, since facts may have arrived', async () => {
    await history()
    const db = database()
    const first = await rebuildTeam(db, w.teamA, new Date(), { maxItems: 2 })
    expect(first.done).toBe(false)
    // Ten minutes later nobody has continued it: the lock has lapsed and a new fact lands.
    const later = new Date(Date.now() + 10 * 60_000)
    cloud.store.update(RESULTS_LOCKS, { _id: w.teamA }, { $set: { rebuildingUntil: new Date(Date.now() - 1000) } }, { multi: false, upsert: false, replace: false })
    await ok(cloud, 'results', w.openid.field, 'logLeads', { date: today(), channel: 'community', count: 2 })
    const again = await rebuildTeam(db, w.teamA, later)
    expect(again).toMatchObject({ done: true, itemsDone: 5, changedDays: 0 })
    expect(storedRollups()).toEqual(expected())
  })

  it('the nightly timer continues a rebuild that is part way before starting others', async () => {
    await history()
    const db = database()
    await rebuildTeam(db, w.teamA, new Date(), { maxItems: 1 })
    const r = await rebuildAllTeams(db, new Date())
    expect(r.finished).toBe(true)
    expect(stored<LockRecord>(RESULTS_LOCKS)[0]).toMatchObject({ job: null, rebuildingUntil: null })
    expect(storedRollups()).toEqual(expected())
  })
})
