// The rename of productions' `scheduledAt` to `finalApprovedAt` (finalApprovedMigration.ts), run by the review
// function's hourly timer: values kept (dates and nulls), every team, once; a rerun changes nothing; and the
// 制作周期 list, which reads the new name, finds the item again.
import type { ProductionView, RangeCycleView } from '../../core/review/schemas'
import { dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { PRODUCTIONS } from '../common/db/collections'
import { database } from '../common/sdk'
import { renameTeamScheduledAt } from './finalApprovedMigration'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const review = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'review', openid, action, data)
const stored = (id: string) => cloud.store.getById(PRODUCTIONS, id) as unknown as Record<string, unknown>

/** The world's short video through its five gates, so its production holds the final-approval instant. */
async function finallyApproved(): Promise<ProductionView> {
  let p = await review<ProductionView>(w.openid.operator, 'startProduction', { itemId: w.itemId })
  for (let i = 0; i < 5; i++) {
    p = await review<ProductionView>(w.openid.operator, 'submitVersion', { itemId: p.itemId, version: p.version, text: `第 ${i + 1} 版` })
    p = await review<ProductionView>(w.openid.manager, 'approve', { itemId: p.itemId, version: p.version, comment: '可以' })
  }
  expect(p.status).toBe('scheduled')
  return p
}

/** Another planned item of the operator's, to start a second production. */
async function plannedItem(): Promise<string> {
  const plannedAt = new Date(Date.now() + 4 * 86400_000).toISOString()
  return (await ok<{ id: string }>(cloud, 'content', w.openid.operator, 'createItem', { title: '第二条', format: 'short_video', layer: 'intro', category: 'brand', ownerId: w.memberId.operator, plannedAt })).id
}

/** Puts a production back as it was stored before the rename. */
function asLegacy(id: string) {
  const value = stored(id).finalApprovedAt
  cloud.store.update(PRODUCTIONS, { _id: id }, { $set: { scheduledAt: value }, $unset: { finalApprovedAt: '' } }, { multi: false, upsert: false } as never)
  expect(stored(id)).not.toHaveProperty('finalApprovedAt')
}

const today = () => dayKey(new Date())
const cycleList = async () => (await review<RangeCycleView>(w.openid.operator, 'cycleStats', { from: today(), to: today() })).list.map((x) => x.itemId)

test('a decision stores finalApprovedAt, never the old name', async () => {
  await finallyApproved()
  expect(stored(w.itemId)).toMatchObject({ finalApprovedAt: expect.any(Date) })
  expect(stored(w.itemId)).not.toHaveProperty('scheduledAt')
  expect(await cycleList()).toEqual([w.itemId])
})

test('the hourly timer renames the field on every team, keeping the values, and the cycle list finds the item again', async () => {
  await finallyApproved()
  const approvedAt = stored(w.itemId).finalApprovedAt as Date
  asLegacy(w.itemId)
  // A production still in its first gate carries the old name with null.
  const other = await review<ProductionView>(w.openid.operator, 'startProduction', { itemId: await plannedItem() })
  cloud.store.update(PRODUCTIONS, { _id: other.itemId }, { $set: { scheduledAt: null }, $unset: { finalApprovedAt: '' } }, { multi: false, upsert: false } as never)
  expect(await cycleList()).toEqual([])

  const run = await cloud.timer('review', 'firstPassBackfill')
  expect(run).toMatchObject({ ok: true, data: { renamed: { updated: 2, finished: true } } })
  expect(stored(w.itemId)).toMatchObject({ finalApprovedAt: approvedAt })
  expect(stored(w.itemId)).not.toHaveProperty('scheduledAt')
  expect(stored(other.itemId)).toMatchObject({ finalApprovedAt: null })
  expect(stored(other.itemId)).not.toHaveProperty('scheduledAt')
  expect(await cycleList()).toEqual([w.itemId])

  // Once done, a rerun changes nothing.
  const before = JSON.stringify(cloud.store.find(PRODUCTIONS, { query: {} }))
  expect(await cloud.timer('review', 'firstPassBackfill')).toMatchObject({ ok: true, data: { renamed: { updated: 0, finished: true } } })
  expect(JSON.stringify(cloud.store.find(PRODUCTIONS, { query: {} }))).toBe(before)
})

test('out of time, it stops before changing anything more, and carries on next time', async () => {
  await finallyApproved()
  asLegacy(w.itemId)
  expect(await renameTeamScheduledAt(database(), w.teamA, Date.now() - 1)).toEqual({ updated: 0, finished: false })
  expect(stored(w.itemId)).toHaveProperty('scheduledAt')
  expect(await renameTeamScheduledAt(database(), w.teamA)).toEqual({ updated: 1, finished: true })
  expect(stored(w.itemId)).toHaveProperty('finalApprovedAt')
})
