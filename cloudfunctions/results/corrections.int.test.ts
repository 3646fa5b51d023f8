import type { Correctable, LeadView, LiveView, RebuildResult, RecentLive } from '../../core/results/views'
import { dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { LIVE_SESSIONS, ROLLUPS } from '../common/db/collections'
import type { RollupRecord } from '../common/db/results'

let cloud: TestCloud
let w: World
const NOW = new Date()
worldEachTest((c, world) => {
  cloud = c
  w = world
})

let seq = 0
const call = (openid: string, action: string, data: unknown, requestId = `corr-${Date.now()}-${seq++}`) => cloud.call('results', openid, { action, data, requestId })
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString()
const rollupTotal = (day: string) =>
  (cloud.store.find(ROLLUPS, { query: { teamId: w.teamA, day } })[0] as unknown as RollupRecord | undefined)?.total ?? {}
const session = { startAt: hoursAgo(3), endAt: hoursAgo(1), uniqueViewers: 800, peakConcurrent: 120, newFollowers: 30, orders: 40, gmvFen: 400_000 }

async function rebuildChanges(): Promise<number> {
  const r = await ok<RebuildResult>(cloud, 'results', w.openid.admin, 'rebuildRollups')
  return r.changedDays
}

describe('correcting a livestream session', () => {
  it('replaces its numbers in the rollup, keeps both records, and a rebuild agrees', async () => {
    const live = await ok<LiveView>(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, ...session })
    const day = live.day
    expect(rollupTotal(day)).toMatchObject({ liveSessions: 1, liveUniqueViewers: 800, liveOrders: 40 })

    const fixed = await ok<LiveView>(cloud, 'results', w.openid.field, 'correctLive', { liveId: live.id, ...session, uniqueViewers: 1000, orders: 50, gmvFen: 500_000, reason: '观看人数看错了' })
    expect(fixed).toMatchObject({ supersedes: live.id, reason: '观看人数看错了', uniqueViewers: 1000 })
    expect(rollupTotal(day)).toMatchObject({ liveSessions: 1, liveUniqueViewers: 1000, liveOrders: 50, liveGmvFen: 500_000 })
    expect(cloud.store.find(LIVE_SESSIONS, { query: { teamId: w.teamA } })).toHaveLength(2)
    expect(await rebuildChanges()).toBe(0)

    // The list shows only the session in force, marked correctable for its logger.
    const recent = await ok<RecentLive[]>(cloud, 'results', w.openid.field, 'recentLives', { withinDays: 30 })
    const item = recent.find((r) => r.id === w.liveItemId)!
    expect(item.sessions.map((s) => [s.id, s.canCorrect])).toEqual([[fixed.id, true]])
  })

  it('refuses a second correction of the same record with the current one', async () => {
    const live = await ok<LiveView>(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, ...session })
    await ok(cloud, 'results', w.openid.manager, 'correctLive', { liveId: live.id, ...session, orders: 41, gmvFen: 410_000, reason: '补录一单' })
    const again = await call(w.openid.field, 'correctLive', { liveId: live.id, ...session, orders: 42, gmvFen: 420_000, reason: '又补一单' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { orders: 41 } } })
    expect(rollupTotal(live.day)).toMatchObject({ liveOrders: 41 })
  })

  it('the same correction retried writes once', async () => {
    const live = await ok<LiveView>(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, ...session })
    const body = { liveId: live.id, ...session, uniqueViewers: 900, reason: '重看后台' }
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(w.openid.field, 'correctLive', body, 'same-correction-1')))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(cloud.store.find(LIVE_SESSIONS, { query: { teamId: w.teamA } })).toHaveLength(2)
    expect(rollupTotal(live.day)).toMatchObject({ liveUniqueViewers: 900, liveSessions: 1 })
  })

  it('only the logger within 24 hours or a manager may correct; bad numbers are refused in Chinese', async () => {
    const live = await ok<LiveView>(cloud, 'results', w.openid.field, 'logLive', { itemId: w.liveItemId, ...session })
    const byOperator = await call(w.openid.operator, 'correctLive', { liveId: live.id, ...session, reason: '我来改' })
    expect(byOperator.ok || byOperator.error.code).toBe('FORBIDDEN')
    const bad = await call(w.openid.field, 'correctLive', { liveId: live.id, ...session, peakConcurrent: 2000, reason: '改' })
    expect(bad.ok).toBe(false)
    expect(bad.ok ? null : bad.error.fields?.[0]).toMatchObject({ path: 'peakConcurrent' })
    expect(bad.ok || bad.error.message).toContain('最高在线')
    expect(cloud.store.find(LIVE_SESSIONS, { query: { teamId: w.teamA } })).toHaveLength(1)
  })
})

describe('correcting leads', () => {
  it('moves the day and channel sums by the difference, down to zero, and a rebuild agrees', async () => {
    const day = dayKey(NOW)
    const lead = await ok<LeadView>(cloud, 'results', w.openid.field, 'logLeads', { date: day, channel: 'wecom', count: 7 })
    await ok<LeadView>(cloud, 'results', w.openid.field, 'logLeads', { date: day, channel: 'community', count: 2 })
    expect(rollupTotal(day)).toMatchObject({ leads: 9 })

    const fixed = await ok<LeadView>(cloud, 'results', w.openid.field, 'correctLeads', { leadId: lead.id, count: 0, reason: '重复填报了' })
    expect(fixed).toMatchObject({ count: 0, channel: 'wecom', supersedes: lead.id })
    expect(rollupTotal(day)).toMatchObject({ leads: 2 })
    const r = cloud.store.find(ROLLUPS, { query: { teamId: w.teamA, day } })[0] as unknown as RollupRecord
    expect(r.by.channel.wecom).toBeUndefined()
    expect(await rebuildChanges()).toBe(0)

    const recent = await ok<Correctable<LeadView>[]>(cloud, 'results', w.openid.field, 'recentLeads', { withinDays: 14 })
    expect(recent.map((l) => [l.channel, l.count]).sort()).toEqual([
      ['community', 2],
      ['wecom', 0],
    ])
  })

  it('a manager may correct anyone’s leads; another field member may not', async () => {
    const lead = await ok<LeadView>(cloud, 'results', w.openid.operator, 'logLeads', { date: dayKey(NOW), channel: 'offline', count: 4 })
    const byField = await call(w.openid.field, 'correctLeads', { leadId: lead.id, count: 3, reason: '少一个' })
    expect(byField.ok || byField.error.code).toBe('FORBIDDEN')
    const recent = await ok<Correctable<LeadView>[]>(cloud, 'results', w.openid.field, 'recentLeads', { withinDays: 14 })
    expect(recent.find((l) => l.id === lead.id)?.canCorrect).toBe(false)
    await ok(cloud, 'results', w.openid.manager, 'correctLeads', { leadId: lead.id, count: 3, reason: '少一个' })
    expect(rollupTotal(dayKey(NOW))).toMatchObject({ leads: 3 })
  })

  it('another team cannot name the record', async () => {
    const lead = await ok<LeadView>(cloud, 'results', w.openid.field, 'logLeads', { date: dayKey(NOW), channel: 'offline', count: 4 })
    const res = await call(w.openid.otherTeam, 'correctLeads', { leadId: lead.id, count: 1, reason: '试试' })
    expect(res.ok || res.error.code).toBe('NOT_FOUND')
  })
})
