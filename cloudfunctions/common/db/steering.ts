// Stored records of the steering function: risks, the budget and the plan's phases.
import type { BaseRecord } from './base'

export type { BaseRecord }
