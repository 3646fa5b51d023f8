// Item retrospectives (单条复盘) and the case library through the local cloud (issue 11 part 4): the
// content timer creates one per published item once its day 7 is complete (China time), with a task in
// its owner's 待办, idempotently and caught up; the owner (or a manager) writes it against the day-7
// numbers and the team's average, which completes the task; written ones are found in the case library.
// The clock is jest's fake system time, as in the reports' tests.
import type { CasePage, RetrospectiveView } from '../../core/content/retrospectives'
import type { MyTasks } from '../../core/content/tasks'
import { addDays, type DayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'
import { ITEMS, RETROSPECTIVES, TASKS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'
import type { RetrospectiveRecord } from '../common/db/meetings'
import { database } from '../common/sdk'
import { createDueRetrospectives } from './retroTimer'
import { chinaAt as at, worldOnFakeClock } from '../../test/support/clock'

const D0: DayKey = '2031-03-03'
const day = (n: number) => addDays(D0, n)

let cloud: TestCloud
let w: World
let seq = 0

const call = (openid: string, action: string, data: unknown = {}, requestId = `retro-test-${seq++}`) => cloud.call('content', openid, { action, data, requestId })
const content = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'content', openid, action, data)
const retros = () => (cloud.store.find(RETROSPECTIVES, { query: { teamId: w.teamA } }) as unknown as RetrospectiveRecord[]).filter((r) => r._id !== w.retrospectiveId)
const taskIds = () => (cloud.store.find(TASKS, { query: { teamId: w.teamA, sourceGroup: 'retrospective' } }) as { _id: string }[]).map((t) => t._id).sort()

async function timer(d: DayKey, hhmm = '00:40') {
  at(d, hhmm)
  const res = await cloud.timer('content', 'retrospectives')
  if (!res.ok) throw new Error(`timer failed: ${res.error.code} ${res.error.message}`)
}

/** A short video published on `d` at 18:00 China time, owned by the operator (written as the content function would). */
function published(key: string, d: DayKey, fields: { layer?: 'intro' | 'value' | 'story'; title?: string } = {}): string {
  const at_ = new Date(`${d}T18:00:00+08:00`)
  const _id = `retro_item_${key}_${seq++}`
  const item = newItemRecord({ _id, teamId: w.teamA, title: fields.title ?? `开箱 ${key}`, format: 'short_video', layer: fields.layer ?? 'intro', category: 'brand', ownerId: w.memberId.operator, plannedAt: at_, createdBy: w.memberId.operator, now: at_ })
  cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at_, day: d }] as unknown as Record<string, unknown>[])
  return _id
}

async function logged(itemId: string, d: DayKey, metrics: Record<string, number>) {
  at(d, '20:00')
  await ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId, date: d, metrics })
}

worldOnFakeClock(day(0), (c, world) => {
  cloud = c
  w = world
})

describe('the timer', () => {
  it('creates the retrospective and its 待办 once day 7 is complete, and a rerun writes nothing', async () => {
    const item = published('a', day(0))
    await timer(day(6), '23:40')
    expect(retros()).toEqual([])

    await timer(day(7))
    expect(retros().map((r) => [r.itemId, r.status, r.publishedDay])).toEqual([[item, 'due', day(0)]])
    const mine = await content<MyTasks>(w.openid.operator, 'myTasks')
    expect(mine.open).toContainEqual(expect.objectContaining({ title: '复盘：开箱 a', dueDay: day(10), sourceLabel: '单条复盘 3月3日发布', retrospectiveId: `retro_${item}`, meetingId: null }))

    const before = cloud.snapshot(w.teamA)
    await timer(day(7), '01:40')
    await timer(day(8))
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })

  it('catches up after a missed week: tasks for the last week\'s day 7s, records only further back, nothing past 37 days', async () => {
    const recent = [published('r1', day(0)), published('r2', day(4))]
    const older = published('old', day(-10))
    const gone = published('gone', day(-40))
    await timer(day(12))
    expect(retros().map((r) => r.itemId).sort()).toEqual([...recent, older].sort())
    expect(taskIds()).toEqual(recent.map((i) => `retro_${i}`).sort())
    expect(retros().find((r) => r.itemId === older)!.taskId).toBeNull()
    expect(retros().some((r) => r.itemId === gone)).toBe(false)
  })

  it('leaves other teams\' items to their own team', async () => {
    published('a', day(0))
    await timer(day(7))
    const theirs = await content<MyTasks>(w.openid.otherTeam, 'myTasks')
    expect(theirs.open).toEqual([])
    expect((cloud.store.find(RETROSPECTIVES, { query: { teamId: w.teamB } }) as unknown[]).length).toBe(0)
  })
})

describe('writing a retrospective', () => {
  let item: string
  let id: string
  beforeEach(async () => {
    // An earlier item sets the team's average; the item's own day 7 is 03-09 (numbers after it do not count).
    const earlier = published('earlier', day(-5))
    await logged(earlier, day(1), { plays: 500, completions: 100, likes: 40, comments: 10 })
    item = published('a', day(0), { title: '滤芯对比开箱' })
    await logged(item, day(6), { plays: 1000, completions: 400, likes: 50, newFollowersOrganic: 8 })
    await logged(item, day(7), { plays: 5000, completions: 500 })
    await timer(day(7), '21:00')
    id = `retro_${item}`
  })

  it('is pre-filled with the day-7 numbers against the team average of the 30 days before', async () => {
    const r = await content<RetrospectiveView>(w.openid.operator, 'getRetrospective', { id })
    expect(r).toMatchObject({ title: '滤芯对比开箱', tagLine: '基础认知 · 品牌动态 · 短视频', status: 'due', asOf: day(6), mayWrite: true, averageNote: '团队均值：02-01 至 03-02 发布的 1 条内容第 7 天的数据' })
    expect(r.comparison.slice(0, 3)).toEqual([
      { metric: 'plays', label: '播放', value: '1,000', average: '500', versus: '高 100%', direction: 'higher' },
      { metric: 'completionRate', label: '完播率', value: '40.0%', average: '20.0%', versus: '高 100%', direction: 'higher' },
      { metric: 'interactionRate', label: '互动率', value: '5.0%', average: '10.0%', versus: '低 50%', direction: 'lower' },
    ])
  })

  it('completes the task when saved; a retried save writes once; a stale one is refused; an edit keeps the first writer', async () => {
    const input = { id, version: 0, worked: '前三秒直接对比新旧滤芯', change: '结尾引导关注太弱', tags: ['对比'], outcome: 'above' }
    at(day(8))
    const first = await call(w.openid.operator, 'saveRetrospective', input, 'retro-save-1')
    expect(first).toMatchObject({ ok: true, data: { status: 'written', version: 1, outcomeLabel: '超出预期', writtenByName: '成员operator' } })
    const after = cloud.snapshot()
    expect(await call(w.openid.operator, 'saveRetrospective', input, 'retro-save-1')).toEqual(first)
    expect(cloud.snapshot()).toBe(after)
    expect(await call(w.openid.operator, 'saveRetrospective', { ...input, worked: '另一种说法' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const tasks = await content<MyTasks>(w.openid.operator, 'myTasks')
    expect(tasks.open.some((t) => t.retrospectiveId === id)).toBe(false)
    expect(tasks.done).toContainEqual(expect.objectContaining({ retrospectiveId: id, status: 'done', doneByName: '成员operator' }))

    const edited = await content<RetrospectiveView>(w.openid.manager, 'saveRetrospective', { ...input, version: 1, outcome: 'met' })
    expect(edited).toMatchObject({ version: 2, outcome: 'met', writtenByName: '成员operator' })
  })

  it('may be written by its owner, a manager or an admin; not by other staff; read by every member, not another team', async () => {
    const input = { id, version: 0, worked: '开头好', change: '结尾弱', tags: [], outcome: 'met' }
    expect(await call(w.openid.field, 'saveRetrospective', input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await content<RetrospectiveView>(w.openid.field, 'getRetrospective', { id })).toMatchObject({ mayWrite: false })
    expect(await call(w.openid.otherTeam, 'getRetrospective', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.otherTeam, 'saveRetrospective', input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await content<RetrospectiveView>(w.openid.admin, 'saveRetrospective', input)).toMatchObject({ status: 'written', writtenByName: '成员admin' })
  })
})

describe('the case library', () => {
  let n = 0
  async function written(key: string, layer: 'intro' | 'story', outcome: string, worked: string) {
    const item = published(key, day(0), { layer, title: `案例 ${key}` })
    await timer(day(7))
    at(day(8), `${10 + n++}:00`)
    await content(w.openid.operator, 'saveRetrospective', { id: `retro_${item}`, version: 0, worked, change: '无', tags: [key], outcome })
  }

  beforeEach(async () => {
    n = 0
    await written('one', 'intro', 'above', '冲突开场留住了人')
    await written('two', 'story', 'below', '节奏太慢')
    await written('three', 'intro', 'met', '门店实拍真实')
  })

  it('lists written retrospectives newest first as summaries, not the due ones', async () => {
    published('due', day(1))
    await timer(day(8))
    const page = await content<CasePage>(w.openid.field, 'listCases', {})
    expect(page.items.map((c) => c.title)).toEqual(['案例 three', '案例 two', '案例 one'])
    expect(page.items[2]).toEqual({ id: expect.any(String), title: '案例 one', tagLine: '基础认知 · 品牌动态 · 短视频', publishedDay: day(0), outcome: 'above', outcomeLabel: '超出预期', worked: '冲突开场留住了人', tags: ['one'], keyNumber: '播放 —（均值 —）', ownerName: '成员operator' })
  })

  it('filters by layer and outcome and finds text', async () => {
    const titles = async (q: object) => (await content<CasePage>(w.openid.operator, 'listCases', q)).items.map((c) => c.title)
    expect(await titles({ layer: 'intro' })).toEqual(['案例 three', '案例 one'])
    expect(await titles({ outcome: 'below' })).toEqual(['案例 two'])
    expect(await titles({ layer: 'intro', outcome: 'below' })).toEqual([])
    expect(await titles({ q: '实拍' })).toEqual(['案例 three'])
    expect(await titles({ q: 'TWO' })).toEqual(['案例 two'])
  })

  it('pages', async () => {
    const first = await content<CasePage>(w.openid.operator, 'listCases', { limit: 2 })
    expect(first).toMatchObject({ hasMore: true, nextOffset: 2 })
    const next = await content<CasePage>(w.openid.operator, 'listCases', { limit: 2, offset: 2 })
    expect(next).toMatchObject({ hasMore: false, nextOffset: 3, items: [expect.objectContaining({ title: '案例 one' })] })
    const searched = await content<CasePage>(w.openid.operator, 'listCases', { q: '案例', limit: 2, offset: 2 })
    expect(searched).toMatchObject({ hasMore: false, items: [expect.objectContaining({ title: '案例 one' })] })
  })

  it('shows another team none of these cases', async () => {
    expect(await content<CasePage>(w.openid.otherTeam, 'listCases', {})).toEqual({ items: [], hasMore: false, nextOffset: 0 })
  })
})

describe('a run out of time', () => {
  it('writes nothing past its deadline, and the next run creates what it left', async () => {
    const items = [published('a', day(-3)), published('b', day(-2)), published('c', day(0))]
    at(day(7))
    expect(await createDueRetrospectives(database(), w.teamA, new Date(), Date.now() - 1)).toBe(0)
    expect(retros()).toEqual([])
    await timer(day(7), '13:00')
    expect(retros().map((r) => r.itemId).sort()).toEqual(items.sort())
  })
})
