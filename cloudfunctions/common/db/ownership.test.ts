// Who writes an item and its production: content owns `items`, review owns `productions` and
// `review_events`, and the one place where they change together is common/itemLifecycle.ts (publishing,
// and scheduling on a final approval). A write from anywhere else fails here, naming the file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')
const WRITERS: Record<string, string[]> = {
  ITEMS: ['cloudfunctions/content/', 'cloudfunctions/common/itemLifecycle.ts'],
  PRODUCTIONS: ['cloudfunctions/review/', 'cloudfunctions/common/itemLifecycle.ts'],
  REVIEW_EVENTS: ['cloudfunctions/review/', 'cloudfunctions/common/itemLifecycle.ts'],
  // The four meetings and the tasks their decisions become: the content function alone.
  MEETINGS: ['cloudfunctions/content/'],
  TASKS: ['cloudfunctions/content/'],
  // Retrospectives and their tasks: the content function (its timer creates them, its actions write them).
  RETROSPECTIVES: ['cloudfunctions/content/'],
  // The team's phase plan: the steering function alone.
  PHASE_PLANS: ['cloudfunctions/steering/'],
  // Actual spend (投流花费 and the budget's every category): one writer, whichever function logs it.
  SPEND: ['cloudfunctions/common/spendFacts.ts', 'cloudfunctions/steering/spendMigration.ts'],
}
const WRITE = '(?:add|update|set|remove|insert|insertOnce|updateWhere|updateVersioned|removeWhere)'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules') return []
    if (statSync(path).isDirectory()) return sources(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

/** `file:line` of each write to the collection: direct (`collection(X)…add(`) or through a repo of it. */
function writesTo(constant: string): string[] {
  const found: string[] = []
  for (const file of sources(join(ROOT, 'cloudfunctions'))) {
    const lines = readFileSync(file, 'utf8').split('\n')
    const repoVars = new Set<string>()
    lines.forEach((line, i) => {
      const v = new RegExp(`(?:const|let)\\s+(\\w+)\\s*=\\s*ctx\\.repo<[^>]*>\\(${constant}\\)`).exec(line)
      if (v) repoVars.add(v[1])
      const direct = new RegExp(`(?:collection|repo<[^>]*>)\\(${constant}\\)(?:\\.doc\\([^)]*\\))?\\.${WRITE}\\(`).test(line)
      const viaVar = [...repoVars].some((name) => new RegExp(`\\b${name}\\.${WRITE}\\(`).test(line))
      if (direct || viaVar) found.push(`${relative(ROOT, file)}:${i + 1}`)
    })
  }
  return found
}

describe.each(Object.entries(WRITERS))('writes to %s', (constant, allowed) => {
  const writes = writesTo(constant)

  it('come only from its owner or common/itemLifecycle.ts', () => {
    expect(writes.filter((w) => !allowed.some((a) => w.startsWith(a)))).toEqual([])
  })

  it('are found at all (the scan still recognises how writes are written)', () => {
    expect(writes.length).toBeGreaterThan(0)
  })
})
