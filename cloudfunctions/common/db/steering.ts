// Stored records of the steering function: risks, the budget and the plan's phases.
import type { BaseRecord } from './base'
import type { StoredPhasePlan } from '../../../core/steering/phasePlan'

export type { BaseRecord }

// ---- team plan and phases ----

/**
 * The team's phase plan: one document per team (id `phaseplan_${teamId}`, so starting it twice collides),
 * holding its four phases (each closed with its 复盘) and its milestones, each with its own version.
 * A plan is tens of milestones, read whole by every view: one document is one read.
 */
export interface PhasePlanRecord extends BaseRecord, StoredPhasePlan {}

/** The id of a team's phase plan. */
export const phasePlanId = (teamId: string) => `phaseplan_${teamId}`
