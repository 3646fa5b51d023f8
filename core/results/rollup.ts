import { addDays, startOfDay, type DayKey } from '../time/china'
import { addSums, isZero, type Channel, type Sums } from './metrics'
import { dailyIncrements, effectiveSeries, type SnapshotFact } from './series'

/**
 * Daily rollups: per team and day, one document with the day's sums for the team (`total`) and per value
 * of each dimension (`by.format.short_video`, `by.channel.wecom`, …). Dashboards read these, never raw
 * facts. Both the write path (one fact at a time, in the fact's own transaction) and the rebuild (all
 * facts at once) fold the same `Contribution`s with `applyContribution`, and every sum is an integer, so
 * the two always agree exactly.
 */
export const DIMENSIONS = ['format', 'layer', 'category', 'channel'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** The classification a post's numbers are counted under. */
export interface ItemDims {
  format: string
  layer: string
  category: string
}

export interface DayRollup {
  day: DayKey
  total: Sums
  by: Record<Dimension, Record<string, Sums>>
  /** The account's follower total logged for the day (the record in force), if any. */
  followers: { total: number; factId: string } | null
}

/** Sums to add to one day, for the team and for the given dimension values. */
export interface Contribution {
  day: DayKey
  sums: Sums
  dims: Partial<Record<Dimension, string>>
}

export interface LiveFact {
  id: string
  itemId: string
  day: DayKey
  durationSeconds: number
  uniqueViewers: number
  peakConcurrent: number
  avgWatchSeconds?: number | null
  newFollowers: number
  comments?: number | null
  orders: number
  gmvFen: number
  supersedes?: string | null
}

export interface LeadFact {
  id: string
  date: DayKey
  channel: Channel
  count: number
  supersedes?: string | null
}

export interface FollowerFact {
  id: string
  date: DayKey
  total: number
  supersedes: string | null
}

export function emptyRollup(day: DayKey): DayRollup {
  return { day, total: {}, by: { format: {}, layer: {}, category: {}, channel: {} }, followers: null }
}

/**
 * Adds a contribution to a day's rollup (mutating and returning it). Dimension entries that fall back to
 * zero are removed, so equal sums always look the same.
 *
 * @example
 * const r = emptyRollup('2026-11-01')
 * applyContribution(r, { day: '2026-11-01', sums: { plays: 5 }, dims: { format: 'short_video' } })
 * //=> { total: { plays: 5 }, by: { format: { short_video: { plays: 5 } }, layer: {}, … }, … }
 */
export function applyContribution(r: DayRollup, c: Contribution): DayRollup {
  addSums(r.total, c.sums)
  for (const [dim, value] of Object.entries(c.dims) as [Dimension, string][]) {
    const bucket = r.by[dim]
    const sums = addSums(bucket[value] ?? {}, c.sums)
    if (isZero(sums)) delete bucket[value]
    else bucket[value] = sums
  }
  return r
}

/** Contributions of a post's increment changes (see `incrementChanges`), counted under the item's dimensions. */
export function postContributions(changes: Map<DayKey, Sums>, dims: ItemDims): Contribution[] {
  return [...changes].map(([day, sums]) => ({ day, sums, dims: { format: dims.format, layer: dims.layer, category: dims.category } }))
}

/**
 * What one livestream session adds to its day (`sign` −1 takes it back out).
 *
 * @example
 * liveContribution({ id: 'l', itemId: 'i', day: '2026-11-01', durationSeconds: 3600, uniqueViewers: 100, peakConcurrent: 30,
 *   avgWatchSeconds: 90, newFollowers: 4, orders: 8, gmvFen: 99_00 }, dims).sums
 * //=> { liveSessions: 1, liveDurationSeconds: 3600, liveUniqueViewers: 100, livePeakConcurrent: 30, liveWatchSeconds: 9000, liveNewFollowers: 4, liveOrders: 8, liveGmvFen: 9900 }
 */
export function liveContribution(l: LiveFact, dims: ItemDims, sign: 1 | -1 = 1): Contribution {
  const raw: Sums = {
    liveSessions: 1,
    liveDurationSeconds: l.durationSeconds,
    liveUniqueViewers: l.uniqueViewers,
    livePeakConcurrent: l.peakConcurrent,
    liveWatchSeconds: l.avgWatchSeconds == null ? 0 : Math.round(l.avgWatchSeconds * l.uniqueViewers),
    liveNewFollowers: l.newFollowers,
    liveComments: l.comments ?? 0,
    liveOrders: l.orders,
    liveGmvFen: l.gmvFen,
  }
  return { day: l.day, sums: signed(raw, sign), dims: { format: dims.format, layer: dims.layer, category: dims.category } }
}

/** What a leads record adds: to the day's total and to its source channel. */
export function leadContribution(l: LeadFact, sign: 1 | -1 = 1): Contribution {
  return { day: l.date, sums: signed({ leads: l.count }, sign), dims: { channel: l.channel } }
}

/**
 * What logging one snapshot adds to its metrics date: its lag (whole minutes from the end of that day,
 * China time, to when it was logged; 0 when logged the same day) and one timed log. Counted in the
 * team total only. Corrections add nothing: they fix numbers, they are not a reading of them.
 *
 * @example
 * logLagContribution('2026-11-01', new Date('2026-11-02T06:30:00+08:00')).sums //=> { logLagMinutes: 390, logsTimed: 1 }
 * logLagContribution('2026-11-01', new Date('2026-11-01T21:00:00+08:00')).sums //=> { logsTimed: 1 }
 */
export function logLagContribution(date: DayKey, loggedAt: Date | string): Contribution {
  const end = startOfDay(addDays(date, 1)).getTime()
  const lag = Math.max(0, Math.floor((new Date(loggedAt).getTime() - end) / 60_000))
  return { day: date, sums: addSums({}, { logLagMinutes: lag, logsTimed: 1 }), dims: {} }
}

function signed(s: Sums, sign: 1 | -1): Sums {
  return addSums({}, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, (v as number) * sign])) as Sums)
}

/** A stored snapshot as the rebuild reads it; `kind` and `loggedAt` time the log (see logLagContribution). */
export type SnapshotLogFact = SnapshotFact & { itemId: string; kind?: 'log' | 'correction'; loggedAt?: Date | string }

export interface AllFacts {
  snapshots: readonly SnapshotLogFact[]
  /** Dimensions per item id, for posts and livestreams. */
  dims: ReadonlyMap<string, ItemDims>
  lives: readonly LiveFact[]
  leads: readonly LeadFact[]
  followers: readonly FollowerFact[]
}

/**
 * Every day's rollup from raw facts: what the write path must have produced. Superseded records are
 * ignored; the record in force wins.
 *
 * @example
 * buildRollups({ snapshots: [{ id: 'a', itemId: 'i', date: '2026-11-01', metrics: { plays: 5 }, supersedes: null }],
 *   dims: new Map([['i', { format: 'short_video', layer: 'intro', category: 'brand' }]]), lives: [], leads: [], followers: [] })
 *   .get('2026-11-01')!.total
 * //=> { plays: 5, itemsLogged: 1 }
 */
export function buildRollups(facts: AllFacts): Map<DayKey, DayRollup> {
  const days = new Map<DayKey, DayRollup>()
  const at = (day: DayKey) => days.get(day) ?? days.set(day, emptyRollup(day)).get(day)!
  const add = (c: Contribution) => applyContribution(at(c.day), c)

  const byItem = new Map<string, SnapshotFact[]>()
  for (const s of facts.snapshots) (byItem.get(s.itemId) ?? byItem.set(s.itemId, []).get(s.itemId)!).push(s)
  for (const [itemId, list] of byItem) {
    const dims = facts.dims.get(itemId) ?? UNKNOWN_DIMS
    for (const c of postContributions(dailyIncrements(effectiveSeries(list)), dims)) add(c)
  }
  // Every log counts toward freshness, including readings later superseded: each was a reading.
  for (const s of facts.snapshots) if (s.kind === 'log' && s.loggedAt) add(logLagContribution(s.date, s.loggedAt))
  for (const l of inForce(facts.lives)) add(liveContribution(l, facts.dims.get(l.itemId) ?? UNKNOWN_DIMS))
  for (const l of inForce(facts.leads)) add(leadContribution(l))
  const follower = new Map<DayKey, FollowerFact>()
  for (const f of inForce(facts.followers)) {
    const cur = follower.get(f.date)
    if (!cur || f.id > cur.id) follower.set(f.date, f)
  }
  for (const f of follower.values()) at(f.date).followers = { total: f.total, factId: f.id }
  for (const [day, r] of days) if (isEmptyRollup(r)) days.delete(day)
  return days
}

/**
 * Adds one day's rollup into another (mutating and returning `into`): totals and every dimension value;
 * a follower total in `from` replaces the one in `into`. Rollups built from disjoint sets of facts merge
 * into the rollup of all of them, which lets a rebuild run in pieces.
 *
 * @example
 * mergeRollup(emptyRollup('d'), buildRollups(facts).get('d')!)
 */
export function mergeRollup(into: DayRollup, from: DayRollup): DayRollup {
  addSums(into.total, from.total)
  for (const dim of DIMENSIONS) {
    for (const [value, sums] of Object.entries(from.by[dim] ?? {})) {
      const merged = addSums(into.by[dim][value] ?? {}, sums)
      if (isZero(merged)) delete into.by[dim][value]
      else into.by[dim][value] = merged
    }
  }
  if (from.followers) into.followers = from.followers
  return into
}

/** Counted when an item has vanished: its numbers still add up in the team total. */
export const UNKNOWN_DIMS: ItemDims = { format: 'unknown', layer: 'unknown', category: 'unknown' }

function inForce<T extends { id: string; supersedes?: string | null }>(list: readonly T[]): T[] {
  const replaced = new Set(list.map((f) => f.supersedes).filter(Boolean))
  return list.filter((f) => !replaced.has(f.id))
}

export function isEmptyRollup(r: Pick<DayRollup, 'total' | 'followers'>): boolean {
  return isZero(r.total) && r.followers === null
}

/**
 * A stable text of a rollup's sums (keys sorted), to compare stored and rebuilt rollups.
 *
 * @example
 * rollupKey({ day: 'd', total: { likes: 1, plays: 2 }, … }) === rollupKey({ day: 'd', total: { plays: 2, likes: 1 }, … }) //=> true
 */
export function rollupKey(r: DayRollup): string {
  return stableJson({ day: r.day, total: r.total, by: r.by, followers: r.followers })
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`
}
