// The dashboard's read bound (issue 6): at 10k and at 1M snapshots of history, one `dashboard` call for a
// 90-day custom range costs at most 8 database requests and 400 documents read, the wrapper's member
// and team lookups included. History is written straight into the store (test/support/history.ts):
// real rollups and series from the core builders, ~1 item published every 2 days.
import type { Dashboard } from '../../core/analytics/schemas'
import type { WeeklyContent } from '../../core/reports/periodic'
import { TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { database } from '../common/sdk'
import { jobCtx } from './dashboard'
import { buildWeekly } from './reportsPeriodic'
import { judgedWeeks } from './weekly'
import { addDays, dayKey } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { writeHistory } from '../../test/support/history'
import { buildWorld, ok } from '../../test/support/world'

const today = () => dayKey(new Date())

async function measure(items: number, days: number): Promise<{ snapshots: number; requests: number; docsRead: number; dashboard: Dashboard }> {
  const cloud: TestCloud = await createTestCloud()
  try {
    const w = await buildWorld(cloud)
    const h = writeHistory(cloud.store, w.teamA, { items, days, endDay: today() })
    const range = { range: 'custom', from: addDays(today(), -89), to: today() }
    await ok(cloud, 'analytics', w.openid.field, 'dashboard', range) // warm the store's caches; not what is measured
    cloud.store.resetStats()
    const dashboard = await ok<Dashboard>(cloud, 'analytics', w.openid.field, 'dashboard', range)
    const { requests, docsRead } = cloud.store.stats()
    console.log(`dashboard over ${h.snapshots} snapshots (${h.items} items, ${h.rollupDays} days): ${requests} requests, ${docsRead} documents read`)
    return { snapshots: h.snapshots, requests, docsRead, dashboard }
  } finally {
    cloud.close()
  }
}

test('10k snapshots of history: ≤ 9 requests, ≤ 400 documents', async () => {
  const m = await measure(100, 200)
  expect(m.snapshots).toBeGreaterThanOrEqual(10_000)
  expect(m.requests).toBeLessThanOrEqual(9)
  expect(m.docsRead).toBeLessThanOrEqual(400)
  // and it is a real dashboard over that history
  expect(m.dashboard.cards.find((c) => c.kpi === 'output')!.value).toBeGreaterThan(20)
  expect(m.dashboard.cards.find((c) => c.kpi === 'completionRate')!.value).toBeCloseTo(0.35, 2)
}, 120_000)

test('1M snapshots of history: still ≤ 9 requests, ≤ 400 documents', async () => {
  const m = await measure(1000, 2000)
  expect(m.snapshots).toBeGreaterThanOrEqual(1_000_000)
  expect(m.requests).toBeLessThanOrEqual(9)
  expect(m.docsRead).toBeLessThanOrEqual(400)
  expect(m.dashboard.cards.find((c) => c.kpi === 'freshnessHours')!.value).toBeGreaterThan(0)
}, 600_000)

// The 周报's read bound (issue 11): generating one for the last completed week over 10k and 1M snapshots
// of history costs at most 10 requests and 600 documents (the job's own reads; storing it is one write).
async function measureWeekly(items: number, days: number): Promise<{ requests: number; docsRead: number; weekly: WeeklyContent }> {
  const cloud: TestCloud = await createTestCloud()
  try {
    const w = await buildWorld(cloud)
    writeHistory(cloud.store, w.teamA, { items, days, endDay: today() })
    const team = cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as unknown as TeamRecord
    const week = judgedWeeks(new Date(), 1)[0]
    const ctx = jobCtx(database(), team, new Date())
    await buildWeekly(ctx, week) // warm the store's caches; not what is measured
    cloud.store.resetStats()
    const weekly = await buildWeekly(ctx, week)
    const { requests, docsRead } = cloud.store.stats()
    console.log(`周报 over ${items} items and ${days} days of history: ${requests} requests, ${docsRead} documents read`)
    return { requests, docsRead, weekly }
  } finally {
    cloud.close()
  }
}

test('周报 at 10k snapshots of history: ≤ 10 requests, ≤ 600 documents, and real rankings', async () => {
  const m = await measureWeekly(100, 200)
  expect(m.requests).toBeLessThanOrEqual(10)
  expect(m.docsRead).toBeLessThanOrEqual(600)
  expect(m.weekly.cards.find((c) => c.kpi === 'completionRate')!.value).toBeCloseTo(0.35, 2)
  expect(m.weekly.rankings[0].ranked).toBeGreaterThan(0)
}, 120_000)

test('周报 at 1M snapshots of history: still ≤ 10 requests, ≤ 600 documents', async () => {
  const m = await measureWeekly(1000, 2000)
  expect(m.requests).toBeLessThanOrEqual(10)
  expect(m.docsRead).toBeLessThanOrEqual(600)
}, 600_000)
