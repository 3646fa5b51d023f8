// The main package carries no contract's zod inputs except the two its own forms send (issue 15): the client
// is built from core/api/manifest.ts, and each sub-package registers the contracts its pages send
// (src/package-*/inputs.ts, imported by every page so a form checks its input before sending).
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { reach, ROOT, valueImports } from './imports'

const pagesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, dir, d.name, 'index.tsx')))
    .map((d) => join(ROOT, dir, d.name, 'index.tsx'))

const MAIN_PAGES = pagesUnder('src/pages')
const PACKAGES = readdirSync(join(ROOT, 'src')).filter((d) => d.startsWith('package-'))
/** The contracts the main package's forms send (creating or joining a team; a decision in the 审核 inbox). */
const MAIN_CONTRACTS = ['core/api/team.ts', 'core/api/review.ts']

test('every page imports the input checks of its package', () => {
  const missing = [...MAIN_PAGES, ...PACKAGES.flatMap((p) => pagesUnder(join('src', p)))].filter(
    (page) => !valueImports(page).includes(join(page, '..', '..', 'inputs.ts')),
  )
  expect(missing.map((f) => relative(ROOT, f))).toEqual([])
})

test('the main package reaches no other contract (nor the contracts index)', () => {
  const via = reach([join(ROOT, 'src/app.tsx'), ...MAIN_PAGES])
  const contracts = [...via.keys()]
    .map((f) => relative(ROOT, f))
    .filter((f) => f.startsWith('core/api/') && !['core/api/manifest.ts', 'core/api/labels.ts', ...MAIN_CONTRACTS].includes(f) && f !== 'core/api/action.ts')
  expect(contracts.map((f) => `${f} (imported by ${relative(ROOT, via.get(join(ROOT, f))!)})`)).toEqual([])
})
