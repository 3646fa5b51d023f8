import type { MonthlyContent, WeeklyContent } from '../../../core/reports/periodic'
import type { DailyContent, ReportCounts, ReportKind } from '../../../core/reports/schemas'
import type { DayKey } from '../../../core/time/china'
import type { StoredDoc } from './base'

/** Who made a report: the hourly job, or a manager/admin on demand. */
export type ReportAuthor = { kind: 'timer' } | { kind: 'member'; memberId: string; name: string }

/**
 * A report, frozen once written (never updated in place). The current revision lives at
 * `${teamId}_${kind}_${period}` with `current: true`; an admin's regenerate moves it, unchanged but for
 * `current: false` and `supersededAt`, to `${id}_r${revision}` and writes revision + 1 at the id.
 */
export interface ReportRecord extends StoredDoc {
  kind: ReportKind
  /** The period key: the day of a 日报, the ISO week of a 周报 ('2026-W48'), the month of a 月报 ('2026-11'). */
  period: string
  from: DayKey
  to: DayKey
  current: boolean
  /** 1 for the first; each regenerate adds one. */
  revision: number
  /** KPI_DEFS_VERSION when the numbers were computed. */
  definitionsVersion: number
  /** When the data was read (the numbers are as of this time). */
  dataAsOf: Date
  generatedAt: Date
  generatedBy: ReportAuthor
  supersededAt: Date | null
  /** The content of its kind (exactly one is present). */
  daily?: DailyContent
  weekly?: WeeklyContent
  monthly?: MonthlyContent
  /** For the list line without reading the content. */
  counts: ReportCounts
  createdAt: Date
}
