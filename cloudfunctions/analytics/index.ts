import { analyticsContract } from '../../core/api/analytics'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('analytics', analyticsContract, handlers)
