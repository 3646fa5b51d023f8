import type { reviewContract } from '../../core/api/review'
import type { Handlers } from '../common/action'
import { decideHandlers } from './decide'
import { flowHandlers } from './flows'
import { readHandlers } from './read'

// Split by area: the gates of each format in flows.ts; starting, submitting, deciding and commenting in decide.ts; productions, timeline, inbox, notifications and cycle times in read.ts.
export const handlers: Handlers<typeof reviewContract> = { ...flowHandlers, ...decideHandlers, ...readHandlers }
