// `npm run bench`: builds what is stale, then prints sizes and latencies (test/bench/bench.ts).
import { ensureAppBuild, ensureDeps, run } from './lib.mjs'

ensureDeps()
ensureAppBuild('weapp')
ensureAppBuild('h5')
run('npx', ['tsx', 'test/bench/bench.ts'])
