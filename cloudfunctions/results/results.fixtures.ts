// What the `results` int tests of logging (snapshots.int.test.ts) and of the other ways numbers come in
// (importAndLive.int.test.ts) share: days counted back from today, calls that log a snapshot, past
// published items written as the content function would, and the check that stored rollups equal a
// rebuild from the stored raw facts.
import { buildRollups, rollupKey } from '../../core/results/rollup'
import type { SnapshotView } from '../../core/results/views'
import { addDays, dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import type { World } from '../../test/support/world'
import { FOLLOWER_TOTALS, ITEMS, LEADS, LIVE_SESSIONS, ROLLUPS, SNAPSHOTS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'
import type { LiveRecord, RollupRecord, SnapshotRecord } from '../common/db/results'

export const today = () => dayKey(new Date())
export const ago = (n: number) => addDays(today(), -n)

/**
 * The helpers, over the cloud and world that `useWorld` is given before each test:
 *
 * @example
 * const { useWorld, logged, rollup } = resultsHelpers()
 * worldEachTest((c, world) => { cloud = c; w = world; useWorld(c, world) })
 */
export function resultsHelpers() {
  let cloud: TestCloud
  let w: World
  const useWorld = (c: TestCloud, world: World) => {
    cloud = c
    w = world
  }

  let seq = 0
  const call = (openid: string, action: string, data: unknown = {}, requestId = `r-${Date.now()}-${seq++}`) => cloud.call('results', openid, { action, data, requestId })
  const field = () => w.openid.field
  const log = (itemId: string, date: string, metrics: Record<string, number>, who = field()) => call(who, 'logSnapshot', { itemId, date, metrics })
  const logged = async (itemId: string, date: string, metrics: Record<string, number>, who = field()) => {
    const res = await log(itemId, date, metrics, who)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as SnapshotView
  }
  const stored = <T>(coll: string) => cloud.store.find(coll, { query: { teamId: w.teamA } }) as unknown as T[]
  const rollup = (day: string) => stored<RollupRecord>(ROLLUPS).find((r) => r.day === day)

  /** A short video published `daysAgo` days ago (past items are written as the content function would). */
  function publishedItem(daysAgo: number, over: { layer?: 'intro' | 'value' | 'story'; title?: string } = {}): string {
    const at = new Date(Date.now() - daysAgo * 86400_000)
    const id = `it_${w.teamA}_${seq++}`
    const item = newItemRecord({ _id: id, teamId: w.teamA, title: over.title ?? `作品${id}`, format: 'short_video', layer: over.layer ?? 'intro', category: 'brand', ownerId: w.memberId.operator, plannedAt: at, createdBy: w.memberId.operator, now: at })
    cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at, day: dayKey(at) }] as never)
    return id
  }

  /** Stored rollups equal a rebuild from the stored raw facts. */
  function expectRollupsMatchFacts() {
    const snaps = stored<SnapshotRecord>(SNAPSHOTS)
    const lives = stored<LiveRecord>(LIVE_SESSIONS)
    const dims = new Map([...snaps, ...lives].map((s) => [s.itemId, s.dims]))
    const rebuilt = buildRollups({
      snapshots: snaps.map((s) => ({ id: s._id, itemId: s.itemId, date: s.date, metrics: s.metrics, supersedes: s.supersedes, kind: s.kind, loggedAt: s.loggedAt })),
      dims,
      lives: lives.map((l) => ({ ...l, id: l._id })),
      leads: stored<{ _id: string }>(LEADS).map((l) => ({ ...(l as never as object), id: l._id })) as never,
      followers: stored<{ _id: string }>(FOLLOWER_TOTALS).map((f) => ({ ...(f as never as object), id: f._id })) as never,
    })
    const incremental = stored<RollupRecord>(ROLLUPS).filter((r) => Object.keys(r.total).length || r.followers)
    expect(incremental.map((r) => rollupKey(r)).sort()).toEqual([...rebuilt.values()].map(rollupKey).sort())
  }

  return { useWorld, call, field, log, logged, stored, rollup, publishedItem, expectRollupsMatchFacts }
}
