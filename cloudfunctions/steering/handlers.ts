import type { steeringContract } from '../../core/api/steering'
import type { Handlers } from '../common/action'
import { budgetHandlers } from './budget'
import { phaseHandlers } from './phases'
import { riskHandlers } from './risks'

// Split by area: the risk register in risks.ts, the budget in budget.ts, the team plan and phases in phases.ts.
export const handlers: Handlers<typeof steeringContract> = {
  ...riskHandlers,
  ...budgetHandlers,
  ...phaseHandlers,
}
