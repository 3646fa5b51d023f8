// Years of results history for one team, written straight into a store: raw snapshot documents in the
// shape the results function stores, with the derived item series and day rollups built by the same
// core builders its rebuild uses (so they are real rollups, equal to a rebuild). Going through the
// function would take hours at a million snapshots; this takes seconds per hundred thousand.
// Used by the dashboard's read-bound test and by test/bench/analytics.ts — keep the signature stable.
import { FOLLOWER_TOTALS, ITEM_SERIES, ITEMS, LEADS, ROLLUPS, SNAPSHOTS } from '../../cloudfunctions/common/db/collections'
import type { ItemRecord } from '../../cloudfunctions/common/db/content'
import { rollupId, seriesId, type FollowerRecord, type LeadRecord, type SnapshotRecord } from '../../cloudfunctions/common/db/results'
import { LAYERS } from '../../core/content/schemas'
import { addSums } from '../../core/results/metrics'
import { buildRollups, DIMENSIONS, emptyRollup, type DayRollup, type ItemDims } from '../../core/results/rollup'
import type { SnapshotMetrics } from '../../core/results/schemas'
import { effectiveSeries } from '../../core/results/series'
import { addDays, startOfDay, type DayKey } from '../../core/time/china'
import type { Store } from '../../emulator/store'

export interface HistoryOptions {
  /** Published short videos, spread evenly over the window (item i goes out on day ⌊i × days / items⌋). */
  items: number
  /** Days of history, ending on `endDay` (inclusive). */
  days: number
  /** The last day of history (China time), usually today. */
  endDay: DayKey
  /** Each item is logged once a day from its publish day to `endDay`, for at most this many days (default: all). */
  loggedDays?: number
  /** Prefix of document ids (default 'hist'), so two histories can share a store. */
  idPrefix?: string
}

export interface HistoryWritten {
  items: number
  snapshots: number
  /** Day rollup documents written. */
  rollupDays: number
  /** Item series documents written. */
  series: number
  /** Ids of the items, oldest first. */
  itemIds: string[]
}

const CHUNK_ITEMS = 50

/**
 * Writes `items` published short videos, each logged daily (cumulative numbers that grow like a real
 * post's: completion ~35%, interaction ~15%), a follower total and a leads record per day, and the
 * matching item series and day rollups. Snapshots = Σ over items of the days from publication to
 * `endDay` (≈ items × days / 2 when every day is logged), e.g. 1,000 items × 2,000 days ≈ 1M.
 */
export function writeHistory(store: Store, teamId: string, opts: HistoryOptions): HistoryWritten {
  const prefix = opts.idPrefix ?? 'hist'
  const first = addDays(opts.endDay, -(opts.days - 1))
  const dayIndex = (d: number) => addDays(first, d)
  const rollups = new Map<DayKey, DayRollup>()
  const itemIds: string[] = []
  let snapshots = 0
  let series = 0
  const ownerId = `${prefix}_owner`

  for (let start = 0; start < opts.items; start += CHUNK_ITEMS) {
    const items: ItemRecord[] = []
    const snaps: SnapshotRecord[] = []
    const dims = new Map<string, ItemDims>()
    for (let i = start; i < Math.min(opts.items, start + CHUNK_ITEMS); i++) {
      const pubIdx = Math.floor((i * opts.days) / opts.items)
      const day = dayIndex(pubIdx)
      const publishedAt = new Date(startOfDay(day).getTime() + 10 * 3_600_000)
      const id = `${prefix}_item_${teamId}_${i}`.slice(0, 64)
      const d: ItemDims = { format: 'short_video', layer: LAYERS[i % 5 === 0 ? 1 : i % 7 === 0 ? 2 : 0], category: 'brand' }
      dims.set(id, d)
      itemIds.push(id)
      items.push({
        _id: id, teamId, title: `历史作品 ${i}`, ...d, ownerId, plannedAt: publishedAt, day, status: 'published', notes: '', tags: [], source: null,
        publishedAt, postUrl: null, scheduleHistory: [], createdAt: publishedAt, updatedAt: publishedAt, createdBy: ownerId, version: 0,
      } as ItemRecord)
      const reach = 2000 + ((i * 7919) % 18_000)
      const lastIdx = Math.min(opts.days - 1, pubIdx + (opts.loggedDays ?? opts.days) - 1)
      for (let k = 0; pubIdx + k <= lastIdx; k++) {
        const date = dayIndex(pubIdx + k)
        const loggedAt = new Date(startOfDay(addDays(date, 1)).getTime() + ((i + k) % 48) * 3_600_000)
        snaps.push({
          _id: `${prefix}_snap_${i}_${pubIdx + k}`, teamId, itemId: id, date, metrics: cumulative(reach, k), kind: 'log', source: 'form', supersedes: null,
          reason: null, importId: null, dims: d, loggedByName: '历史', loggedAt, createdAt: loggedAt, updatedAt: loggedAt, createdBy: ownerId, version: 0,
        })
      }
    }
    const facts = snaps.map((s) => ({ id: s._id, itemId: s.itemId, date: s.date, metrics: s.metrics, supersedes: null, kind: s.kind, loggedAt: s.loggedAt }))
    for (const r of buildRollups({ snapshots: facts, dims, lives: [], leads: [], followers: [] }).values()) merge(rollups, r)
    const byItem = new Map<string, typeof facts>()
    for (const f of facts) (byItem.get(f.itemId) ?? byItem.set(f.itemId, []).get(f.itemId)!).push(f)
    const seriesDocs = [...byItem].map(([itemId, list]) => ({ _id: seriesId(teamId, itemId), teamId, itemId, dims: dims.get(itemId)!, points: effectiveSeries(list), updatedAt: new Date() }))
    store.insert(ITEMS, items as unknown as Record<string, unknown>[])
    store.insert(SNAPSHOTS, snaps as unknown as Record<string, unknown>[])
    store.insert(ITEM_SERIES, seriesDocs as unknown as Record<string, unknown>[])
    snapshots += snaps.length
    series += seriesDocs.length
  }

  // Account-level facts: a follower total and some leads every day.
  const followers: FollowerRecord[] = []
  const leads: LeadRecord[] = []
  for (let d = 0; d < opts.days; d++) {
    const date = dayIndex(d)
    const at = new Date(`${date}T21:00:00+08:00`)
    const base = { teamId, loggedByName: '历史', loggedAt: at, createdAt: at, updatedAt: at, createdBy: ownerId, version: 0 }
    followers.push({ ...base, _id: `${prefix}_fol_${teamId}_${d}`, date, total: 20_000 + d * 25, supersedes: null })
    leads.push({ ...base, _id: `${prefix}_lead_${teamId}_${d}`, date, channel: 'wecom', count: 1 + (d % 4), itemId: null, liveId: null, supersedes: null })
  }
  const account = buildRollups({
    snapshots: [],
    dims: new Map(),
    lives: [],
    leads: leads.map((l) => ({ ...l, id: l._id })),
    followers: followers.map((f) => ({ ...f, id: f._id })),
  })
  for (const r of account.values()) merge(rollups, r)
  store.insert(FOLLOWER_TOTALS, followers as unknown as Record<string, unknown>[])
  store.insert(LEADS, leads as unknown as Record<string, unknown>[])
  const now = new Date()
  store.insert(ROLLUPS, [...rollups.values()].map((r) => ({ ...r, _id: rollupId(teamId, r.day), teamId, updatedAt: now })) as unknown as Record<string, unknown>[])
  return { items: opts.items, snapshots, rollupDays: rollups.size, series, itemIds }
}

/** Adds one rollup into the accumulated one for its day (rollups of disjoint facts add up). */
function merge(into: Map<DayKey, DayRollup>, r: DayRollup): void {
  const cur = into.get(r.day) ?? into.set(r.day, emptyRollup(r.day)).get(r.day)!
  addSums(cur.total, r.total)
  for (const dim of DIMENSIONS) for (const [v, s] of Object.entries(r.by[dim])) cur.by[dim][v] = addSums(cur.by[dim][v] ?? {}, s)
  if (r.followers) cur.followers = r.followers
}

/** Cumulative numbers `k` days after publication of a post that will reach `reach` plays. */
function cumulative(reach: number, k: number): SnapshotMetrics {
  const plays = Math.round(reach * (1 - Math.exp(-(k + 1) / 3)))
  const part = (r: number) => Math.round(plays * r)
  return {
    plays,
    completions: part(0.35),
    likes: part(0.09),
    comments: part(0.02),
    shares: part(0.025),
    favorites: part(0.015),
    newFollowersOrganic: part(0.003),
    newFollowersPaid: part(0.007),
    inquiries: part(0.006),
    orders: part(0.001),
  }
}
