import type { MonthView, WeekView } from '../../core/content/calendar'
import type { ItemDetail } from '../../core/content/schemas'
import type { CsvExport, IdeaPage, MixStats } from '../../core/api/content'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { ITEMS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const DAY = 86400_000
const call = (openid: string, action: string, data: unknown = {}) =>
  cloud.call('content', openid, { action, data, requestId: `c-${Math.random().toString(36).slice(2)}` })
const operator = () => w.openid.operator
const item = (id = w.itemId) => ok<ItemDetail>(cloud, 'content', operator(), 'getItem', { id })

/** Writes items straight into the store: read-path tests need volume, not the write path. */
function bulkItems(n: number, day: (i: number) => Date, over: Record<string, unknown> = {}) {
  const docs = Array.from({ length: n }, (_, i) => ({
    ...newItemRecord({
      _id: `bulk_${w.teamA}_${i}`,
      teamId: w.teamA,
      title: `批量内容${i}`,
      format: 'short_video',
      layer: i % 4 === 0 ? 'story' : 'intro',
      category: 'brand',
      ownerId: w.memberId.operator,
      plannedAt: day(i),
      createdBy: w.memberId.operator,
      now: new Date(),
    }),
    ...over,
  }))
  cloud.store.insert(ITEMS, docs)
}

describe('planning an item', () => {
  it('creates a planned item on its China-time day', async () => {
    const res = await ok<ItemDetail>(cloud, 'content', operator(), 'createItem', {
      title: '深夜加班的设计师',
      format: 'short_video',
      layer: 'story',
      category: 'pain_point',
      ownerId: w.memberId.operator,
      plannedAt: '2030-03-01T17:30:00Z',
    })
    expect(res).toMatchObject({ status: 'planned', day: '2030-03-02', time: '01:30', ownerName: '成员operator', version: 0 })
  })

  it('refuses a planned time in the past and names the field', async () => {
    const res = await call(operator(), 'createItem', {
      title: '过期的计划', format: 'image_text', layer: 'intro', category: 'brand', ownerId: w.memberId.operator,
      plannedAt: new Date(Date.now() - DAY).toISOString(),
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'plannedAt', message: '计划发布时间：不能早于现在' }] } })
  })

  it('refuses an owner who is not in the team', async () => {
    const res = await call(operator(), 'createItem', { title: 'x', format: 'image_text', layer: 'intro', category: 'brand', ownerId: 'someone-else' })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'ownerId' }] } })
  })

  it('refuses field staff as owner, naming 负责人, since they cannot start production or submit versions', async () => {
    const res = await call(operator(), 'createItem', { title: '外勤负责', format: 'image_text', layer: 'intro', category: 'brand', ownerId: w.memberId.field })
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '负责人：成员field 不能开始制作或提交版本，请选择管理员、主管/审核、运营',
        fields: [{ path: 'ownerId', message: '负责人：成员field 不能开始制作或提交版本，请选择管理员、主管/审核、运营' }],
      },
    })
  })

  it('refuses handing an item over to field staff', async () => {
    const before = await item()
    const res = await call(operator(), 'updateItem', { id: before.id, version: before.version, ownerId: w.memberId.field })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'ownerId' }] } })
    expect((await item()).ownerId).toBe(before.ownerId)
  })

  it('offers as owners only the members who can do the work', async () => {
    const owners = await ok<{ id: string; name: string }[]>(cloud, 'content', operator(), 'owners')
    const ids = owners.map((o) => o.id)
    expect(ids).toEqual(expect.arrayContaining([w.memberId.owner, w.memberId.admin, w.memberId.manager, w.memberId.operator]))
    expect(ids).not.toContain(w.memberId.field)
  })

  it('names bad fields in Chinese', async () => {
    const res = await call(operator(), 'createItem', { title: '', format: 'tv', layer: 'intro', category: 'brand', ownerId: w.memberId.operator })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(res.ok ? [] : res.error.fields?.map((f) => f.message)).toEqual(['标题：不能为空', '形式：不是可选的值'])
  })

  it('refuses a title of only zero-width characters, naming the field', async () => {
    const res = await call(operator(), 'createItem', { title: '\u200B\u200C\u200D', format: 'image_text', layer: 'intro', category: 'brand', ownerId: w.memberId.operator })
    expect(res).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '标题：不能只包含空白或不可见字符', fields: [{ path: 'title', message: '标题：不能只包含空白或不可见字符' }] },
    })
  })

  it('stores a title without the direction override it started with', async () => {
    const created = await ok<ItemDetail>(cloud, 'content', operator(), 'createItem', {
      title: '\u202E新品上市\u200B',
      format: 'image_text',
      layer: 'intro',
      category: 'brand',
      ownerId: w.memberId.operator,
    })
    expect(created.title).toBe('新品上市')
    expect((await item(created.id)).title).toBe('新品上市')
  })
})

describe('rescheduling', () => {
  it('turns an idea into a planned item and keeps who moved it and why', async () => {
    const idea = await item(w.ideaId)
    const to = new Date(Date.now() + 5 * DAY).toISOString()
    const moved = await ok<ItemDetail>(cloud, 'content', operator(), 'rescheduleItem', { id: idea.id, version: idea.version, plannedAt: to, reason: '销售周会要用' })
    expect(moved.status).toBe('planned')
    const again = await ok<ItemDetail>(cloud, 'content', operator(), 'rescheduleItem', {
      id: idea.id, version: moved.version, plannedAt: new Date(Date.now() + 6 * DAY).toISOString(),
    })
    expect(again.history).toEqual([
      expect.objectContaining({ from: null, to, byName: '成员operator', reason: '销售周会要用' }),
      expect.objectContaining({ from: to, reason: '' }),
    ])
  })

  it('refuses a move to the time the item already has, writing no history line', async () => {
    const idea = await item(w.ideaId)
    const to = new Date(Date.now() + 5 * DAY).toISOString()
    const moved = await ok<ItemDetail>(cloud, 'content', operator(), 'rescheduleItem', { id: idea.id, version: idea.version, plannedAt: to })
    const same = await cloud.call('content', operator(), { action: 'rescheduleItem', data: { id: idea.id, version: moved.version, plannedAt: to }, requestId: `same-${Date.now()}` })
    expect(same).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [{ path: 'plannedAt', message: '计划发布时间：和原来的时间相同，没有改期' }] }) })
    expect((await item(idea.id)).history).toHaveLength(1)
  })

  it('gives the second of two simultaneous edits a CONFLICT with the current item', async () => {
    const [a, b] = await Promise.all([
      call(operator(), 'updateItem', { id: w.itemId, version: w.itemVersion, title: '甲改的标题' }),
      call(w.openid.manager, 'updateItem', { id: w.itemId, version: w.itemVersion, title: '乙改的标题' }),
    ])
    const results = [a, b]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const loser = results.find((r) => !r.ok)
    const winner = results.find((r) => r.ok)
    expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { title: (winner as { data: ItemDetail }).data.title } } })
    expect((await item()).title).toBe((winner as { data: ItemDetail }).data.title)
  })

  it('keeps archived items read-only', async () => {
    const archived = await ok<ItemDetail>(cloud, 'content', operator(), 'archiveItem', { id: w.itemId, version: w.itemVersion })
    const res = await call(operator(), 'updateItem', { id: w.itemId, version: archived.version, title: '复活' })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '内容已归档，不能修改' } })
  })

  it('moves a published item to the day it really went out', async () => {
    const res = await ok<ItemDetail>(cloud, 'content', operator(), 'markPublished', {
      id: w.itemId, version: w.itemVersion, publishedAt: '2026-11-20T02:00:00Z', postUrl: 'https://channels.weixin.qq.com/x',
    })
    expect(res).toMatchObject({ status: 'published', day: '2026-11-20', time: '10:00' })
  })

  it('lets field staff read the calendar but not change it', async () => {
    expect(await call(w.openid.field, 'monthView', { month: '2026-12' })).toMatchObject({ ok: true })
    expect(await call(w.openid.field, 'rescheduleItem', { id: w.itemId, version: 0, plannedAt: new Date(Date.now() + DAY).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('month and week views', () => {
  it('refuses a day the calendar does not have instead of answering week NaN', async () => {
    const res = await call(operator(), 'weekView', { day: '2024-99-99' })
    expect(res).toEqual({ ok: false, error: { code: 'VALIDATION', message: '日期：没有这一天（2024-99-99）', fields: [{ path: 'day', message: '日期：没有这一天（2024-99-99）' }] } })
  })

  it('serves a 300-item month in a few requests, capping each day cell', async () => {
    bulkItems(300, (i) => new Date(Date.UTC(2031, 0, 1 + (i % 31), 2)))
    cloud.store.resetStats()
    const view = await ok<MonthView>(cloud, 'content', operator(), 'monthView', { month: '2031-01' })
    const stats = cloud.store.stats()
    expect(view.total).toBe(300)
    expect(view.days.every((d) => d.items.length <= 3)).toBe(true)
    expect(view.days.reduce((s, d) => s + d.items.length + d.more, 0)).toBe(300)
    expect(stats.requests).toBeLessThanOrEqual(8) // caller, team, range, names, theme, idempotency-free read
    expect(JSON.stringify(view).length).toBeLessThan(40_000)
  })

  it('pages past the 1000-document query cap', async () => {
    bulkItems(1200, (i) => new Date(Date.UTC(2032, 4, 1 + (i % 31), 3)))
    const view = await ok<MonthView>(cloud, 'content', operator(), 'monthView', { month: '2032-05' })
    expect(view.total).toBe(1200)
  })

  it('shows the week cadence, empty days and intro share', async () => {
    bulkItems(4, (i) => new Date(Date.UTC(2031, 5, 2 + i, 2))) // Mon 2 Jun 2031 … Thu
    const week = await ok<WeekView>(cloud, 'content', operator(), 'weekView', { day: '2031-06-04' })
    expect(week.cadence).toMatchObject({ count: 4, target: 5, met: false })
    expect(week.emptyDays).toEqual(['2031-06-06', '2031-06-07', '2031-06-08'])
    expect(week.mixCheck).toEqual({ introShare: 0.75, maxIntroShare: 0.6, drift: true })
  })

  it('judges cadence and mix by the team\'s own targets, as the dashboard does', async () => {
    bulkItems(4, (i) => new Date(Date.UTC(2031, 5, 2 + i, 2)))
    await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'output', value: 4, tolerance: 0.1, reason: '本季度每周 4 条', version: 0 })
    await ok(cloud, 'analytics', w.openid.admin, 'setTarget', { kpi: 'introShare', value: 0.8, tolerance: 0.1, reason: '新品季多讲产品', version: 0 })
    const week = await ok<WeekView>(cloud, 'content', operator(), 'weekView', { day: '2031-06-04' })
    expect(week.cadence).toMatchObject({ count: 4, target: 4, met: true })
    expect(week.mixCheck).toEqual({ introShare: 0.75, maxIntroShare: 0.8, drift: false })
  })

  it('shows the monthly theme', async () => {
    await ok(cloud, 'content', operator(), 'setMonthTheme', { month: '2031-02', theme: '开学季' })
    await ok(cloud, 'content', operator(), 'setMonthTheme', { month: '2031-02', theme: '开学季·焕新' })
    expect((await ok<MonthView>(cloud, 'content', operator(), 'monthView', { month: '2031-02' })).theme).toBe('开学季·焕新')
  })
})

describe('numbers and export', () => {
  it('counts the mix and cadence of a range', async () => {
    bulkItems(8, (i) => new Date(Date.UTC(2031, 6, 7 + i, 2)))
    const stats = await ok<MixStats>(cloud, 'content', operator(), 'mixStats', { from: '2031-07-07', to: '2031-07-20' })
    expect(stats.mix.total).toBe(8)
    expect(stats.mix.layer.story).toEqual({ count: 2, share: 0.25 })
    expect(stats.cadence.map((c) => c.count)).toEqual([7, 1])
  })

  it('refuses a range that ends before it starts', async () => {
    expect(await call(operator(), 'mixStats', { from: '2031-07-20', to: '2031-07-07' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'to', message: '结束日期：结束日期不能早于开始日期' }] },
    })
  })

  it('exports a month as CSV with a BOM, Chinese headers and safe cells', async () => {
    bulkItems(2, (i) => new Date(Date.UTC(2031, 8, 1 + i, 2)))
    cloud.store.update(ITEMS, { _id: `bulk_${w.teamA}_1` }, { $set: { title: '=危险,标题' } }, { multi: false, upsert: false, replace: false })
    const out = await ok<CsvExport>(cloud, 'content', w.openid.field, 'exportCsv', { from: '2031-09-01', to: '2031-09-30' })
    expect(out.rows).toBe(2)
    expect(out.csv.startsWith('\uFEFF日期,时间,标题,形式,内容层级')).toBe(true)
    expect(out.csv).toContain(`2031-09-01,10:00,批量内容0,短视频,情感共鸣,品牌动态,已排期,成员operator`)
    expect(out.csv).toContain(`"'=危险,标题"`)
  })
})

describe('topic library', () => {
  it('searches ideas by title, safely, and pages them', async () => {
    bulkItems(25, () => null as unknown as Date, { status: 'idea', day: null, plannedAt: null, source: 'sales' })
    const first = await ok<IdeaPage>(cloud, 'content', operator(), 'listIdeas', { q: '批量' })
    expect(first.items).toHaveLength(20)
    expect(first.hasMore).toBe(true)
    const second = await ok<IdeaPage>(cloud, 'content', operator(), 'listIdeas', { q: '批量', offset: first.nextOffset })
    expect(second.items).toHaveLength(5)
    expect(second.hasMore).toBe(false)
    expect((await ok<IdeaPage>(cloud, 'content', operator(), 'listIdeas', { q: '问题' })).items.map((i) => i.title)).toEqual(['用户最常问的三个问题'])
    expect(await call(operator(), 'listIdeas', { q: '(.*' })).toMatchObject({ ok: true, data: { items: [] } })
  })
})
