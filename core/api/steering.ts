// The `steering` cloud function: what a steering meeting needs (PRODUCT.md capabilities 10 and 11) — the risk
// register and radar, the annual budget with its actual spend, and the plan's team and phases. Its three areas
// keep their actions in one block each. Field staff see none of it (enforced by each action's `access`).
import { action } from './action'

export const steeringContract = {
  // ---- risk register and radar (handlers: cloudfunctions/steering/risks.ts) ----
  // ---- budget: plan, adjustments, actual spend (handlers: cloudfunctions/steering/budget.ts) ----
  // ---- team plan and phases (handlers: cloudfunctions/steering/phases.ts) ----
}
void action
