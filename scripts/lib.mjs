// Shared steps of `npm start`, `npm test` and `npm run bench`: install what is missing, rebuild what is stale.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..')

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts })
  if (r.status !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`)
    process.exit(r.status ?? 1)
  }
}

/** npm ci when node_modules is absent or older than the lock file. */
export function ensureDeps() {
  const marker = join(root, 'node_modules', '.package-lock.json')
  const lock = join(root, 'package-lock.json')
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return
  console.log('• installing npm dependencies (npm ci)…')
  run('npm', ['ci', '--no-audit', '--no-fund'])
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Debian's Chromium for the browser journeys; installed when absent and we are root. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true
  if (process.getuid?.() !== 0) {
    console.error(`✗ Chromium not found at ${CHROMIUM} and not root: install it with 'apt-get install -y chromium'`)
    return false
  }
  console.log('• installing Debian chromium for the browser tests…')
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return existsSync(CHROMIUM)
}

const SOURCES = ['src', 'core', 'config', 'babel.config.js', 'package-lock.json', 'project.config.json']

function fingerprint() {
  const h = createHash('sha1')
  const walk = (p) => {
    const full = join(root, p)
    if (!existsSync(full)) return
    const st = statSync(full)
    if (st.isDirectory()) for (const n of readdirSync(full).sort()) walk(join(p, n))
    else h.update(`${p}:${st.size}:${st.mtimeMs}\n`)
  }
  SOURCES.forEach(walk)
  return h.digest('hex')
}

/** Builds dist/<target> with Taro unless its stamp matches the current sources. */
export function ensureAppBuild(target, { force = false } = {}) {
  const stampFile = join(root, 'dist', `.stamp-${target}`)
  // The app's client reads core/api/manifest.ts, derived from the contracts: keep it current before building.
  run('npx', ['tsx', 'scripts/gen-api-manifest.ts'])
  const fp = fingerprint()
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fp && existsSync(join(root, 'dist', target))) return
  console.log(`• building the ${target} app (taro build --type ${target})…`)
  run('npx', ['taro', 'build', '--type', target], { env: { ...process.env, NODE_ENV: 'production' } })
  writeFileSync(stampFile, fp)
}
