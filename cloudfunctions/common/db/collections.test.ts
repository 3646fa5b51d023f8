import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { COLLECTION_NAMES, LEGACY_SNAKE_CASE, type CollectionName } from './collections'

const ROOT = resolve(__dirname, '../../..')
const REGISTRY = 'cloudfunctions/common/db/collections.ts'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === '__fixtures__') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** A collection named by a string literal where storage is reached: `collection('x')`, `repo('x')`, `store.find('x', …)`. */
const NAMED_BY_LITERAL = /(?:\.collection|\brepo|\bRepo|store\.\w+)(?:<[^>\n]*>)?\(\s*(?:[\w.]+,\s*)?['"`]/

describe('the collection registry', () => {
  it('lists every collection of StoredRecords (checked when it compiles)', () => {
    type Unlisted = Exclude<CollectionName, (typeof COLLECTION_NAMES)[number]>
    const everyListed: [Unlisted] extends [never] ? true : Unlisted = true
    expect(everyListed).toBe(true)
  })

  it('lists each collection once', () => {
    expect(new Set(COLLECTION_NAMES).size).toBe(COLLECTION_NAMES.length)
  })

  it('names collections in camelCase, the four stored before the rule aside', () => {
    const camel = /^[a-z][a-zA-Z0-9]*$/
    expect(COLLECTION_NAMES.filter((c) => !camel.test(c)).sort()).toEqual([...LEGACY_SNAKE_CASE].sort())
  })

  it('lists the same collections as database.rules.json, which deployment reads', () => {
    const rules = JSON.parse(readFileSync(join(ROOT, 'database.rules.json'), 'utf8')) as { collections: string[] }
    expect([...rules.collections].sort()).toEqual([...COLLECTION_NAMES].sort())
  })

  it('is the only place the functions, the local cloud and the test helpers name a collection by a string literal', () => {
    const files = ['cloudfunctions', 'emulator', 'test/support', 'test/bench'].flatMap((dir) => sourceFiles(join(ROOT, dir)))
    const offenders = files
      .filter((f) => relative(ROOT, f) !== REGISTRY)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (NAMED_BY_LITERAL.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(offenders).toEqual([])
  })
})
