/**
 * MongoDB semantics over documents in memory, from mingo: query matching, find options and update
 * operators, plus the checks MongoDB (and so CloudBase) makes on updates that mingo skips, so code that
 * would fail in the cloud fails locally.
 */
import { update as mingoUpdate } from 'mingo'
import { Context } from 'mingo/core'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import { Query as BaseQuery } from 'mingo/query'
import { clone, type Doc, type Json } from './ejson'
import { StoreError, type FindOptions } from './store-types'

/**
 * Queries need only query and projection operators (the database accepts no $expr or $where). mingo's
 * default Query copies its whole operator context (every expression and pipeline operator too) for each
 * query it compiles, which was a tenth of the local cloud's CPU under load; this context is a fraction.
 */
const QUERY_CONTEXT = Context.init({ query: queryOperators, projection: projectionOperators })
class Query extends BaseQuery {
  constructor(condition: Json) {
    super(condition, { context: QUERY_CONTEXT })
  }
}

/** The documents of `list` the query matches (`list` itself when the query filters nothing). */
export function matchQuery(list: Doc[], query: Json | undefined): Doc[] {
  // A lookup by _id alone is already answered by the candidates: no query to compile.
  const idOnly = query !== undefined && typeof query._id === 'string' && Object.keys(query).length === 1
  if (!query || idOnly || !Object.keys(query).length) return list
  const q = new Query(query)
  return list.filter((d) => q.test(d))
}

/** Sort, skip, limit and projection of a find, over the matched documents. */
export function applyFindOptions(matched: Doc[], opts: FindOptions): Doc[] {
  const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined
  const plain = !projection && !(opts.sort && Object.keys(opts.sort).length) && !opts.skip
  if (plain && matched.length <= 1 && (opts.limit === undefined || opts.limit >= matched.length)) return matched
  // A list of top-level fields to keep (what `field({...})` sends) is applied here, after the limit:
  // mingo's projection engine cost more than the rest of a find.
  const pick = projection && simpleInclusion(projection)
  // mingo's cursor gives MongoDB sort order (type brackets, missing fields first) and projection rules.
  let cursor = new Query({}).find<Doc>(matched, pick ? undefined : projection)
  if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort)
  if (opts.skip) cursor = cursor.skip(opts.skip)
  if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
  const out = cursor.all()
  return pick ? out.map((d) => pickFields(d, pick)) : out
}

/** The fields of an inclusion-only projection of top-level fields (`{ a: 1, b: true }`), else undefined. */
function simpleInclusion(projection: Json): string[] | undefined {
  const fields: string[] = []
  for (const [k, v] of Object.entries(projection)) {
    if ((v !== 1 && v !== true) || k.includes('.') || k.startsWith('$')) return undefined
    fields.push(k)
  }
  return fields
}

/** A copy of the document with only these fields, and _id (which an inclusion keeps unless excluded). */
function pickFields(doc: Doc, fields: string[]): Doc {
  const out = { _id: doc._id } as Doc
  for (const f of fields) if (f in doc) (out as Json)[f] = doc[f]
  return out
}

/** Applies update operators to a copy; returns undefined when nothing changed (MongoDB's nModified). */
export function applyOperators(doc: Doc, data: Json): Doc | undefined {
  const ops = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
  checkOperandTypes(doc, ops)
  const copy = clone(doc)
  const changed = mingoUpdate(copy, ops, undefined, undefined, { cloneMode: 'deep' })
  return changed.length ? copy : undefined
}

const NUMERIC_OPS = ['$inc', '$mul']
const ARRAY_OPS = ['$push', '$addToSet', '$pull', '$pullAll', '$pop']

/**
 * mingo silently skips updates MongoDB (and so CloudBase) rejects; reject them here so code that
 * would fail in the cloud fails locally: $inc on a string, $push onto a non-array, a path through a scalar.
 */
function checkOperandTypes(doc: Doc, ops: Json): void {
  for (const [op, fields] of Object.entries(ops)) {
    if (!fields || typeof fields !== 'object') continue
    for (const p of Object.keys(fields as Json)) {
      if (p.includes('$')) continue // positional paths: leave to mingo
      const { value, blocked } = resolvePath(doc, p)
      const fail = (why: string) => {
        throw new StoreError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to '${p}': ${why}`)
      }
      if (blocked) fail(`'${blocked}' is not an object`)
      if (value === undefined) continue
      if (NUMERIC_OPS.includes(op) && typeof value !== 'number') fail('the value is not a number')
      if (ARRAY_OPS.includes(op) && !Array.isArray(value)) fail('the value is not an array')
    }
  }
}

function resolvePath(doc: Json, p: string): { value: unknown; blocked?: string } {
  let cur: unknown = doc
  const parts = p.split('.')
  for (let i = 0; i < parts.length; i++) {
    if (cur === undefined || cur === null) return { value: undefined }
    if (typeof cur !== 'object' || cur instanceof Date) return { value: undefined, blocked: parts.slice(0, i).join('.') }
    cur = (cur as Json)[parts[i]]
  }
  return { value: cur }
}

/** `{ $in: [ids] }`: a known set of ids, answered by lookups. */
export function isInList(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const keys = Object.keys(v)
  const list = (v as { $in?: unknown }).$in
  return keys.length === 1 && Array.isArray(list) && list.every((x) => typeof x === 'string')
}
