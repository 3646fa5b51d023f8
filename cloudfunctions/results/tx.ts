import { AppError, refuseFields, type FieldError } from '../../core/errors'
import { applyContribution, emptyRollup, logLagContribution, postContributions, type Contribution, type DayRollup, type ItemDims } from '../../core/results/rollup'
import type { SnapshotMetrics } from '../../core/results/schemas'
import type { SnapshotSource } from '../../core/results/views'
import { incrementChanges, monotoneViolations, withPoint } from '../../core/results/series'
import { isNotFoundError, type Doc, type DbLike } from '../common/sdk'
import { ITEM_SERIES, RESULTS_LOCKS, ROLLUPS, SNAPSHOTS, type CollectionName } from '../common/db/collections'
import { rollupId, seriesId, type LockRecord, type RollupRecord, type SeriesRecord, type SnapshotRecord } from '../common/db/results'

/** A CloudBase transaction: documents by _id only. */
export interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: Doc }>; set(o: { data: Record<string, unknown> }): Promise<unknown> }
  }
}

interface TxDb {
  runTransaction<T>(fn: (tx: Tx) => Promise<T>, retries?: number): Promise<T>
}

const ATTEMPTS = 12

/**
 * Runs `fn` in a database transaction, retrying commit conflicts with jittered back-off: every write of a
 * team on one day touches that day's rollup document, so busy moments conflict, and a retry re-reads it.
 */
export async function inTransaction<T>(db: DbLike, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (db as unknown as TxDb).runTransaction(fn, 0)
    } catch (e) {
      const conflict = (e as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT'
      if (!conflict) throw e
      if (attempt >= ATTEMPTS) throw new AppError('CONFLICT', '同时提交的人太多，请稍后重试')
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)))
    }
  }
}

export async function txGet<T>(tx: Tx, coll: CollectionName, id: string): Promise<T | null> {
  try {
    const { data } = await tx.collection(coll).doc(id).get()
    return (data as unknown as T) ?? null
  } catch (e) {
    if (isNotFoundError(e)) return null
    throw e
  }
}

export async function txSet<T extends { _id: string }>(tx: Tx, coll: CollectionName, doc: T): Promise<void> {
  const { _id, ...data } = doc
  await tx.collection(coll).doc(_id).set({ data: data as Record<string, unknown> })
}

/** Refuses to write while a rebuild of the team's rollups runs (it would be overwritten). */
export async function assertNotRebuilding(tx: Tx, teamId: string, now: Date): Promise<void> {
  const lock = await txGet<LockRecord>(tx, RESULTS_LOCKS, teamId)
  if (lock?.rebuildingUntil && new Date(lock.rebuildingUntil).getTime() > now.getTime()) {
    throw new AppError('CONFLICT', '正在重算统计数据，请稍后重试')
  }
}

/** The day rollups a transaction touches: read once, changed in memory, written at the end. */
export class RollupBatch {
  private readonly days = new Map<string, RollupRecord>()
  constructor(
    private readonly tx: Tx,
    private readonly teamId: string,
  ) {}

  async day(day: string): Promise<DayRollup> {
    let r = this.days.get(day)
    if (!r) {
      const stored = await txGet<RollupRecord>(this.tx, ROLLUPS, rollupId(this.teamId, day))
      r = stored ?? { ...emptyRollup(day), _id: rollupId(this.teamId, day), teamId: this.teamId, updatedAt: new Date(0) }
      this.days.set(day, r)
    }
    return r
  }

  async add(contributions: readonly Contribution[]): Promise<void> {
    for (const c of contributions) applyContribution(await this.day(c.day), c)
  }

  async flush(now: Date): Promise<void> {
    for (const r of this.days.values()) await txSet(this.tx, ROLLUPS, { ...r, _id: rollupId(this.teamId, r.day), teamId: this.teamId, updatedAt: now })
  }
}

/** One snapshot to store, as planned by a handler (validation of shape and dates already done). */
export interface PlannedSnapshot {
  id: string
  itemId: string
  /** Used when the item has no series yet. */
  dims: ItemDims
  date: string
  metrics: SnapshotMetrics
  source: SnapshotSource
  /** A correction names the record it replaces, which must still be in force. */
  corrects?: { snapshotId: string; reason: string; byManager: boolean }
  importId: string | null
  /** Where field errors point, e.g. 'metrics' or 'rows.3.metrics'. */
  path: string
}

export interface Logger {
  teamId: string
  memberId: string
  name: string
  now: Date
}

/**
 * Stores snapshots and moves the rollups by exactly the increments they change, all in the caller's
 * transaction. Already stored ids (a request re-run after a crash) are returned as they are and change
 * nothing. Any refusal throws before anything is written, so a batch is all or nothing.
 */
export async function commitSnapshots(tx: Tx, who: Logger, planned: readonly PlannedSnapshot[]): Promise<SnapshotRecord[]> {
  await assertNotRebuilding(tx, who.teamId, who.now)
  const series = new Map<string, SeriesRecord>()
  const rollups = new RollupBatch(tx, who.teamId)
  const out: SnapshotRecord[] = []
  const fields: FieldError[] = []
  const fresh: SnapshotRecord[] = []
  for (const p of planned) {
    const stored = await txGet<SnapshotRecord>(tx, SNAPSHOTS, p.id)
    if (stored) {
      out.push({ ...stored, _id: p.id })
      continue
    }
    let s = series.get(p.itemId)
    if (!s) {
      s = (await txGet<SeriesRecord>(tx, ITEM_SERIES, seriesId(who.teamId, p.itemId))) ?? {
        _id: seriesId(who.teamId, p.itemId),
        teamId: who.teamId,
        itemId: p.itemId,
        dims: p.dims,
        points: [],
        updatedAt: who.now,
      }
      s._id = seriesId(who.teamId, p.itemId)
      series.set(p.itemId, s)
    }
    const inForce = s.points.find((x) => x.date === p.date)
    if (p.corrects && inForce?.snapshotId !== p.corrects.snapshotId) {
      throw new AppError('CONFLICT', '这条记录已被更新的数据取代，请刷新后再更正', { current: inForce ?? null })
    }
    const violations = monotoneViolations(s.points, p.date, p.metrics, { correction: !!p.corrects })
    if (violations.length && !p.corrects?.byManager) {
      const hint = p.corrects ? '（累计值变小的更正只能由主管提交）' : ''
      fields.push(...violations.map((v) => ({ path: `${p.path}.${v.metric}`, message: v.message + hint })))
      continue
    }
    const after = withPoint(s.points, { date: p.date, snapshotId: p.id, metrics: p.metrics })
    await rollups.add(postContributions(incrementChanges(s.points, after), s.dims))
    if (!p.corrects) await rollups.add([logLagContribution(p.date, who.now)])
    s.points = after
    s.updatedAt = who.now
    const record: SnapshotRecord = {
      _id: p.id,
      teamId: who.teamId,
      itemId: p.itemId,
      date: p.date,
      metrics: p.metrics,
      kind: p.corrects ? 'correction' : 'log',
      source: p.source,
      supersedes: inForce?.snapshotId ?? null,
      reason: p.corrects?.reason ?? null,
      importId: p.importId,
      dims: s.dims,
      loggedByName: who.name,
      loggedAt: who.now,
      createdAt: who.now,
      updatedAt: who.now,
      createdBy: who.memberId,
      version: 0,
    }
    fresh.push(record)
    out.push(record)
  }
  refuseFields(fields)
  for (const r of fresh) await txSet(tx, SNAPSHOTS, r)
  for (const s of series.values()) await txSet(tx, ITEM_SERIES, s)
  await rollups.flush(who.now)
  return out
}
