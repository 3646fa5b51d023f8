import type { KpiKey } from '../../../core/analytics/schemas'
import type { DayKey } from '../../../core/time/china'
import type { BaseRecord } from './base'

/** Raw fact (append-only): promotion spend (投流花费) logged for one day; a later entry supersedes the one in force. */
export interface SpendRecord extends BaseRecord {
  date: DayKey
  amountFen: number
  /** The entry in force for the day when this one was logged (both are kept; sums read the newest). */
  supersedes: string | null
  loggedByName: string
  loggedAt: Date
}

/** Target revisions, append-only (read only by targetHistory; the targets in force live on the team document). */
export interface TargetHistoryRecord extends BaseRecord {
  kpi: KpiKey
  value: number | null
  previousValue: number | null
  tolerance: number
  previousTolerance: number
  reason: string
  byName: string
  at: Date
}
