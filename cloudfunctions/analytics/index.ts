import { analyticsContract } from '../../core/api/analytics'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { weeklyAllTeams } from './weekly'

export const main = defineFunction('analytics', analyticsContract, handlers, {
  onTimer: ({ db, now }) => weeklyAllTeams(db, now),
})
