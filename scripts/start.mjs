// `npm start`: install what is missing, build the H5 app, start the local cloud on 127.0.0.1
// (seeding the demo team on first run unless --empty / SEED=empty) and print the URL to open.
import { spawn } from 'node:child_process'
import { ensureAppBuild, ensureDeps, root } from './lib.mjs'

const args = process.argv.slice(2)
// --no-build: skip installing and building; serve the API and whatever dist/h5 already holds.
if (!args.includes('--no-build')) {
  ensureDeps()
  ensureAppBuild('h5')
}
const env = { ...process.env }
if (args.includes('--empty')) env.SEED = 'empty'
// node itself with tsx as a loader (not `npx tsx`, whose wrappers did not pass SIGTERM on and left the
// server running): one server process that gets our signals, and an IPC channel whose loss tells it
// the launcher is gone even if we are killed with SIGKILL.
const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args.filter((a) => a !== '--empty' && a !== '--no-build')], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env,
})
// Forward, then wait: we exit only once the server has finished its requests and closed the database.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig))
// `kill -TERM <npm>` makes npm stop its `sh -c` and exit, but not us: when we are orphaned (our parent
// changes), stop the server as if we had been sent SIGTERM.
const parent = process.ppid
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 250).unref()
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
