// The main package carries no contract's zod inputs and no zod at all (issue 15): the client is built from
// core/api/manifest.ts, each sub-package registers the contracts its pages send (src/package-*/inputs.ts,
// imported by every page so a form checks its input before sending), and the tab pages' own writes (a
// decision in the 审核 inbox, a month theme) are checked by the function, which answers in the same words.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { reach, ROOT, valueImports } from './imports'

const pagesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, dir, d.name, 'index.tsx')))
    .map((d) => join(ROOT, dir, d.name, 'index.tsx'))

const MAIN_PAGES = pagesUnder('src/pages')
const PACKAGES = readdirSync(join(ROOT, 'src')).filter((d) => d.startsWith('package-'))
const mainReach = () => reach([join(ROOT, 'src/app.tsx'), ...MAIN_PAGES])
const trail = (via: Map<string, string | null>, file: string): string => {
  const chain = [relative(ROOT, file)]
  for (let f = via.get(file); f; f = via.get(f)) chain.push(relative(ROOT, f))
  return chain.join(' ← ')
}

test('every sub-package page imports the input checks of its package', () => {
  const missing = PACKAGES.flatMap((p) => pagesUnder(join('src', p))).filter(
    (page) => !valueImports(page).includes(join(page, '..', '..', 'inputs.ts')),
  )
  expect(missing.map((f) => relative(ROOT, f))).toEqual([])
})

test('the main package reaches no contract (nor the contracts index)', () => {
  const via = mainReach()
  const contracts = [...via.keys()].filter((f) => {
    const rel = relative(ROOT, f)
    return rel.startsWith('core/api/') && !['core/api/manifest.ts', 'core/api/labels.ts'].includes(rel)
  })
  expect(contracts.map((f) => trail(via, f))).toEqual([])
})

test('the main package reaches no module that imports zod for its values', () => {
  const via = mainReach()
  const zod = [...via.keys()].filter((f) => /^\s*import\s+(?!type\b)[^'"]*from\s+['"]zod['"]/m.test(readFileSync(f, 'utf8')))
  expect(zod.map((f) => trail(via, f))).toEqual([])
})
