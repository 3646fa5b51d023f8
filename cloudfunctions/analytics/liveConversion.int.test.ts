// 直播转化率 per session through the local cloud: sessions logged and corrected through `results`, the card
// read through `analytics` (dashboard and KPI detail) and the weekly job's read (readSource).
import type { Dashboard, KpiDetail } from '../../core/analytics/schemas'
import { targetView } from '../../core/analytics/targets'
import { weekResult } from '../../core/analytics/weekly'
import type { LiveView } from '../../core/results/views'
import { addDays, dayKey, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { database } from '../common/sdk'
import { readSource } from './weekly'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
  // A plan that started a year ago: the target in force is the table's 8% (or the team's own).
  cloud.store.update(TEAMS, { _id: w.teamA }, { $set: { planStartDay: ago(365) } }, { multi: false, upsert: false } as never)
})

const today = () => dayKey(new Date())
const ago = (n: number) => addDays(today(), -n)
// Taken at each call: a constant would keep yesterday's range if the file ran across midnight.
const last3 = () => ({ range: 'custom', from: ago(2), to: today() })

/** A session from 20:00 to 21:00 China time on `day`. */
const session = (day: DayKey, uniqueViewers: number, orders: number) => ({
  startAt: new Date(`${day}T20:00:00+08:00`).toISOString(),
  endAt: new Date(`${day}T21:00:00+08:00`).toISOString(),
  uniqueViewers,
  peakConcurrent: Math.floor(uniqueViewers / 5),
  newFollowers: 0,
  orders,
  gmvFen: orders * 19_900,
})
const logLive = (s: ReturnType<typeof session>) => ok<LiveView>(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, ...s })
const correctLive = (liveId: string, s: ReturnType<typeof session>, reason: string) => ok<LiveView>(cloud, 'results', w.openid.field, 'correctLive', { liveId, ...s, reason })
const liveCard = async () => (await ok<Dashboard>(cloud, 'analytics', w.openid.operator, 'dashboard', last3())).cards.find((c) => c.kpi === 'liveConversion')!

it('the card is the median of the range\'s sessions with the share at target, and follows corrections', async () => {
  // 9/100 = 9%, 30/1,000 = 3%, 25/500 = 5%, and one session nobody watched
  const a = await logLive(session(ago(2), 100, 9))
  const b = await logLive(session(ago(1), 1000, 30))
  await logLive(session(ago(1), 500, 25))
  await logLive(session(ago(1), 0, 0))
  // pooled, (9 + 30 + 25) / 1,600 would be 4.0%; the median of 3%, 5%, 9% is 5.0%
  expect(await liveCard()).toMatchObject({ value: 0.05, display: '5.0%', target: 0.08, light: 'red', asOf: ago(1), note: '达标场次 1/3（33.3%）；1 场无观看人数未计入' })

  // 30 orders were 100: 3% becomes 10%, counted once (the superseded record stays stored)
  await correctLive(b.id, session(ago(1), 1000, 100), '订单数看错了')
  expect(await liveCard()).toMatchObject({ value: 0.09, display: '9.0%', light: 'green', note: '达标场次 2/3（66.7%）；1 场无观看人数未计入' })

  // a start time put right moves the 9% session to a day before the range and its previous period: it leaves both
  await correctLive(a.id, session(ago(9), 100, 9), '开播日期填错了')
  const c = await liveCard()
  expect(c.value).toBeCloseTo(0.075, 12) // the median of 5% and 10%
  expect(c).toMatchObject({ light: 'yellow', note: '达标场次 1/2（50.0%）；1 场无观看人数未计入', previous: null })

  // the share follows the team's own target, not a fixed 8%
  await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'liveConversion', value: 0.05, tolerance: 0.1, reason: '本月先稳住 5%', version: 0 })
  const detail = await ok<KpiDetail>(cloud, 'analytics', w.openid.operator, 'kpiDetail', { kpi: 'liveConversion', range: last3() })
  expect(detail.card).toMatchObject({ target: 0.05, light: 'green', note: '达标场次 2/2（100.0%）；1 场无观看人数未计入' })
  expect(detail.series.map((p) => p.display)).toEqual(['—', '7.5%', '—'])
  expect(detail.formula).toContain('中位数')
})

it('costs at most 9 database requests with the sessions (and first outcomes) read alongside the rollups', async () => {
  await logLive(session(ago(1), 100, 9))
  cloud.store.resetStats()
  await ok<Dashboard>(cloud, 'analytics', w.openid.field, 'dashboard', { range: 'month' })
  expect(cloud.store.stats().requests).toBeLessThanOrEqual(9)
})

it('the weekly job reads the sessions in force for its span, so a week is judged by its median', async () => {
  const a = await logLive(session(ago(2), 100, 3))
  await logLive(session(ago(2), 100, 12))
  await logLive(session(ago(1), 100, 10))
  await correctLive(a.id, session(ago(2), 100, 9), '补录订单')
  const team = cloud.store.find(TEAMS, { query: { _id: w.teamA } })[0] as unknown as TeamRecord
  const span = { from: ago(2), to: today() }
  const src = await readSource(database(), team, span)
  expect(src.data.sessions!.map((s) => [s.day, s.orders, s.uniqueViewers]).sort()).toEqual([[ago(1), 10, 100], [ago(2), 12, 100], [ago(2), 9, 100]].sort())
  // 9%, 10%, 12%: the median 10% is a hit against 8%
  const r = weekResult('liveConversion', src.data, { week: 'span', ...span }, targetView('liveConversion', null), src.plan)
  expect(r).toMatchObject({ verdict: 'hit', value: 0.1 })
})
