import { teamContract } from '../../core/api/team'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { repairAdminCounts } from './repair'

export const main = defineFunction('team', teamContract, handlers, {
  onTimer: ({ db }) => repairAdminCounts(db),
})
