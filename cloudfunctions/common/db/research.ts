// Stored records of the research function: A/B experiments and the competitor watch.
import type { BaseRecord } from './base'

export type { BaseRecord }
