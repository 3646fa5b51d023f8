import type { StoredTargets } from '../../core/analytics/targets'
import type { Department, Role } from '../../core/roles'

/** Fields every stored record carries (ARCHITECTURE.md "Data rules"). */
export interface BaseRecord {
  _id: string
  teamId: string
  createdAt: Date
  updatedAt: Date
  createdBy: string
  version: number
}

export interface TeamRecord extends Omit<BaseRecord, 'teamId'> {
  teamId: string // equal to _id, so team-scoped queries treat teams like everything else
  name: string
  /** KPI targets set by the team (analytics.setTarget); absent KPIs use the defaults. Kept here so every call has them with the team. */
  targets?: StoredTargets
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

export interface AuditRecord {
  _id?: string
  teamId: string
  actorId: string
  actorName: string
  fn: string
  action: string
  summary: string
  requestId: string
  target?: string
  targetName?: string
  detail?: Record<string, unknown>
  /** The changed fields before and after the write (bounded, core/audit/changes); absent on entries written before they were recorded. */
  before?: Record<string, unknown>
  after?: Record<string, unknown>
  at: Date
}
