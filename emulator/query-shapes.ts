/**
 * The shape of each database query the functions make (collection, equality fields, range fields,
 * sort), and whether an index in the manifest (cloudfunctions/common/db/indexes.ts) serves it.
 *
 * CloudBase scans the whole collection when no index matches a query, which is slow and billed per
 * document read; the local cloud cannot show that cost, so the test cloud checks every query's shape
 * against the manifest instead (test/support/cloud.ts) and a test fails on a query no index serves.
 */
import { INDEXES, SCANS, type IndexSpec, type ScanSpec } from '../cloudfunctions/common/db/indexes'
import type { Json } from './ejson'

export type QueryOp = 'find' | 'count' | 'update' | 'remove' | 'aggregate'

export interface QueryShape {
  collection: string
  op: QueryOp
  /** Fields compared for equality (a value, `$eq` or `$in`), sorted by name. */
  eq: string[]
  /** Fields compared by a range or other operator (`$gt`, `$lte`, `$ne`, `$exists`, …), sorted by name. */
  range: string[]
  sort: [string, 1 | -1][]
}

const EQ_OPS = new Set(['$eq', '$in'])

/** The shape of a query as the local cloud receives it (after EJSON parsing). */
export function shapeOf(collection: string, op: QueryOp, query: Json | undefined, sort?: Record<string, number>): QueryShape {
  const eq = new Set<string>()
  const range = new Set<string>()
  const visit = (q: unknown) => {
    if (!q || typeof q !== 'object' || Array.isArray(q)) return
    for (const [field, cond] of Object.entries(q as Record<string, unknown>)) {
      if (field === '$and' || field === '$or' || field === '$nor') {
        const branches = (Array.isArray(cond) ? cond : []).map((b) => shapeOf(collection, op, b as Json))
        // An $and's branches all narrow the query; a field an $or compares for equality in every branch
        // narrows it too (e.g. the team in each branch of a cursor); the branches' other fields are ranges.
        const everywhere = branches.length ? branches.map((b) => new Set(b.eq)).reduce((a, b) => new Set([...a].filter((f) => b.has(f)))) : new Set<string>()
        for (const b of branches) {
          for (const f of b.eq) (field === '$and' || (field === '$or' && everywhere.has(f)) ? eq : range).add(f)
          for (const f of b.range) range.add(f)
        }
        continue
      }
      if (field.startsWith('$')) continue
      const ops = operatorKeys(cond)
      if (!ops.length || ops.every((o) => EQ_OPS.has(o))) eq.add(field)
      else range.add(field)
    }
  }
  visit(query)
  for (const f of eq) range.delete(f)
  const order = Object.entries(sort ?? {}).map(([f, d]) => [f, d < 0 ? -1 : 1] as [string, 1 | -1])
  return { collection, op, eq: [...eq].sort(), range: [...range].sort(), sort: order }
}

function operatorKeys(cond: unknown): string[] {
  if (!cond || typeof cond !== 'object' || Array.isArray(cond) || cond instanceof Date) return []
  const keys = Object.keys(cond)
  return keys.length && keys.every((k) => k.startsWith('$')) ? keys : []
}

/** A stable one-line text of a shape, for messages and for counting distinct shapes. */
export function shapeText(s: QueryShape): string {
  const sort = s.sort.map(([f, d]) => `${f}${d < 0 ? '↓' : '↑'}`).join(',')
  return `${s.collection} ${s.op} eq[${s.eq.join(',')}] range[${s.range.join(',')}] sort[${sort}]`
}

/**
 * Whether an index serves the query, by MongoDB's equality–sort–range rule (CloudBase's database is
 * MongoDB-compatible): the index begins with every equality field (in any order), continues with the
 * sort fields in order (all in the index's direction or all reversed), and holds every range field after
 * the equality fields. Extra index fields after those are allowed.
 */
export function serves(index: IndexSpec, s: QueryShape): boolean {
  if (index.collection !== s.collection) return false
  // Fields the manifest says are filtered after the index's read (optional filters on a bounded read).
  const residual = new Set(index.residual ?? [])
  const eq = s.eq.filter((f) => !residual.has(f))
  const fields = index.fields.map(([f]) => f)
  const k = eq.length
  const head = new Set(fields.slice(0, k))
  if (head.size !== k || !eq.every((f) => head.has(f))) return false
  const rest = index.fields.slice(k)
  // Sort fields follow the equality prefix; a sort field that is also an equality field is constant.
  const sort = s.sort.filter(([f]) => !s.eq.includes(f))
  if (sort.length) {
    if (rest.length < sort.length) return false
    let same = true
    let reversed = true
    for (let i = 0; i < sort.length; i++) {
      if (rest[i][0] !== sort[i][0]) return false
      if (rest[i][1] !== sort[i][1]) same = false
      if (rest[i][1] === sort[i][1]) reversed = false
    }
    if (!same && !reversed) return false
  }
  const after = new Set(rest.map(([f]) => f))
  if (!s.range.every((f) => after.has(f) || residual.has(f))) return false
  // Something must narrow or order the read: an index over nothing the query uses is no help.
  return k > 0 || sort.length > 0 || s.range.some((f) => f === rest[0]?.[0])
}

/**
 * Queries served without a manifest entry: by `_id` (every collection's built-in index), or over the
 * documents of one `_id` range (`_id` prefix reads are served by the same index).
 */
function servedByIdIndex(s: QueryShape): boolean {
  if (s.eq.includes('_id')) return true
  return s.eq.length === 0 && s.range.every((f) => f === '_id') && s.sort.every(([f]) => f === '_id') && (s.range.length > 0 || s.sort.length > 0)
}

/** A deliberate whole-collection read in `_id` order, filtering only on the fields the manifest names. */
function declaredScan(s: QueryShape, scans: readonly ScanSpec[]): ScanSpec | undefined {
  const bySort = s.sort.every(([f]) => f === '_id')
  return scans.find((x) => x.collection === s.collection && bySort && [...s.eq, ...s.range].every((f) => f === '_id' || x.filters.includes(f)))
}

/** What serves the query: an index of the manifest, 'id' for the built-in _id index, a declared scan, or nothing. */
export function indexFor(s: QueryShape, indexes: readonly IndexSpec[] = INDEXES, scans: readonly ScanSpec[] = SCANS): IndexSpec | ScanSpec | 'id' | undefined {
  if (servedByIdIndex(s)) return 'id'
  return indexes.find((i) => serves(i, s)) ?? declaredScan(s, scans)
}
