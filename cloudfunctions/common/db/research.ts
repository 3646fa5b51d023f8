// Stored records of the research function: A/B experiments and the competitor watch.
import type { CompetitorKind } from '../../../core/research/competitors'
import type { BaseRecord } from './base'

export type { BaseRecord }

// ---- competitor watch ----

/** An account the team watches (竞品: 同行 or 标杆). Archived ones stay, with their weeks, out of the comparison. */
export interface CompetitorRecord extends BaseRecord {
  name: string
  kind: CompetitorKind
  note: string
  channelId: string
  archived: boolean
}

/**
 * Raw fact (append-only): a competitor's public numbers for one ISO week (China time), as logged.
 * Logging the same week again writes a new entry that supersedes the one in force; both are kept, with
 * who logged each and when (`weeksInForce` in core/research/comparison.ts picks the one in force).
 */
export interface CompetitorWeekRecord extends BaseRecord {
  competitorId: string
  week: string
  /** Followers at the end of the week. */
  followers: number
  /** Posts published that week. */
  posts: number
  /** Likes of that week's best post. */
  bestLikes: number
  supersedes: string | null
  loggedByName: string
  loggedAt: Date
}
