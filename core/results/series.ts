import { formatCount } from '../format'
import type { DayKey } from '../time/china'
import { MONOTONE_METRICS, POST_METRIC_LABELS, POST_SUMS, subtractSums, type PostSum, type Sums } from './metrics'
import type { SnapshotMetrics } from './schemas'
import type { SeriesPoint } from './views'

/** A stored snapshot as differencing needs it. */
export interface SnapshotFact {
  id: string
  date: DayKey
  metrics: SnapshotMetrics
  /** The record this one replaced for the same date (a correction, or a later reading that day). */
  supersedes: string | null
}

/** Cumulative post sums with known zeros kept (an unknown metric is absent, a known 0 is 0). */
export type Cumulative = Partial<Record<PostSum, number>>

/**
 * The values in force for one item: per date, the one record no other record supersedes.
 * Order of arrival does not matter, only the supersession links.
 *
 * @example
 * effectiveSeries([
 *   { id: 'b', date: '2026-11-02', metrics: { plays: 90 }, supersedes: null },
 *   { id: 'a', date: '2026-11-01', metrics: { plays: 50 }, supersedes: null },
 *   { id: 'c', date: '2026-11-02', metrics: { plays: 80 }, supersedes: 'b' },
 * ])
 * //=> [{ date: '2026-11-01', snapshotId: 'a', … }, { date: '2026-11-02', snapshotId: 'c', … }]
 */
export function effectiveSeries(facts: readonly SnapshotFact[]): SeriesPoint[] {
  const replaced = new Set(facts.map((f) => f.supersedes).filter((s): s is string => !!s))
  const byDate = new Map<DayKey, SnapshotFact>()
  for (const f of facts) {
    if (replaced.has(f.id)) continue
    const cur = byDate.get(f.date)
    // Two live records for one date cannot come from the function (it links them); pick one deterministically.
    if (!cur || f.id > cur.id) byDate.set(f.date, f)
  }
  return [...byDate.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((f) => ({ date: f.date, snapshotId: f.id, metrics: f.metrics }))
}

/**
 * The summable cumulative values of a snapshot: the counts as given, and total watch seconds
 * (average × plays, rounded to whole seconds) because averages do not add up.
 *
 * @example
 * cumulativeOf({ plays: 200, completions: 70, avgWatchSeconds: 12.5 }) //=> { plays: 200, completions: 70, watchSeconds: 2500 }
 */
export function cumulativeOf(m: SnapshotMetrics): Cumulative {
  const out: Cumulative = {}
  for (const k of MONOTONE_METRICS) if (m[k] !== undefined) out[k] = m[k] as number
  if (m.avgWatchSeconds !== undefined) out.watchSeconds = Math.round(m.avgWatchSeconds * m.plays)
  return out
}

/**
 * Daily increments of one item from its series (sorted by date): each metric's value minus the last
 * earlier date on which that metric was known (0 before the first). A metric left blank on a date adds
 * nothing that day; the next date that knows it takes the whole difference, so the increments of every
 * metric always add up to its latest cumulative value. Each date also counts one `itemsLogged`.
 *
 * @example
 * dailyIncrements([
 *   { date: '2026-11-01', snapshotId: 'a', metrics: { plays: 50, likes: 5 } },
 *   { date: '2026-11-03', snapshotId: 'b', metrics: { plays: 80 } },
 *   { date: '2026-11-04', snapshotId: 'c', metrics: { plays: 90, likes: 9 } },
 * ])
 * //=> Map { '2026-11-01' => { plays: 50, likes: 5, itemsLogged: 1 },
 * //         '2026-11-03' => { plays: 30, itemsLogged: 1 },
 * //         '2026-11-04' => { plays: 10, likes: 4, itemsLogged: 1 } }
 */
export function dailyIncrements(series: readonly SeriesPoint[]): Map<DayKey, Sums> {
  return incrementsOn(series, null)
}

/** Daily increments for the given dates only (all dates when null); the others cost one cheap step each. */
function incrementsOn(series: readonly SeriesPoint[], days: ReadonlySet<DayKey> | null): Map<DayKey, Sums> {
  const last: Cumulative = {}
  const out = new Map<DayKey, Sums>()
  for (const p of series) {
    const cum = cumulativeOf(p.metrics)
    const wanted = days === null || days.has(p.date)
    const inc: Sums = { itemsLogged: 1 }
    for (const k in cum) {
      const v = cum[k as PostSum]!
      if (wanted) {
        const d = v - (last[k as PostSum] ?? 0)
        if (d !== 0) inc[k as PostSum] = d
      }
      last[k as PostSum] = v
    }
    if (wanted) out.set(p.date, inc)
  }
  return out
}

/**
 * How the daily increments change when an item's series goes from `before` to `after`: only the dates
 * whose increment changed appear. A snapshot arriving for date d changes d and, for each metric, the next
 * date of the item that knows it; nothing else. Only those dates are differenced, so a write costs the
 * same whatever the length of the item's history.
 *
 * @example
 * const before = [{ date: '2026-11-01', snapshotId: 'a', metrics: { plays: 50 } }, { date: '2026-11-03', snapshotId: 'c', metrics: { plays: 90 } }]
 * const after = withPoint(before, { date: '2026-11-02', snapshotId: 'b', metrics: { plays: 70 } })
 * incrementChanges(before, after)
 * //=> Map { '2026-11-02' => { plays: 20, itemsLogged: 1 }, '2026-11-03' => { plays: -20 } }
 */
export function incrementChanges(before: readonly SeriesPoint[], after: readonly SeriesPoint[]): Map<DayKey, Sums> {
  const days = affectedDays(before, after)
  const a = incrementsOn(before, days)
  const b = incrementsOn(after, days)
  const out = new Map<DayKey, Sums>()
  for (const day of new Set([...a.keys(), ...b.keys()])) {
    const d = subtractSums(b.get(day) ?? {}, a.get(day) ?? {})
    if (Object.keys(d).length) out.set(day, d)
  }
  return out
}

const SUMMED = new Set<string>(POST_SUMS)

/** The dates whose point differs between the two series, and after each, per metric, the next date that knows it. */
function affectedDays(before: readonly SeriesPoint[], after: readonly SeriesPoint[]): Set<DayKey> {
  const inBefore = new Map(before.map((p) => [p.date, p]))
  const inAfter = new Map(after.map((p) => [p.date, p]))
  const changed = new Set<DayKey>()
  for (const [date, p] of inBefore) if (!samePoint(p, inAfter.get(date))) changed.add(date)
  for (const date of inAfter.keys()) if (!inBefore.has(date)) changed.add(date)
  const sorted = [...changed].sort()
  const out = new Set(changed)
  for (const series of [before, after]) {
    let pending = new Set<string>()
    let ci = 0
    for (const p of series) {
      // A change on an earlier date (present in this series or not) moves the base of what follows.
      while (ci < sorted.length && sorted[ci] < p.date) {
        pending = new Set(SUMMED)
        ci++
      }
      if (pending.size) {
        let hit = false
        for (const k in p.metrics) if (pending.delete(k === 'avgWatchSeconds' ? 'watchSeconds' : k)) hit = true
        if (hit) out.add(p.date)
      }
      if (ci < sorted.length && sorted[ci] === p.date) {
        pending = new Set(SUMMED)
        ci++
      }
    }
  }
  return out
}

function samePoint(a: SeriesPoint, b: SeriesPoint | undefined): boolean {
  if (!b) return false
  if (a === b) return true
  return a.snapshotId === b.snapshotId && JSON.stringify(a.metrics) === JSON.stringify(b.metrics)
}

/** The series with `point` in force for its date (replacing what was there), still sorted by date. */
export function withPoint(series: readonly SeriesPoint[], point: SeriesPoint): SeriesPoint[] {
  return [...series.filter((p) => p.date !== point.date), point].sort((x, y) => x.date.localeCompare(y.date))
}

export interface MonotoneViolation {
  metric: (typeof MONOTONE_METRICS)[number]
  /** Chinese message naming the field and the value it conflicts with. */
  message: string
}

/**
 * Cumulative counts never go down on the data centre. Checks a new value for `date` against the
 * nearest earlier and later dates that know each metric, and (unless it is a correction) against what
 * is already in force for the same date — a later reading of the same day may only grow.
 *
 * @example
 * const s = [{ date: '2026-11-01', snapshotId: 'a', metrics: { plays: 50 } }]
 * monotoneViolations(s, '2026-11-02', { plays: 40 }, { correction: false })
 * //=> [{ metric: 'plays', message: '播放：不能少于 2026-11-01 的累计值 50' }]
 */
export function monotoneViolations(
  series: readonly SeriesPoint[],
  date: DayKey,
  metrics: SnapshotMetrics,
  opts: { correction: boolean },
): MonotoneViolation[] {
  const out: MonotoneViolation[] = []
  for (const m of MONOTONE_METRICS) {
    const v = metrics[m]
    if (v === undefined) continue
    const label = POST_METRIC_LABELS[m]
    const earlier = [...series].reverse().find((p) => p.date < date && p.metrics[m] !== undefined)
    const later = series.find((p) => p.date > date && p.metrics[m] !== undefined)
    const same = series.find((p) => p.date === date)
    if (earlier && v < earlier.metrics[m]!) out.push({ metric: m, message: `${label}：不能少于 ${earlier.date} 的累计值 ${formatCount(earlier.metrics[m])}` })
    else if (later && v > later.metrics[m]!) out.push({ metric: m, message: `${label}：不能多于 ${later.date} 的累计值 ${formatCount(later.metrics[m])}` })
    else if (!opts.correction && same?.metrics[m] !== undefined && v < same.metrics[m]!) {
      out.push({ metric: m, message: `${label}：不能少于当天已填的 ${formatCount(same.metrics[m])}（填错了请用“更正”）` })
    }
  }
  return out
}
