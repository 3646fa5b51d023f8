// The statistics run in the research function only (issue 12): no module the app bundles may import
// core/research/stats.ts, verdict.ts or plan.ts for its values, directly or through another module.
// Type-only imports are erased by the build and allowed (pages show the Verdict the function sends).
import { join, relative } from 'node:path'
import { reach, ROOT, sources } from './imports'

const FORBIDDEN = ['core/research/stats.ts', 'core/research/verdict.ts', 'core/research/plan.ts']

test('no module of the app reaches the statistics for values', () => {
  const via = reach(sources(join(ROOT, 'src')))
  const reached = FORBIDDEN.filter((f) => via.has(join(ROOT, f))).map((f) => `${f} (imported by ${relative(ROOT, via.get(join(ROOT, f))!)})`)
  expect(reached).toEqual([])
})
