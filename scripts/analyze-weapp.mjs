// Bundle analysis of the mini-program's main package (issue 15): builds dist/weapp for production with
// config/index.ts's module-size recorder on, then prints, for each main-package script, what it holds by
// package or source folder (sizes before minification, so read them as proportions).
// Usage: node scripts/analyze-weapp.mjs [--no-build]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, run } from './lib.mjs'

const stats = join(root, 'dist', 'weapp-modules.json')
if (!process.argv.includes('--no-build')) {
  run('npx', ['tsx', 'scripts/gen-api-manifest.ts'])
  run('npx', ['taro', 'build', '--type', 'weapp'], { env: { ...process.env, NODE_ENV: 'production', WEAPP_STATS: stats } })
}
const chunks = JSON.parse(readFileSync(stats, 'utf8'))
// Taro moves sub-common/sub-vendors chunks into the sub-packages that use them (optimizeMainPackage).
const inMain = (f) => f.endsWith('.js') && !/^(package-|sub-common\/|sub-vendors)/.test(f)
for (const chunk of chunks.filter((c) => c.files.some(inMain))) {
  const groups = new Map()
  let total = 0
  for (const m of chunk.modules) {
    const name = m.name.replace(/\\/g, '/').replace(`${root.replace(/\\/g, '/')}/`, '')
    const pkg = name.match(/node_modules\/((@[^/]+\/)?[^/]+)/)
    const key = pkg ? pkg[1] : name.split('/').slice(0, 2).join('/')
    groups.set(key, (groups.get(key) ?? 0) + m.size)
    total += m.size
  }
  console.log(`\n${chunk.files.filter(inMain).join(', ')}: ${(total / 1024).toFixed(1)} KiB of modules`)
  for (const [key, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KiB  ${(size / total * 100).toFixed(0).padStart(3)} %  ${key}`)
  }
}
