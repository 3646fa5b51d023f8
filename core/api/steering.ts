// The `steering` cloud function: what a steering meeting needs (PRODUCT.md capabilities 10 and 11) — the risk
// register and radar, the annual budget with its actual spend, and the plan's team and phases. Its three areas
// keep their actions in one block each. Field staff see none of it (enforced by each action's `access`).
import { action } from './action'
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
import {
  acceptRiskSuggestionInput,
  changeRiskScoreInput,
  changeRiskStatusInput,
  createRiskInput,
  dismissRiskSuggestionInput,
  proposeRiskInput,
  riskInput,
  updateRiskInput,
  type RiskDetail,
  type RiskPage,
  type RiskSuggestionView,
  type SignalCheck,
} from '../steering/riskSchemas'
import { adjustBudgetInput, budgetInput, logBudgetSpendInput, setBudgetPlanInput, type BudgetSpendView, type BudgetView } from '../steering/budgetSchemas'

export const steeringContract = {
  // ---- risk register and radar (handlers: cloudfunctions/steering/risks.ts) ----
  // Admins and managers edit; operators read and may propose one (it waits as 待评估); field staff nothing.
  risks: action<RiskPage>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看风险雷达' }),
  risk: action<RiskDetail>()({ input: riskInput, access: STAFF_ROLES, write: false, summary: '查看风险' }),
  createRisk: action<RiskDetail>()({ input: createRiskInput, access: STEERING_EDITORS, write: true, summary: '登记风险' }),
  proposeRisk: action<RiskDetail>()({ input: proposeRiskInput, access: STAFF_ROLES, write: true, summary: '提议风险' }),
  updateRisk: action<RiskDetail>()({ input: updateRiskInput, access: STEERING_EDITORS, write: true, summary: '修改风险' }),
  changeRiskScore: action<RiskDetail>()({ input: changeRiskScoreInput, access: STEERING_EDITORS, write: true, summary: '调整风险评分' }),
  changeRiskStatus: action<RiskDetail>()({ input: changeRiskStatusInput, access: STEERING_EDITORS, write: true, summary: '变更风险状态' }),
  acceptRiskSuggestion: action<RiskDetail>()({ input: acceptRiskSuggestionInput, access: STEERING_EDITORS, write: true, summary: '采纳风险调整建议' }),
  dismissRiskSuggestion: action<RiskSuggestionView>()({ input: dismissRiskSuggestionInput, access: STEERING_EDITORS, write: true, summary: '忽略风险调整建议' }),
  checkRiskSignals: action<SignalCheck>()({ input: emptyInput, access: STEERING_EDITORS, write: true, summary: '检查风险信号' }),
  // ---- budget: plan, adjustments, actual spend (handlers: cloudfunctions/steering/budget.ts) ----
  // Admins and managers only: money is managers' (operators log 投流花费 on the growth page, which is 广告投放).
  budget: action<BudgetView>()({ input: budgetInput, access: STEERING_EDITORS, write: false, summary: '查看预算' }),
  setBudgetPlan: action<BudgetView>()({ input: setBudgetPlanInput, access: STEERING_EDITORS, write: true, summary: '制定月度预算' }),
  adjustBudget: action<BudgetView>()({ input: adjustBudgetInput, access: STEERING_EDITORS, write: true, summary: '弹性调整预算' }),
  logBudgetSpend: action<BudgetSpendView>()({ input: logBudgetSpendInput, access: STEERING_EDITORS, write: true, summary: '记录实际花费' }),
  // ---- team plan and phases (handlers: cloudfunctions/steering/phases.ts) ----
  // Admins and managers start the plan and edit it; operators read it; field staff have no part in it.
  phasePlan: action<PhasePlanView>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看阶段计划' }),
  startPhasePlan: action<PhasePlanView>()({ input: startPhasePlanInput, access: STEERING_EDITORS, write: true, summary: '启动阶段计划' }),
  updateMilestone: action<MilestoneView>()({ input: updateMilestoneInput, access: STEERING_EDITORS, write: true, summary: '修改里程碑' }),
  addMilestone: action<MilestoneView>()({ input: addMilestoneInput, access: STEERING_EDITORS, write: true, summary: '添加里程碑' }),
  closePhase: action<PhaseView>()({ input: closePhaseInput, access: STEERING_EDITORS, write: true, summary: '阶段复盘并关闭' }),
}
