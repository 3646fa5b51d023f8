import type { FollowerView, HistoryEntry, LeadView, LiveView, SnapshotView } from '../../core/results/views'
import type { DayRollup } from '../../core/results/rollup'
import type { FollowerRecord, LeadRecord, LiveRecord, RollupRecord, SnapshotRecord } from '../common/db/results'

const iso = (d: Date) => new Date(d).toISOString()

export function snapshotView(r: SnapshotRecord): SnapshotView {
  return {
    id: r._id,
    itemId: r.itemId,
    date: r.date,
    metrics: r.metrics,
    kind: r.kind,
    source: r.source,
    supersedes: r.supersedes,
    reason: r.reason,
    loggedById: r.createdBy,
    loggedByName: r.loggedByName,
    loggedAt: iso(r.loggedAt),
  }
}

export function historyEntry(r: SnapshotRecord, supersededBy: string | null): HistoryEntry {
  return { ...snapshotView(r), supersededBy }
}

export function liveView(r: LiveRecord): LiveView {
  return {
    id: r._id,
    itemId: r.itemId,
    day: r.day,
    startAt: iso(r.startAt),
    endAt: iso(r.endAt),
    durationSeconds: r.durationSeconds,
    uniqueViewers: r.uniqueViewers,
    peakConcurrent: r.peakConcurrent,
    avgWatchSeconds: r.avgWatchSeconds,
    newFollowers: r.newFollowers,
    comments: r.comments,
    orders: r.orders,
    gmvFen: r.gmvFen,
    supersedes: r.supersedes,
    reason: r.reason ?? null,
    loggedByName: r.loggedByName,
    loggedAt: iso(r.loggedAt),
  }
}

export function leadView(r: LeadRecord): LeadView {
  return {
    id: r._id,
    date: r.date,
    channel: r.channel,
    count: r.count,
    itemId: r.itemId,
    liveId: r.liveId,
    supersedes: r.supersedes,
    reason: r.reason ?? null,
    loggedByName: r.loggedByName,
    loggedAt: iso(r.loggedAt),
  }
}

export function followerView(r: FollowerRecord): FollowerView {
  return { id: r._id, date: r.date, total: r.total, supersedes: r.supersedes, loggedByName: r.loggedByName, loggedAt: iso(r.loggedAt) }
}

export function rollupView(r: RollupRecord | DayRollup): DayRollup {
  return { day: r.day, total: r.total, by: r.by, followers: r.followers }
}
