import { analyticsContract } from './analytics'
import { contentContract } from './content'
import { reviewContract } from './review'
import { resultsContract } from './results'
import { researchContract } from './research'
import { steeringContract } from './steering'
import { teamContract } from './team'

/** Every cloud function's contract, by function name. The app's client and the test harnesses read this. */
export const contracts = {
  team: teamContract,
  content: contentContract,
  review: reviewContract,
  results: resultsContract,
  analytics: analyticsContract,
  research: researchContract,
  steering: steeringContract,
}

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
export * from './action'
