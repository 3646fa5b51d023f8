import { reviewContract } from '../../core/api/review'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('review', reviewContract, handlers)
