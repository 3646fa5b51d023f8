import { createHash } from 'node:crypto'
import type { PathEntry } from '../../../core/analytics/conversionPath'
import type { KpiSettings } from '../../../core/analytics/kpiSettings'
import type { PlannedTargets, TargetSettings } from '../../../core/analytics/targetSchemas'
import type { Department, Role } from '../../../core/roles'
import type { DayKey } from '../../../core/time/china'
import type { BaseRecord, StoredDoc } from './base'

export interface TeamRecord extends Omit<BaseRecord, 'teamId'> {
  teamId: string // equal to _id, so team-scoped queries treat teams like everything else
  name: string
  /** KPI targets set by the team (analytics.setTarget); absent KPIs use the defaults. Kept here so every call has them with the team. */
  targets?: TargetSettings
  /** The day the plan starts (China time): ramps and baselines are measured from it. Absent: the day the team was created. */
  planStartDay?: DayKey
  /** Targets set ahead for each KPI's next period (analytics.planTarget); applied when the period starts. */
  targetPlans?: PlannedTargets
  /** Per KPI: the admin's class and owner, a manager's entered baseline (analytics.setKpiSetting / setBaseline). */
  kpiSettings?: KpiSettings
  /** The conversion path's versions, oldest first, the last PATH_VERSIONS_KEPT (analytics.setConversionPath). */
  conversionPaths?: PathEntry[]
  /** Per KPI, the period its target in force was last rolled to (the hourly job's rollover marker). */
  targetPeriods?: Partial<Record<string, string>>
  /** Per period kind, the next period the managers were last reminded to set ('2027-Q1', '2027-01'). */
  remindedFor?: Partial<Record<'quarter' | 'month', string>>
  /** The latest judged ISO week the weekly job has evaluated, and the last day its daily work ran. */
  weeklyThrough?: string
  rhythmDay?: DayKey
  /**
   * The latest periods whose reports the hourly job has made sure of (reports.ts `reportsMark`: the 日报's
   * day, the 周报's week and the 月报's month): a team up to date costs nothing more.
   */
  reportsThrough?: string
  /** When the review timer rebuilt the team's first outcomes (review_firsts) from its decisions: once; later decisions add their own. */
  firstsFilledAt?: Date
}

/** The team record as the team function keeps it: a guarded admin count so the last admin stays. */
export interface TeamDoc extends TeamRecord {
  adminCount: number
}

export interface MemberRecord extends BaseRecord {
  openid: string
  name: string
  department: Department
  roles: Role[]
  status: 'active' | 'removed'
  joinedAt: Date
}

export interface InviteRecord extends BaseRecord {
  role: Role
  expiresAt: Date
  status: 'open' | 'used' | 'revoked'
  usedBy?: string
  usedAt?: Date
}

/** One seat per person: claiming it atomically stops a double tap from joining two teams. */
export interface SeatRecord extends StoredDoc, Pick<BaseRecord, 'createdAt'> {
  memberId: string
}

/** A person's seat id: derived from their openid, so a second claim collides. */
export function seatId(openid: string): string {
  return createHash('sha256').update(`seat|${openid}`).digest('hex').slice(0, 32)
}
