// The `steering` cloud function: what a steering meeting needs (PRODUCT.md capabilities 10 and 11) — the risk
// register and radar, the annual budget with its actual spend, and the plan's team and phases. Its three areas
// keep their actions in one block each. Field staff see none of it (enforced by each action's `access`).
import { action } from './action'
import { STEERING_EDITORS } from '../roles'
import { adjustBudgetInput, budgetInput, logBudgetSpendInput, setBudgetPlanInput, type BudgetSpendView, type BudgetView } from '../steering/budgetSchemas'

export const steeringContract = {
  // ---- risk register and radar (handlers: cloudfunctions/steering/risks.ts) ----
  // ---- budget: plan, adjustments, actual spend (handlers: cloudfunctions/steering/budget.ts) ----
  // Admins and managers only: money is managers' (operators log 投流花费 on the growth page, which is 广告投放).
  budget: action<BudgetView>()({ input: budgetInput, access: STEERING_EDITORS, write: false, summary: '查看预算' }),
  setBudgetPlan: action<BudgetView>()({ input: setBudgetPlanInput, access: STEERING_EDITORS, write: true, summary: '制定月度预算' }),
  adjustBudget: action<BudgetView>()({ input: adjustBudgetInput, access: STEERING_EDITORS, write: true, summary: '弹性调整预算' }),
  logBudgetSpend: action<BudgetSpendView>()({ input: logBudgetSpendInput, access: STEERING_EDITORS, write: true, summary: '记录实际花费' }),
  // ---- team plan and phases (handlers: cloudfunctions/steering/phases.ts) ----
}
void action
