import { researchContract } from '../../core/api/research'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('research', researchContract, handlers)
