import type { resultsContract } from '../../core/api/results'
import type { Handlers } from '../common/action'
import { correctionHandlers } from './corrections'
import { logHandlers } from './log'
import { readHandlers } from './read'

// Split by area: new facts by form or import in log.ts; who may correct them, and how, in corrections.ts; history, recent lists and rollups in read.ts.
export const handlers: Handlers<typeof resultsContract> = { ...logHandlers, ...correctionHandlers, ...readHandlers }
