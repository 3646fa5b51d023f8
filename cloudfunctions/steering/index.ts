import { steeringContract } from '../../core/api/steering'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { steeringTimer } from './timer'

export const main = defineFunction('steering', steeringContract, handlers, {
  onTimer: ({ db, now }) => steeringTimer(db, now),
})
