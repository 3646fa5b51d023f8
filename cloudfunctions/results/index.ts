import { resultsContract } from '../../core/api/results'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { rebuildAllTeams } from './rebuild'

export const main = defineFunction('results', resultsContract, handlers, {
  onTimer: ({ db, now }) => rebuildAllTeams(db, now),
})
