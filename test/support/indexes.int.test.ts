// The index check is wired: a query made through the test cloud that no index serves is remembered
// (and test/jest/node.setup.ts would fail this file for it), while a served one is not.
import cloud from 'wx-server-sdk'
import { ITEMS } from '../../cloudfunctions/common/db/collections'
import { createTestCloud, type TestCloud } from './cloud'
import { unservedQueries } from './indexes'

let tc: TestCloud
beforeAll(async () => {
  tc = await createTestCloud()
})
afterAll(() => tc.close())

it('remembers a query no index serves, and not one an index serves', async () => {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  unservedQueries.clear()
  await db.collection(ITEMS).where({ teamId: 't', day: db.command.gte('2026-01-01') }).orderBy('day', 'asc').orderBy('_id', 'asc').get()
  expect([...unservedQueries.keys()]).toEqual([])
  await db.collection(ITEMS).where({ tags: 'x' }).get()
  expect([...unservedQueries.keys()]).toEqual(['items find eq[tags] range[] sort[]'])
  unservedQueries.clear()
})
