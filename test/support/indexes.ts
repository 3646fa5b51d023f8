// Every query a test makes through the test cloud is checked against the index manifest
// (cloudfunctions/common/db/indexes.ts): a query no index serves is remembered here, and the node
// project's setup (test/jest/node.setup.ts) fails the test file that made it, naming the query.
// QUERY_SHAPES_OUT=<file> also appends every shape seen, one JSON line each (to review the manifest).
import { appendFileSync } from 'node:fs'
import { indexFor, shapeText, type QueryShape } from '../../emulator/query-shapes'

export const unservedQueries = new Map<string, QueryShape>()

export function checkQuery(shape: QueryShape): void {
  const out = process.env.QUERY_SHAPES_OUT
  if (out) appendFileSync(out, JSON.stringify(shape) + '\n')
  if (!indexFor(shape)) unservedQueries.set(shapeText(shape), shape)
}

