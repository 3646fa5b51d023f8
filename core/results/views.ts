import type { Channel } from './metrics'
import type { SnapshotMetrics } from './schemas'

/**
 * What the results function answers: snapshots, their history and series, today's pending items, import
 * previews, livestream, leads and follower records, and rebuilds. The inputs that ask for them are in
 * ./schemas.ts.
 */

export type SnapshotSource = 'form' | 'import'

export interface SnapshotView {
  id: string
  itemId: string
  date: string
  metrics: SnapshotMetrics
  kind: 'log' | 'correction'
  source: SnapshotSource
  /** The record this one replaced for the same item and date, if any. */
  supersedes: string | null
  reason: string | null
  loggedById: string
  loggedByName: string
  loggedAt: string
}

export interface HistoryEntry extends SnapshotView {
  /** The record that replaced this one; null for the values in force. */
  supersededBy: string | null
}

export interface SeriesPoint {
  date: string
  snapshotId: string
  metrics: SnapshotMetrics
}

export interface ItemHistory {
  item: { id: string; title: string; publishedDay: string | null }
  /** Newest first: every record ever logged for the item, superseded ones included. */
  entries: HistoryEntry[]
  /** The values in force, oldest date first, with the daily increments they produce. */
  series: (SeriesPoint & { increments: Record<string, number> })[]
}

export interface PendingItem {
  id: string
  title: string
  format: string
  publishedDay: string
  /** The latest values logged before today, shown for reference in the form. */
  last: SeriesPoint | null
}

export interface PendingToday {
  today: string
  items: PendingItem[]
  /** Published items in the window that already have today's numbers. */
  doneCount: number
}

export interface ImportCandidate {
  id: string
  title: string
  publishedDay: string | null
}

export interface PreviewRow {
  index: number
  title: string
  status: 'ok' | 'refused'
  itemId: string | null
  itemTitle: string | null
  date: string
  /** The snapshot the row would log (send back to importConfirm), when it can be built. */
  metrics: SnapshotMetrics | null
  reasons: string[]
  /** When the row matched no item (or several): items it might be, to choose by hand. */
  candidates: ImportCandidate[]
}

export interface ImportPreview {
  date: string
  rows: PreviewRow[]
  okCount: number
  refusedCount: number
}

export interface ImportResult {
  importId: string
  rows: number
  snapshotIds: string[]
}

export interface LiveView {
  id: string
  itemId: string
  day: string
  startAt: string
  endAt: string
  durationSeconds: number
  uniqueViewers: number
  peakConcurrent: number
  avgWatchSeconds: number | null
  newFollowers: number
  comments: number | null
  orders: number
  gmvFen: number
  /** The record this one corrected, and why. */
  supersedes: string | null
  reason: string | null
  loggedByName: string
  loggedAt: string
}

export interface LeadView {
  id: string
  date: string
  channel: Channel
  count: number
  itemId: string | null
  liveId: string | null
  supersedes: string | null
  reason: string | null
  loggedByName: string
  loggedAt: string
}

/** A record in force as lists show it, with whether the caller may correct it (logger within 24 h, or a manager). */
export type Correctable<V> = V & { canCorrect: boolean }

/** A livestream on the calendar (recent, not archived) and the sessions logged for it that are in force. */
export interface RecentLive {
  id: string
  title: string
  day: string
  status: string
  sessions: Correctable<LiveView>[]
}

export interface FollowerView {
  id: string
  date: string
  total: number
  supersedes: string | null
  loggedByName: string
  loggedAt: string
}

export interface RebuildResult {
  /** False when the team is big enough to need another call (the timer continues it; so may the admin). */
  done: boolean
  /** Items whose posts were rebuilt so far. */
  itemsDone: number
  days: number
  snapshots: number
  lives: number
  leads: number
  followerTotals: number
  /** Rollup days whose stored values differed from the rebuild (0 when the incremental path was right). */
  changedDays: number
}
