// Side-effect module: every page of this sub-package imports it, so the api checks these functions' inputs
// before sending (instant messages under the field) while their zod schemas stay out of the main package.
import { registerInputChecks } from '../api/registerInputChecks'
import { analyticsContract } from '../../core/api/analytics'
import { researchContract } from '../../core/api/research'
import { contentContract } from '../../core/api/content'
import { steeringContract } from '../../core/api/steering'

registerInputChecks('analytics', analyticsContract)
registerInputChecks('research', researchContract)
registerInputChecks('content', contentContract)
registerInputChecks('steering', steeringContract)
