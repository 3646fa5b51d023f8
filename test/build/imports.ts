// What the app's bundles can reach: the relative modules a file imports for their values, followed
// transitively. Type-only imports are erased by the build and not followed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

/** The .ts/.tsx source files under a folder (tests left out). */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : []
  })
}

/** The relative modules a file imports for their values (`import x from`, `export … from`, bare `import '…'`; not `import type`). */
export function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs: string[] = []
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) if (!m[2]) specs.push(m[3])
  for (const m of text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) specs.push(m[1])
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec)
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p))
    return found ? [found] : []
  })
}

/** Every module reachable from the entry files, each with the file that first imported it. */
export function reach(entries: string[]): Map<string, string | null> {
  const via = new Map<string, string | null>(entries.map((f) => [f, null]))
  const queue = [...entries]
  while (queue.length) {
    const f = queue.pop()!
    for (const dep of valueImports(f)) {
      if (via.has(dep)) continue
      via.set(dep, f)
      queue.push(dep)
    }
  }
  return via
}
