import type { ItemDetail } from '../../core/content/schemas'
import type { MeetingLine, MeetingView } from '../../core/content/meetings'
import type { MyTasks, TaskView } from '../../core/content/tasks'
import { addDays, dayKey } from '../../core/time/china'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World, worldEachTest } from '../../test/support/world'
import { ITEMS, TASKS } from '../common/db/collections'

let cloud: TestCloud
let w: World
worldEachTest((c, world) => {
  cloud = c
  w = world
})

const today = () => dayKey(new Date())
const call = (openid: string, action: string, data: unknown = {}, requestId = `m-${Math.random().toString(36).slice(2)}`) =>
  cloud.call('content', openid, { action, data, requestId })
const content = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'content', openid, action, data)
const open = (kind = 'topic') => content<MeetingView>(w.openid.operator, 'openMeeting', { kind, day: today() })
const idea = (title: string) =>
  content<ItemDetail>(w.openid.operator, 'createItem', { title, format: 'short_video', layer: 'value', category: 'pain_point', ownerId: w.memberId.operator })
const decide = (meetingId: string, text: string, ownerId: string, dueDay = addDays(today(), 2)) =>
  content<MeetingView>(w.openid.operator, 'saveDecision', { meetingId, text, ownerId, dueDay })

/** The world's own 选题会 decision (the field member's task), out of the way of tests that count tasks. */
const withoutWorldDecision = () => content(w.openid.owner, 'removeDecision', { meetingId: w.meetingId, decisionId: w.decisionId })

describe('a meeting from opening to its summary', () => {
  it('records attendees and an agenda of items and ideas with their titles', async () => {
    const m = await open()
    const next = await content<MeetingView>(w.openid.operator, 'updateMeeting', {
      id: m.id, version: m.version, attendeeIds: [w.memberId.operator, w.memberId.manager], agendaItemIds: [w.itemId, w.ideaId], notes: '先看选题库',
    })
    expect(next.attendees.map((a) => a.name)).toEqual(['成员operator', '成员manager'])
    expect(next.agenda).toEqual([
      { itemId: w.itemId, title: '门店店长的一天', status: 'planned', day: expect.any(String) },
      { itemId: w.ideaId, title: '用户最常问的三个问题', status: 'idea', day: null },
    ])
    expect(next.notes).toBe('先看选题库')
  })

  it('turns each decision into a task in its owner\'s 待办, following edits while the meeting is open', async () => {
    await withoutWorldDecision()
    const m = await open()
    const withDecision = await decide(m.id, '约门店拍摄', w.memberId.field)
    const d = withDecision.decisions[0]
    expect(d).toMatchObject({ text: '约门店拍摄', ownerName: '成员field', taskStatus: 'open', overdue: false })
    const fieldTasks = await content<MyTasks>(w.openid.field, 'myTasks')
    expect(fieldTasks.open).toEqual([expect.objectContaining({ title: '约门店拍摄', ownerName: '成员field', sourceLabel: expect.stringMatching(/^选题会 \d+月\d+日$/), meetingId: m.id })])

    await content(w.openid.operator, 'saveDecision', { meetingId: m.id, decisionId: d.id, text: '约两家门店拍摄', ownerId: w.memberId.manager, dueDay: addDays(today(), 5) })
    expect((await content<MyTasks>(w.openid.field, 'myTasks')).open).toEqual([])
    expect((await content<MyTasks>(w.openid.manager, 'myTasks')).open).toEqual([expect.objectContaining({ title: '约两家门店拍摄', dueDay: addDays(today(), 5) })])
  })

  it('opens the next meeting of the kind with the decisions still open, and its summary lists what was done', async () => {
    await withoutWorldDecision()
    const first = await open()
    await decide(first.id, '写三条脚本', w.memberId.operator)
    const withTwo = await decide(first.id, '约门店拍摄', w.memberId.field, addDays(today(), 3))
    await content(w.openid.operator, 'endMeeting', { id: first.id, version: withTwo.version })

    const otherKind = await open('planning')
    expect(otherKind.carried).toEqual([])
    const second = await open()
    expect(second.carried.map((c) => [c.title, c.ownerName, c.status])).toEqual([
      ['写三条脚本', '成员operator', 'open'],
      ['约门店拍摄', '成员field', 'open'],
    ])

    const task = (await content<MyTasks>(w.openid.field, 'myTasks')).open[0]
    const done = await content<TaskView>(w.openid.field, 'completeTask', { id: task.id })
    expect(done).toMatchObject({ status: 'done', doneByName: '成员field', overdue: false })
    const fieldTasks = await content<MyTasks>(w.openid.field, 'myTasks')
    expect([fieldTasks.openCount, fieldTasks.done.map((t) => t.title)]).toEqual([0, ['约门店拍摄']])

    const withNotes = await content<MeetingView>(w.openid.operator, 'updateMeeting', { id: second.id, version: second.version, notes: '脚本顺延' })
    const withNew = await decide(second.id, '脚本周五前交', w.memberId.operator)
    const ended = await content<MeetingView>(w.openid.operator, 'endMeeting', { id: second.id, version: withNew.version })
    expect(withNotes.status).toBe('open')
    expect(ended).toMatchObject({ status: 'ended', endedAt: expect.any(String) })
    expect(ended.summary).toEqual({
      notes: '脚本顺延',
      decisions: [{ text: '脚本周五前交', ownerName: '成员operator', dueDay: addDays(today(), 2) }],
      done: [{ title: '约门店拍摄', ownerName: '成员field' }],
      stillOpen: [{ title: '写三条脚本', ownerName: '成员operator', dueDay: addDays(today(), 2) }],
    })
    const third = await open()
    expect(third.carried.map((c) => c.title)).toEqual(['写三条脚本', '脚本周五前交'])
  })

  it('refuses edits once the meeting has ended', async () => {
    const m = await open()
    await content(w.openid.operator, 'endMeeting', { id: m.id, version: m.version })
    expect(await call(w.openid.operator, 'saveDecision', { meetingId: m.id, text: '补一条', ownerId: w.memberId.field, dueDay: today() }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '会议已结束，不能再修改' } })
  })

  it('removes a decision\'s task with the decision', async () => {
    await withoutWorldDecision()
    const m = await decide((await open()).id, '临时决议', w.memberId.field)
    await content(w.openid.operator, 'removeDecision', { meetingId: m.id, decisionId: m.decisions[0].id })
    expect((await content<MyTasks>(w.openid.field, 'myTasks')).open).toEqual([])
  })
})

describe('待办', () => {
  it('marks an open task past its due day 已逾期 and lists open ones earliest due first', async () => {
    await withoutWorldDecision()
    const m = await open()
    await decide(m.id, '晚一点', w.memberId.field, addDays(today(), 3))
    await decide(m.id, '早一点', w.memberId.field, today())
    // A due day can only be set from today on: age one in the store.
    const [late] = cloud.store.find(TASKS, { query: { title: '晚一点' }, limit: 1 }) as { _id: string }[]
    cloud.store.update(TASKS, { _id: late._id }, { $set: { dueDay: addDays(today(), -1) } }, { multi: false, upsert: false, replace: false })
    const mine = await content<MyTasks>(w.openid.field, 'myTasks')
    expect(mine.open.map((t) => [t.title, t.overdue])).toEqual([['晚一点', true], ['早一点', false]])
    expect([mine.openCount, mine.overdueCount]).toEqual([2, 1])
  })

  it('completes in one tap, twice is still once, and reopens', async () => {
    const task = w.taskId
    const first = await content<TaskView>(w.openid.field, 'completeTask', { id: task })
    const again = await content<TaskView>(w.openid.field, 'completeTask', { id: task })
    expect(again).toEqual(first)
    expect(await content<TaskView>(w.openid.field, 'reopenTask', { id: task })).toMatchObject({ status: 'open', doneAt: null })
  })

  it('lets a manager close anyone\'s task but not another operator', async () => {
    expect(await call(w.openid.operator, 'completeTask', { id: w.taskId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await content<TaskView>(w.openid.manager, 'completeTask', { id: w.taskId })).toMatchObject({ status: 'done', doneByName: '成员manager' })
  })
})

describe('a 选题会 schedules ideas onto the calendar', () => {
  it('moves several ideas in one step, onto their days, and adds them to the agenda', async () => {
    const [a, b] = [await idea('选题甲'), await idea('选题乙')]
    const m = await open()
    const [d1, d2] = [addDays(today(), 1), addDays(today(), 2)]
    const after = await content<MeetingView>(w.openid.operator, 'scheduleIdeas', { meetingId: m.id, ideas: [{ itemId: a.id, day: d1 }, { itemId: b.id, day: d2, time: '12:00' }] })
    expect(after.agenda.map((x) => [x.title, x.status, x.day])).toEqual([['选题甲', 'planned', d1], ['选题乙', 'planned', d2]])
    const item = await content<ItemDetail>(w.openid.operator, 'getItem', { id: b.id })
    expect(item).toMatchObject({ status: 'planned', day: d2, time: '12:00', history: [{ from: null, reason: '选题会排期', byName: '成员operator' }] })
    expect(await content<unknown[]>(w.openid.operator, 'dayItems', { day: d1 })).toEqual(expect.arrayContaining([expect.objectContaining({ id: a.id })]))
  })

  it('is all or nothing: one idea no longer in the library leaves every idea where it was', async () => {
    const [a, b] = [await idea('选题甲'), await idea('选题乙')]
    const m = await open()
    const res = await call(w.openid.operator, 'scheduleIdeas', { meetingId: m.id, ideas: [{ itemId: a.id, day: addDays(today(), 1) }, { itemId: w.itemId, day: addDays(today(), 2) }, { itemId: b.id, day: addDays(today(), 3) }] })
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('门店店长的一天') } })
    const stored = cloud.store.find(ITEMS, { query: { _id: { $in: [a.id, b.id] } } }) as unknown as { status: string; version: number }[]
    expect(stored.map((i) => [i.status, i.version])).toEqual([['idea', 0], ['idea', 0]])
    expect((await content<MeetingView>(w.openid.operator, 'getMeeting', { id: m.id })).agenda).toEqual([])
  })

  it('writes once when the same request is retried', async () => {
    const a = await idea('选题甲')
    const m = await open()
    const body = { meetingId: m.id, ideas: [{ itemId: a.id, day: addDays(today(), 1) }] }
    const first = await call(w.openid.operator, 'scheduleIdeas', body, 'retry-schedule-1')
    const second = await call(w.openid.operator, 'scheduleIdeas', body, 'retry-schedule-1')
    expect(second).toEqual(first)
    expect((await content<ItemDetail>(w.openid.operator, 'getItem', { id: a.id })).history).toHaveLength(1)
  })

  it('refuses another team\'s idea', async () => {
    const theirs = await ok<ItemDetail>(cloud, 'content', w.openid.otherTeam, 'createItem', { title: '乙队选题', format: 'short_video', layer: 'value', category: 'brand', ownerId: (await ok<{ member: { id: string } }>(cloud, 'team', w.openid.otherTeam, 'me')).member.id })
    const m = await open()
    expect(await call(w.openid.operator, 'scheduleIdeas', { meetingId: m.id, ideas: [{ itemId: theirs.id, day: addDays(today(), 1) }] }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '选题不存在' } })
    expect((await ok<ItemDetail>(cloud, 'content', w.openid.otherTeam, 'getItem', { id: theirs.id })).status).toBe('idea')
  })

  it('is only for a 选题会', async () => {
    const m = await open('planning')
    expect(await call(w.openid.operator, 'scheduleIdeas', { meetingId: m.id, ideas: [{ itemId: w.ideaId, day: addDays(today(), 1) }] }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '只有选题会可以从选题库排期' } })
  })
})

describe('a 复盘会', () => {
  it('records next month\'s layer shares and theme (the calendar\'s theme), beside the intro target in force', async () => {
    const m = await open('review')
    const view = await content<MeetingView>(w.openid.manager, 'setReviewPlan', { meetingId: m.id, month: '2030-01', layerShares: { intro: 30, value: 45, story: 25 }, theme: '新春焕新' })
    expect(view.reviewPlan).toEqual({ month: '2030-01', layerShares: { intro: 30, value: 45, story: 25 }, theme: '新春焕新', introTarget: 0.6 })
    expect((await content<{ theme: string }>(w.openid.operator, 'monthView', { month: '2030-01' })).theme).toBe('新春焕新')
  })

  it('records a target change as a decision naming its KPI', async () => {
    const m = await open('review')
    const view = await content<MeetingView>(w.openid.manager, 'saveDecision', { meetingId: m.id, text: '基础认知占比目标下调到 50%：新品期结束', ownerId: w.memberId.manager, dueDay: today(), kpi: 'introShare' })
    expect(view.decisions[0]).toMatchObject({ kpi: 'introShare', ownerName: '成员manager' })
  })
})

describe('validation and access', () => {
  it('names the field in Chinese', async () => {
    const m = await open('review')
    expect(await call(w.openid.operator, 'setReviewPlan', { meetingId: m.id, month: '2030-01', layerShares: { intro: 30, value: 30, story: 30 }, theme: '' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'layerShares', message: '内容结构：三项合计应为 100%' }] } })
    expect(await call(w.openid.operator, 'saveDecision', { meetingId: m.id, text: '', ownerId: w.memberId.field, dueDay: today() }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'text', message: expect.stringMatching(/^决议内容：/) }] } })
    expect(await call(w.openid.operator, 'saveDecision', { meetingId: m.id, text: '过去的截止', ownerId: w.memberId.field, dueDay: addDays(today(), -1) }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'dueDay', message: '截止日期：不能早于今天' }] } })
    expect(await call(w.openid.operator, 'saveDecision', { meetingId: m.id, text: '外人负责', ownerId: 'nobody', dueDay: today() }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'ownerId', message: '负责人：必须是团队的现有成员' }] } })
  })

  it('lets field staff read the meetings they attend and no others, and not hold one', async () => {
    const hidden = await open('production')
    const lines = await content<MeetingLine[]>(w.openid.field, 'listMeetings', {})
    expect(lines.map((l) => l.id)).toEqual([w.meetingId])
    expect(await call(w.openid.field, 'getMeeting', { id: hidden.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(w.openid.field, 'openMeeting', { kind: 'topic', day: today() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
