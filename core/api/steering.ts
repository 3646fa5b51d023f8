// The `steering` cloud function: what a steering meeting needs (PRODUCT.md capabilities 10 and 11) — the risk
// register and radar, the annual budget with its actual spend, and the plan's team and phases. Its three areas
// keep their actions in one block each. Field staff see none of it (enforced by each action's `access`).
import { action } from './action'
// phases
import { STAFF_ROLES, STEERING_EDITORS } from '../roles'
import { emptyInput } from '../team/schemas'
import {
  addMilestoneInput,
  closePhaseInput,
  startPhasePlanInput,
  updateMilestoneInput,
  type MilestoneView,
  type PhasePlanView,
  type PhaseView,
} from '../steering/phasePlan'

export const steeringContract = {
  // ---- risk register and radar (handlers: cloudfunctions/steering/risks.ts) ----
  // ---- budget: plan, adjustments, actual spend (handlers: cloudfunctions/steering/budget.ts) ----
  // ---- team plan and phases (handlers: cloudfunctions/steering/phases.ts) ----
  // Admins and managers start the plan and edit it; operators read it; field staff have no part in it.
  phasePlan: action<PhasePlanView>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看阶段计划' }),
  startPhasePlan: action<PhasePlanView>()({ input: startPhasePlanInput, access: STEERING_EDITORS, write: true, summary: '启动阶段计划' }),
  updateMilestone: action<MilestoneView>()({ input: updateMilestoneInput, access: STEERING_EDITORS, write: true, summary: '修改里程碑' }),
  addMilestone: action<MilestoneView>()({ input: addMilestoneInput, access: STEERING_EDITORS, write: true, summary: '添加里程碑' }),
  closePhase: action<PhaseView>()({ input: closePhaseInput, access: STEERING_EDITORS, write: true, summary: '阶段复盘并关闭' }),
}
void action
