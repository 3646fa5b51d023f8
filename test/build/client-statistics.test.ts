// The statistics run in the research function only (issue 12): no module the app bundles may import
// core/research/stats.ts, verdict.ts or plan.ts for its values, directly or through another module.
// Type-only imports are erased by the build and allowed (pages show the Verdict the function sends).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const FORBIDDEN = ['core/research/stats.ts', 'core/research/verdict.ts', 'core/research/plan.ts']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : []
  })
}

/** The relative modules a file imports for their values (not `import type`, not `export type`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    if (m[2]) continue
    const base = resolve(dirname(file), m[3])
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p))
    if (found) out.push(found)
  }
  return out
}

test('no module of the app reaches the statistics for values', () => {
  const seen = new Set<string>()
  const via = new Map<string, string>()
  const queue = sources(join(ROOT, 'src'))
  for (const f of queue) seen.add(f)
  while (queue.length) {
    const f = queue.pop()!
    for (const dep of valueImports(f)) {
      if (seen.has(dep)) continue
      seen.add(dep)
      via.set(dep, f)
      queue.push(dep)
    }
  }
  const reached = FORBIDDEN.filter((f) => seen.has(join(ROOT, f))).map((f) => `${f} (imported by ${relative(ROOT, via.get(join(ROOT, f))!)})`)
  expect(reached).toEqual([])
})
