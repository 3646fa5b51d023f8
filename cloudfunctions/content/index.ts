import { contentContract } from '../../core/api/content'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'

export const main = defineFunction('content', contentContract, handlers)
