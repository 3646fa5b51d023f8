import { dayKey } from '../core/time/china'
import { createTestCloud, type TestCloud } from '../test/support/cloud'
import seed, { DEMO_ADMIN, DEMO_PEOPLE } from './seed'

let cloud: TestCloud
const now = new Date('2026-11-27T02:00:00Z')
beforeAll(async () => {
  cloud = await createTestCloud()
  await seed({ invoke: (fn, event, openid) => cloud.call(fn, openid, event as never), store: cloud.store, now })
})
afterAll(() => cloud.close())

test('seeds a team with every role through the real functions', async () => {
  const res = await cloud.call('team', DEMO_ADMIN.openid, { action: 'listMembers' })
  expect(res.ok && (res.data as unknown[]).length).toBe(DEMO_PEOPLE.length + 1)
})

test('seeds a product-heavy quarter: published in the past, planned ahead, ideas in the library', () => {
  const items = cloud.store.find('items', {}) as unknown as { status: string; day: string | null; layer: string; publishedAt: Date | null }[]
  const published = items.filter((i) => i.status === 'published')
  const planned = items.filter((i) => i.status === 'planned')
  expect(published.length).toBeGreaterThanOrEqual(15)
  expect(planned.length).toBeGreaterThanOrEqual(8)
  expect(items.filter((i) => i.status === 'idea').length).toBeGreaterThanOrEqual(10)
  expect(published.every((i) => i.publishedAt && i.publishedAt <= now)).toBe(true)
  expect(planned.every((i) => i.day! >= dayKey(now))).toBe(true)
  const introShare = published.filter((i) => i.layer === 'intro').length / published.length
  expect(introShare).toBeGreaterThan(0.7)
  const days = published.map((i) => i.day!).sort()
  expect(new Date(days[0]).getTime()).toBeLessThan(now.getTime() - 50 * 86400_000)
})

test('the demo month reads through the content function', async () => {
  const res = await cloud.call('content', DEMO_PEOPLE[1].openid, { action: 'monthView', data: { month: '2026-11' } })
  expect(res).toMatchObject({ ok: true, data: { theme: '冬季净水季·老用户回馈' } })
})
