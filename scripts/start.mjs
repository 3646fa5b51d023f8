// `npm start`: install what is missing, build the H5 app, start the local cloud on 127.0.0.1
// (seeding the demo team on first run unless --empty / SEED=empty) and print the URL to open.
import { spawn } from 'node:child_process'
import { ensureAppBuild, ensureDeps, root } from './lib.mjs'

ensureDeps()
ensureAppBuild('h5')
const args = process.argv.slice(2)
const env = { ...process.env }
if (args.includes('--empty')) env.SEED = 'empty'
const child = spawn('npx', ['tsx', 'emulator/main.ts', ...args.filter((a) => a !== '--empty')], {
  cwd: root,
  stdio: 'inherit',
  env,
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
