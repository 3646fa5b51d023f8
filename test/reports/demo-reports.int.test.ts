// Reports on the demo team (issue 11): the seed's own timer run writes the recent 日报, 周报 and 月报, and
// each report's KPI cards equal the dashboard's for the same days. The demo has months of logged history
// across every source, so this compares real numbers, not empty cards.
import type { Dashboard } from '../../core/analytics/schemas'
import type { ReportPage, ReportView } from '../../core/reports/schemas'
import { MEMBERS } from '../../cloudfunctions/common/db/collections'
import seed, { DEMO_ADMIN, DEMO_PEOPLE } from '../../emulator/seed'
import { createTestCloud, type TestCloud } from '../support/cloud'
import { ok } from '../support/world'

let cloud: TestCloud
const manager = DEMO_PEOPLE.find((p) => p.role === 'manager')!

beforeAll(async () => {
  cloud = await createTestCloud()
  await seed({ invoke: (fn, event, openid) => cloud.call(fn, openid, event as never), store: cloud.store, now: new Date(), timer: (fn, name) => cloud.timer(fn, name) })
  expect(cloud.store.find(MEMBERS, { query: { openid: DEMO_ADMIN.openid } })).toHaveLength(1)
}, 120_000)
afterAll(() => cloud.close())

async function latest(kind: 'daily' | 'weekly' | 'monthly'): Promise<ReportView> {
  const page = await ok<ReportPage>(cloud, 'analytics', manager.openid, 'reports', { kind })
  expect(page.list.length).toBeGreaterThan(0)
  return ok<ReportView>(cloud, 'analytics', manager.openid, 'report', { id: page.list[0].id })
}

async function dashboard(from: string, to: string): Promise<Dashboard> {
  return ok<Dashboard>(cloud, 'analytics', manager.openid, 'dashboard', { range: 'custom', from, to })
}

/** What a card shows, without the verdict marks (the dashboard adds the last four weeks as of now). */
const shown = (cards: Dashboard['cards']) => cards.map(({ weeks: _weeks, ...c }) => c)

test('the latest 周报\'s cards are the dashboard\'s for its week, with real numbers', async () => {
  const r = await latest('weekly')
  const dash = await dashboard(r.from, r.to)
  expect(shown(r.weekly!.cards)).toEqual(shown(dash.cards))
  expect(r.weekly!.cards.filter((c) => c.value !== null).length).toBeGreaterThan(5)
  expect(r.weekly!.verdicts.some((v) => v.verdict !== null)).toBe(true)
  expect(r.weekly!.rankings[0].ranked).toBeGreaterThan(0)
})

test('the latest 日报\'s cards are the dashboard\'s for its day', async () => {
  const r = await latest('daily')
  expect(shown(r.daily!.cards)).toEqual(shown((await dashboard(r.from, r.to)).cards))
})

test('the latest 月报: auxiliary cards are the month\'s, core cards the quarter\'s to the month end', async () => {
  const r = await latest('monthly')
  const m = r.monthly!
  expect(shown(m.monthCards)).toEqual(shown((await dashboard(r.from, r.to)).cards.filter((c) => c.reviewedEvery === 'month')))
  expect(shown(m.quarterCards)).toEqual(shown((await dashboard(m.quarterFrom, r.to)).cards.filter((c) => c.reviewedEvery === 'quarter')))
})
