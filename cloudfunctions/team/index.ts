import { teamContract } from '../../core/api/team'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('team', teamContract, handlers)
