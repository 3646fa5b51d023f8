import type { researchContract } from '../../core/api/research'
import type { Handlers } from '../common/action'
import { comparisonHandlers } from './competitorComparison'
import { competitorHandlers } from './competitors'
import { experimentHandlers } from './experiments'

// Split by area: A/B experiments in experiments.ts (statistics: core/research/stats.ts); the competitor watch in competitors.ts (its comparison in competitorComparison.ts).
export const handlers: Handlers<typeof researchContract> = {
  ...experimentHandlers,
  ...competitorHandlers,
  ...comparisonHandlers,
}
