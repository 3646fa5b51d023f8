import type { Role } from '../../../core/roles'
import { CORRECTION_WINDOW_MS, type SnapshotMetrics } from '../../../core/results/schemas'
import type { HistoryEntry } from '../../../core/results/views'
import { SNAPSHOT_GROUPS, metricDisplay } from './snapshot'

/**
 * Whether the signed-in member may correct `entry`: the values in force only, by their logger within
 * 24 hours or by a manager (the function enforces the same; this only decides whether to offer it).
 */
export function canCorrect(entry: Pick<HistoryEntry, 'supersededBy' | 'loggedById' | 'loggedAt'>, me: { id: string; roles: readonly Role[] } | null, now: Date): boolean {
  if (!me || entry.supersededBy) return false
  if (me.roles.includes('manager')) return true
  return entry.loggedById === me.id && now.getTime() - new Date(entry.loggedAt).getTime() <= CORRECTION_WINDOW_MS
}

/** '播放 1,234 · 完播 420 · 点赞 56 · 成交额 ¥1,299.00' — the numbers a record holds, in form order. */
export function metricsLine(metrics: SnapshotMetrics): string {
  const parts: string[] = []
  for (const g of SNAPSHOT_GROUPS) {
    for (const f of g.fields) {
      const shown = metricDisplay(metrics, f.field)
      if (shown !== undefined) parts.push(`${f.label} ${shown}`)
    }
  }
  return parts.join(' · ')
}
