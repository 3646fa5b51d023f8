// 内容合格率 end to end: decisions through the review function (a request for changes then an approval
// at one gate, a retried request, two items decided at once) and the card and detail the dashboard shows;
// then the hourly timer's rebuild from the decision records gives exactly what the decisions stored.
import type { Dashboard, KpiDetail } from '../../core/analytics/schemas'
import type { ProductionView } from '../../core/review/schemas'
import { addDays, dayKey, monthDays } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { REVIEW_FIRSTS, TEAMS } from '../common/db/collections'
import type { FirstsRecord } from '../common/db/review'
import { FAKE_CLOCK as FAKE } from '../../test/support/clock'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

// Only the clock is faked (the local cloud's timers stay real), as in emulator/seed-weeks.int.test.ts.
let seq = 0
const review = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'review', openid, action, data)
const mgr = () => w.openid.manager
const submit = (p: ProductionView) => review<ProductionView>(w.openid.operator, 'submitVersion', { itemId: p.itemId, version: p.version, text: '新版本' })
const stored = () => cloud.store.find(REVIEW_FIRSTS, { query: { teamId: w.teamA } }) as unknown as FirstsRecord[]
const outcomes = () => stored().flatMap((d) => d.outcomes).sort((a, b) => `${a.itemId}#${a.gateIndex}`.localeCompare(`${b.itemId}#${b.gateIndex}`))
const card = async () => (await ok<Dashboard>(cloud, 'analytics', w.openid.field, 'dashboard', { range: 'week' })).cards.find((c) => c.kpi === 'firstPassRate')!

/**
 * The world's short video: topic sent back then approved (first outcome: back), script approved with a
 * request retried (once), shooting approved; the image-text item's topic approved at the same moment as
 * the video's resubmitted topic (two items, one month document). First outcomes: 3 approvals of 4.
 */
async function decide() {
  let p = await submit(await review<ProductionView>(w.openid.operator, 'startProduction', { itemId: w.itemId }))
  p = await review<ProductionView>(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '开头三秒要抓人' })
  p = await submit(p)
  const doc = await review<ProductionView>(mgr(), 'getProduction', { itemId: w.reviewItemId })
  const [video, imageText] = await Promise.all([
    cloud.call('review', mgr(), { action: 'approve', data: { itemId: p.itemId, version: p.version }, requestId: `firstpass-a-${seq++}` }),
    cloud.call('review', mgr(), { action: 'approve', data: { itemId: doc.itemId, version: doc.version }, requestId: `firstpass-b-${seq++}` }),
  ])
  if (!video.ok || !imageText.ok) throw new Error(JSON.stringify([video, imageText]))
  p = await submit(video.data as ProductionView)
  const retried = { action: 'approve', data: { itemId: p.itemId, version: p.version, comment: '可以' }, requestId: `firstpass-retry-${seq++}` }
  const first = await cloud.call('review', mgr(), retried)
  const again = await cloud.call('review', mgr(), retried)
  expect(again).toEqual(first)
  // The same approval sent again as a new request (a client that lost the answer) finds the gate moved on.
  const late = await cloud.call('review', mgr(), { ...retried, requestId: `firstpass-late-${seq++}` })
  expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  if (!first.ok) throw new Error(first.error.message)
  p = await submit(first.data as ProductionView)
  p = await review<ProductionView>(mgr(), 'approve', { itemId: p.itemId, version: p.version })
  expect(p).toMatchObject({ gateName: '剪辑', gateState: 'drafting' })
}

test('the card reads 3 of 4 first outcomes approved; the detail gives each gate', async () => {
  expect(await card()).toMatchObject({ label: '内容合格率', value: null, display: '—', light: 'none' })
  await decide()
  const got = outcomes().map((o) => `${o.itemId === w.itemId ? 'video' : 'imageText'} ${o.gateKey} ${o.passed ? 'approved' : 'sent back'}`)
  expect(got.sort()).toEqual(['imageText topic approved', 'video script approved', 'video shooting approved', 'video topic sent back'])
  expect(await card()).toMatchObject({ value: 0.75, display: '75.0%', target: 0.7, targetDisplay: '≥ 70.0%', light: 'green', horizonText: null })

  const detail = await ok<KpiDetail>(cloud, 'analytics', w.openid.operator, 'kpiDetail', { kpi: 'firstPassRate', range: { range: 'week' } })
  expect(detail.parts?.rows.map((r) => [r.label, r.display])).toEqual([
    ['选题', '50.0%（1/2）'],
    ['脚本', '100.0%（1/1）'],
    ['拍摄', '100.0%（1/1）'],
    ['剪辑', '—'],
    ['终审', '—'],
  ])
  expect(detail.movers).toEqual([])
})

test('the timer rebuilds first outcomes from the decision records (decisions from before they were kept) exactly as the decisions stored them, once', async () => {
  await decide()
  const incremental = outcomes()
  const value = (await card()).value
  // As a team whose decisions predate review_firsts: nothing stored, not yet rebuilt.
  cloud.store.remove(REVIEW_FIRSTS, { teamId: w.teamA }, { multi: true })
  cloud.store.update(TEAMS, { _id: w.teamA }, { $unset: { firstsFilledAt: '' } }, { multi: false, upsert: false } as never)
  expect((await card()).value).toBeNull()

  expect(await cloud.timer('review', 'firstPassBackfill')).toMatchObject({ ok: true, data: { finished: true } })
  expect(outcomes()).toEqual(incremental)
  expect((await card()).value).toBe(value)
  expect(cloud.store.getById(TEAMS, w.teamA)).toMatchObject({ firstsFilledAt: expect.any(Date) })

  // A rebuild over outcomes already stored writes nothing (the marker aside).
  cloud.store.update(TEAMS, { _id: w.teamA }, { $unset: { firstsFilledAt: '' } }, { multi: false, upsert: false } as never)
  const before = JSON.stringify(stored())
  await cloud.timer('review', 'firstPassBackfill')
  expect(JSON.stringify(stored())).toBe(before)
})

test("a gate sent back on a month's last evening and approved after midnight counts once, as sent back, in that month", async () => {
  const lastDay = monthDays(dayKey(new Date()).slice(0, 7)).at(-1)!
  const evening = new Date(`${lastDay}T23:30:00+08:00`)
  jest.useFakeTimers(FAKE as never)
  jest.setSystemTime(evening)
  try {
    let p = await submit(await review<ProductionView>(w.openid.operator, 'startProduction', { itemId: w.itemId }))
    p = await submit(await review<ProductionView>(mgr(), 'requestChanges', { itemId: p.itemId, version: p.version, comment: '标题再短一点' }))
    jest.setSystemTime(new Date(evening.getTime() + 3_600_000))
    p = await review<ProductionView>(mgr(), 'approve', { itemId: p.itemId, version: p.version })
    expect(p).toMatchObject({ gateName: '脚本' })
    // Not a first outcome in the new month's document: the gate had one last month.
    expect(stored().map((d) => [d.month, d.outcomes.map((o) => `${o.gateKey} ${o.passed}`)])).toEqual([[lastDay.slice(0, 7), ['topic false']]])
    const d = await ok<Dashboard>(cloud, 'analytics', w.openid.field, 'dashboard', { range: 'custom', from: lastDay, to: addDays(lastDay, 1) })
    expect(d.cards.find((c) => c.kpi === 'firstPassRate')).toMatchObject({ value: 0, display: '0.0%', light: 'red' })
  } finally {
    jest.useRealTimers()
  }
})
