// Bundles each cloud function for deployment: core/ and common/ inlined, wx-server-sdk left for the
// cloud's own `npm install` (it is large and the platform installs it), plus package.json and config.json.
import { build } from 'esbuild'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const srcRoot = join(root, 'cloudfunctions')
const outRoot = join(root, 'dist', 'functions')

export function functionNames() {
  return readdirSync(srcRoot).filter(
    (n) => n !== 'common' && statSync(join(srcRoot, n)).isDirectory() && existsSync(join(srcRoot, n, 'index.ts')),
  )
}

export async function buildFunctions({ quiet = false } = {}) {
  rmSync(outRoot, { recursive: true, force: true })
  const names = functionNames()
  for (const name of names) {
    const out = join(outRoot, name)
    mkdirSync(out, { recursive: true })
    await build({
      entryPoints: [join(srcRoot, name, 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      logLevel: quiet ? 'error' : 'warning',
    })
    for (const f of ['package.json', 'config.json']) cpSync(join(srcRoot, name, f), join(out, f))
  }
  if (!quiet) console.log(`built ${names.length} cloud function(s) into dist/functions: ${names.join(', ')}`)
  return names
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildFunctions()
}
