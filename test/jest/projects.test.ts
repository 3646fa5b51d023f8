// Every test file in the repository runs in some jest project: a file that matches no project's
// roots, testMatch and ignore patterns is silently skipped by `npm test` (it happened to
// test/components/outbox-owner.test.ts), so this lists such files and fails naming them.
import fs from 'fs'
import path from 'path'
import { globsToMatcher, replacePathSepForGlob } from 'jest-util'

const ROOT = path.resolve(__dirname, '../..')
/** What the style guide calls a test: `*.test.ts(x)` unit, `*.int.test.ts` local cloud, `*.e2e.ts` browser. */
const TEST_FILE = /\.(test\.tsx?|e2e\.ts)$/
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage'])

interface ProjectConfig {
  displayName: string
  rootDir: string
  roots?: string[]
  testMatch?: string[]
  testPathIgnorePatterns?: string[]
}

function projects(): ProjectConfig[] {
  const top = require(path.join(ROOT, 'jest.config.js')) as { projects: string[] }
  return top.projects.map((p) => require(p.replace('<rootDir>', ROOT)) as ProjectConfig)
}

/** The same three tests jest applies when it looks for a project's tests. */
function picks(project: ProjectConfig, file: string): boolean {
  const expand = (s: string) => s.replace(/<rootDir>/g, project.rootDir)
  const roots = (project.roots ?? ['<rootDir>']).map(expand)
  if (!roots.some((r) => file.startsWith(r + path.sep))) return false
  if (!globsToMatcher(project.testMatch ?? [])(replacePathSepForGlob(file))) return false
  return !(project.testPathIgnorePatterns ?? ['/node_modules/']).some((p) => new RegExp(expand(p)).test(file))
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) testFiles(full, out)
    else if (TEST_FILE.test(entry.name)) out.push(full)
  }
  return out
}

describe('jest projects', () => {
  const all = projects()
  const files = testFiles(ROOT)

  it('find test files to check', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(files).toContain(path.join(ROOT, 'test/jest/projects.test.ts'))
  })

  it('pick up every test file in the repository', () => {
    const orphans = files.filter((f) => !all.some((p) => picks(p, f))).map((f) => path.relative(ROOT, f))
    expect(orphans).toEqual([])
  })

  it('never run one test file in two projects', () => {
    const twice = files.filter((f) => all.filter((p) => picks(p, f)).length > 1).map((f) => path.relative(ROOT, f))
    expect(twice).toEqual([])
  })
})
