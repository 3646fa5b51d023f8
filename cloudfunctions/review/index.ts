import { reviewContract } from '../../core/api/review'
import { defineFunction } from '../common/action'
import { fillAllTeams } from './firstPass'
import { handlers } from './handlers'

export const main = defineFunction('review', reviewContract, handlers, {
  onTimer: ({ db, now }) => fillAllTeams(db, now),
})
