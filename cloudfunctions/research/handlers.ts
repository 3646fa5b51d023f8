import type { researchContract } from '../../core/api/research'
import type { Handlers } from '../common/action'
import { experimentHandlers } from './experiments'

// Split by area: A/B experiments in experiments.ts (statistics: core/research/stats.ts); the competitor watch in competitors.ts.
export const handlers: Handlers<typeof researchContract> = {
  ...experimentHandlers,
}
