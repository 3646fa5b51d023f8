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
run('npx', ['jest', '--ci', ...process.argv.slice(2)])
