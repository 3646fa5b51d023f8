// Side-effect module for the main package's pages: the api checks the inputs of the forms drawn here (creating
// or joining a team, a reviewer's decision in the inbox) before sending. Only these two contracts: the others'
// schemas load with their sub-packages (src/package-*/inputs.ts).
import { registerInputChecks } from '../api/registerInputChecks'
import { reviewContract } from '../../core/api/review'
import { teamContract } from '../../core/api/team'

registerInputChecks('team', teamContract)
registerInputChecks('review', reviewContract)
