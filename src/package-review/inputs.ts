// Side-effect module: every page of this sub-package imports it, so the api checks these functions' inputs
// before sending (instant messages under the field) while their zod schemas stay out of the main package.
import { registerInputChecks } from '../api/registerInputChecks'
import { reviewContract } from '../../core/api/review'
import { contentContract } from '../../core/api/content'

registerInputChecks('review', reviewContract)
registerInputChecks('content', contentContract)
