import { steeringContract } from '../../core/api/steering'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('steering', steeringContract, handlers)
