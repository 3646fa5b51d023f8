// `npm test`: install what is missing (npm packages, Debian's Chromium), build what the tests load
// (production weapp and h5 builds, bundled cloud functions), then run every jest project.
import { ensureAppBuild, ensureChromium, ensureDeps, run } from './lib.mjs'

ensureDeps()
const { buildFunctions } = await import('./build-functions.mjs')
if (!ensureChromium()) process.exit(1)
run('npm', ['run', '--silent', 'typecheck'])
ensureAppBuild('weapp')
ensureAppBuild('h5')
await buildFunctions({ quiet: true })
// Extra arguments (a path filter, say) may match only one of the two runs.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : []
// Unit, local-cloud, component and build-output tests in parallel; browser journeys one at a time,
// since two Chromiums plus builds on a 2-core machine make timing-based waits flaky.
run('npx', ['jest', '--ci', '--selectProjects', 'node', 'components', 'weapp', ...extra])
run('npx', ['jest', '--ci', '--runInBand', '--selectProjects', 'e2e', ...extra])
