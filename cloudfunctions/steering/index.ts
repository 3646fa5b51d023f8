import { steeringContract } from '../../core/api/steering'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { categorizeAllSpend } from './spendMigration'

export const main = defineFunction('steering', steeringContract, handlers, {
  // Hourly: stamps 广告投放 on spend logged before budgets (a no-op once done; see spendMigration.ts).
  onTimer: ({ db }) => categorizeAllSpend(db),
})
