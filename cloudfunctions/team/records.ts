import type { TeamRecord } from '../common/records'

/** The team record as the team function keeps it: a guarded admin count so the last admin stays. */
export interface TeamDoc extends TeamRecord {
  adminCount: number
}

/** One seat per person: claiming it atomically stops a double tap from joining two teams. */
export interface SeatRecord {
  _id: string
  teamId: string
  memberId: string
  createdAt: Date
}
