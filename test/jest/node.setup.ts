// Fails a test file whose queries through the test cloud include one that no index in the manifest
// serves (see test/support/indexes.ts). INDEX_CHECK=off skips the check (to collect shapes).
import { unservedQueries } from '../support/indexes'

afterAll(() => {
  if (process.env.INDEX_CHECK === 'off' || !unservedQueries.size) return
  const list = [...unservedQueries.keys()].map((t) => `  ${t}`).join('\n')
  unservedQueries.clear()
  throw new Error(`queries no index serves (add one to cloudfunctions/common/db/indexes.ts, or change the query):\n${list}`)
})
