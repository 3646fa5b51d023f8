// The four meetings (四会): opening one (with the open decisions of earlier meetings of its kind),
// attendees, agenda and notes, decisions that become their owners' tasks, a 选题会 moving ideas onto
// the calendar in one step, a 复盘会's plan for next month, and ending with a frozen summary.
import type { contentContract } from '../../core/api/content'
import { AGENDA_MAX, DECISIONS_MAX, MEETING_KIND_LABELS as KIND_LABEL, meetingSummary, type MeetingDecision } from '../../core/content/meetings'
import { publishInstant } from '../../core/content/slots'
import { byDue, decisionTaskId, meetingGroup, sourceGroup } from '../../core/content/tasks'
import { AppError, fieldError } from '../../core/errors'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { ITEMS, MEETINGS, MEMBERS, TASKS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { MeetingRecord, TaskRecord } from '../common/db/meetings'
import type { MemberRecord } from '../common/db/team'
import type { TransactionLike } from '../common/sdk'
import { docIn, isConflict } from '../common/transaction'
import { carriedOf, isStaff, meetingView } from './meetingView'
import { scheduling } from './schedule'
import { memberNames, writeMonthTheme } from './shared'
import { baseFields } from '../common/records'

type MeetingActions = 'listMeetings' | 'getMeeting' | 'openMeeting' | 'updateMeeting' | 'saveDecision' | 'removeDecision' | 'scheduleIdeas' | 'setReviewPlan' | 'endMeeting'
/** Carried-over decisions a meeting lists at most (each kind's open ones, and those done since the last). */
const CARRIED_CAP = 50

export const meetingHandlers: Pick<Handlers<typeof contentContract>, MeetingActions> = {
  async listMeetings({ ctx, input }) {
    const where: Record<string, unknown> = input.kind ? { kind: input.kind } : {}
    // Staff see every meeting; field staff the ones they attend.
    if (!isStaff(ctx)) where.attendeeIds = ctx.member._id
    const list = await meetings(ctx).find(where, { orderBy: ['day', 'desc'], limit: 100 })
    return list.map((m) => ({
      id: m._id,
      kind: m.kind,
      kindLabel: KIND_LABEL[m.kind],
      day: m.day,
      status: m.status,
      attendeeCount: m.attendeeIds.length,
      decisionCount: m.decisions.length,
      carriedCount: m.carriedTaskIds.length,
    }))
  },

  async getMeeting({ ctx, input }) {
    return meetingView(ctx, await readable(ctx, input.id))
  },

  async openMeeting({ ctx, input }) {
    const repo = meetings(ctx)
    const [last] = await repo.find({ kind: input.kind }, { orderBy: ['createdAt', 'desc'], limit: 1 })
    const group = meetingGroup(input.kind)
    const _ = ctx.db.command
    const [open, doneSince] = await Promise.all([
      tasks(ctx).find({ sourceGroup: group, status: 'open' }, { orderBy: ['dueDay', 'asc'], limit: CARRIED_CAP }),
      last
        ? tasks(ctx).find({ sourceGroup: group, status: 'done', doneAt: _.gte(last.endedAt ?? last.createdAt) }, { orderBy: ['doneAt', 'asc'], limit: CARRIED_CAP })
        : Promise.resolve([]),
    ])
    const record: MeetingRecord = {
      ...baseFields(ctx, ctx.newId('meeting')),
      kind: input.kind,
      day: input.day,
      status: 'open',
      attendeeIds: [ctx.member._id],
      agenda: [],
      notes: '',
      decisions: [],
      carriedTaskIds: [...byDue(open), ...doneSince].map((t) => t._id),
      reviewPlan: null,
      summary: null,
      endedAt: null,
    }
    const { doc } = await repo.insertOnce(record)
    ctx.audit({ subjectId: doc._id, subjectName: `${KIND_LABEL[doc.kind]} ${doc.day}`, after: { kind: doc.kind, day: doc.day } })
    return meetingView(ctx, doc)
  },

  async updateMeeting({ ctx, input }) {
    const m = await editable(ctx, input.id)
    const patch: Record<string, unknown> = {}
    if (input.day !== undefined) patch.day = input.day
    if (input.notes !== undefined) patch.notes = input.notes
    if (input.attendeeIds) patch.attendeeIds = await activeMembers(ctx, input.attendeeIds, 'attendeeIds', '参会人')
    if (input.agendaItemIds) patch.agenda = await agendaOf(ctx, input.agendaItemIds)
    const updated = await meetings(ctx).updateVersioned(m._id, input.version, patch, ctx.now)
    if (input.day !== undefined && input.day !== m.day && m.decisions.length) {
      const ids = m.decisions.map((d) => decisionTaskId(m._id, d.id))
      await tasks(ctx).updateWhere({ _id: ctx.db.command.in(ids) }, { 'source.meetingDay': input.day, updatedAt: ctx.now })
    }
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL[m.kind]} ${m.day}`, before: m })
    return meetingView(ctx, updated)
  },

  async saveDecision({ ctx, input }) {
    const m = await editable(ctx, input.meetingId)
    await activeMembers(ctx, [input.ownerId], 'ownerId', '负责人')
    const existing = input.decisionId ? m.decisions.find((d) => d.id === input.decisionId) : undefined
    if (input.decisionId && !existing) throw new AppError('NOT_FOUND', '决议不存在')
    if (!existing && m.decisions.length >= DECISIONS_MAX) throw fieldError('text', `决议内容：一次会议最多 ${DECISIONS_MAX} 条决议`)
    if (input.dueDay < dayKey(ctx.now) && input.dueDay !== existing?.dueDay) throw fieldError('dueDay', '截止日期：不能早于今天')
    const decision: MeetingDecision = { id: existing?.id ?? ctx.newId('decision'), text: input.text, ownerId: input.ownerId, dueDay: input.dueDay }
    if (input.kpi) decision.kpi = input.kpi
    const taskId = decisionTaskId(m._id, decision.id)
    await inTransaction(ctx, m._id, async (tx, cur) => {
      const decisions = existing ? cur.decisions.map((d) => (d.id === decision.id ? decision : d)) : [...cur.decisions.filter((d) => d.id !== decision.id), decision]
      await tx.collection(MEETINGS).doc(m._id).update({ data: { decisions, updatedAt: ctx.now, version: cur.version + 1 } })
      const task = await docIn<TaskRecord>(tx, TASKS, taskId)
      // The task follows its decision while the meeting is open; whether it is done stays as it is.
      if (task) await tx.collection(TASKS).doc(taskId).update({ data: { title: decision.text, dueDay: decision.dueDay, ownerId: decision.ownerId, updatedAt: ctx.now, version: task.version + 1 } })
      else {
        const { _id, ...data } = newTask(ctx, cur, decision)
        await tx.collection(TASKS).doc(_id).set({ data })
      }
    })
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL[m.kind]} ${m.day}`, detail: { decision: decision.text, ownerId: decision.ownerId, dueDay: decision.dueDay } })
    return meetingView(ctx, (await meetings(ctx).get(m._id))!)
  },

  async removeDecision({ ctx, input }) {
    const m = await editable(ctx, input.meetingId)
    const gone = m.decisions.find((d) => d.id === input.decisionId)
    if (gone) {
      await inTransaction(ctx, m._id, async (tx, cur) => {
        await tx.collection(MEETINGS).doc(m._id).update({ data: { decisions: cur.decisions.filter((d) => d.id !== input.decisionId), updatedAt: ctx.now, version: cur.version + 1 } })
      })
    }
    // After the meeting's commit (a transaction cannot delete): a re-run after a crash finds the decision gone and removes the task.
    await ctx.db.collection(TASKS).where({ _id: decisionTaskId(m._id, input.decisionId), teamId: ctx.team._id }).remove()
    if (!gone) throw new AppError('NOT_FOUND', '决议不存在')
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL[m.kind]} ${m.day}`, detail: { removed: gone.text } })
    return meetingView(ctx, (await meetings(ctx).get(m._id))!)
  },

  async scheduleIdeas({ ctx, input }) {
    const m = await editable(ctx, input.meetingId)
    if (m.kind !== 'topic') throw new AppError('CONFLICT', '只有选题会可以从选题库排期')
    const by = { id: ctx.member._id, name: ctx.member.name }
    const titles: string[] = []
    await inTransaction(ctx, m._id, async (tx, cur) => {
      const agenda = [...cur.agenda]
      for (const [i, idea] of input.ideas.entries()) {
        const item = await docIn<ItemRecord>(tx, ITEMS, idea.itemId)
        if (!item || item.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '选题不存在')
        const plannedAt = publishInstant(idea.day, idea.time)
        // Run again after a crash: this idea already went onto this day from this meeting.
        const done = item.status !== 'idea' && item.day === idea.day && agenda.some((a) => a.itemId === item._id)
        if (done) continue
        if (item.status !== 'idea') throw new AppError('CONFLICT', `「${item.title}」已不在选题库（${item.day ?? '已处理'}），请刷新后再选`)
        const { fields, change } = scheduling(item, plannedAt, by, `${KIND_LABEL.topic}排期`, ctx.now, `ideas.${i}.day`)
        await tx.collection(ITEMS).doc(item._id).update({ data: { ...fields, scheduleHistory: [...item.scheduleHistory, change], updatedAt: ctx.now, version: item.version + 1 } })
        if (!agenda.some((a) => a.itemId === item._id)) agenda.push({ itemId: item._id, title: item.title })
        titles.push(item.title)
      }
      if (agenda.length > AGENDA_MAX) throw fieldError('ideas', `选题：议程最多 ${AGENDA_MAX} 项`)
      await tx.collection(MEETINGS).doc(m._id).update({ data: { agenda, updatedAt: ctx.now, version: cur.version + 1 } })
    })
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL.topic} ${m.day}`, detail: { scheduled: input.ideas.map((i) => `${i.day} ${i.itemId}`), titles } })
    return meetingView(ctx, (await meetings(ctx).get(m._id))!)
  },

  async setReviewPlan({ ctx, input }) {
    const m = await editable(ctx, input.meetingId)
    if (m.kind !== 'review') throw new AppError('CONFLICT', '只有复盘会记录下月内容结构与主题')
    const reviewPlan = { month: input.month, layerShares: input.layerShares, theme: input.theme }
    const updated = await meetings(ctx).updateVersioned(m._id, m.version, { reviewPlan: ctx.db.command.set(reviewPlan) }, ctx.now)
    // The month's theme is the calendar's own (setMonthTheme); the shares stay the meeting's record.
    if (input.theme) await writeMonthTheme(ctx, input.month, input.theme)
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL.review} ${m.day}`, after: { ...reviewPlan } })
    return meetingView(ctx, updated)
  },

  async endMeeting({ ctx, input }) {
    const m = await editable(ctx, input.id)
    const names = await memberNames(ctx)
    const carried = await carriedOf(ctx, m, names)
    const decisions = m.decisions.map((d) => ({ text: d.text, ownerName: names.get(d.ownerId) ?? '', dueDay: d.dueDay }))
    const summary = meetingSummary(m.notes, decisions, carried)
    const updated = await meetings(ctx).updateVersioned(m._id, input.version, { status: 'ended', endedAt: ctx.now, summary: ctx.db.command.set(summary) }, ctx.now)
    ctx.audit({ subjectId: m._id, subjectName: `${KIND_LABEL[m.kind]} ${m.day}`, after: { status: 'ended' } })
    return meetingView(ctx, updated)
  },
}

function meetings(ctx: MemberCtx) {
  return ctx.repo<MeetingRecord>(MEETINGS)
}

function tasks(ctx: MemberCtx) {
  return ctx.repo<TaskRecord>(TASKS)
}

/** A meeting the caller may read: staff read all of the team's, others those they attend. */
async function readable(ctx: MemberCtx, id: string): Promise<MeetingRecord> {
  const m = await meetings(ctx).get(id)
  if (!m || (!isStaff(ctx) && !m.attendeeIds.includes(ctx.member._id))) throw new AppError('NOT_FOUND', '会议不存在')
  return m
}

/** A meeting that may still change: an ended one is a record. */
async function editable(ctx: MemberCtx, id: string): Promise<MeetingRecord> {
  const m = await readable(ctx, id)
  if (m.status === 'ended') throw new AppError('CONFLICT', '会议已结束，不能再修改')
  return m
}

/** The meeting re-read inside a transaction (still this team's and open), handed to `fn`; a lost race is CONFLICT. */
async function inTransaction(ctx: MemberCtx, id: string, fn: (tx: TransactionLike, cur: MeetingRecord) => Promise<void>) {
  try {
    await ctx.db.runTransaction(async (tx) => {
      const cur = await docIn<MeetingRecord>(tx, MEETINGS, id)
      if (!cur || cur.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '会议不存在')
      if (cur.status === 'ended') throw new AppError('CONFLICT', '会议已结束，不能再修改')
      await fn(tx, cur)
    })
  } catch (e) {
    if (e instanceof AppError || !isConflict(e)) throw e
    throw new AppError('CONFLICT', '会议刚被其他人修改，请刷新后重试')
  }
}

async function activeMembers(ctx: MemberCtx, ids: string[], path: string, label: string): Promise<string[]> {
  if (!ids.length) return ids
  const found = await ctx.repo<MemberRecord>(MEMBERS).find({ _id: ctx.db.command.in(ids), status: 'active' }, { fields: { _id: true } })
  if (found.length !== new Set(ids).size) throw fieldError(path, `${label}：必须是团队的现有成员`)
  return ids
}

async function agendaOf(ctx: MemberCtx, ids: string[]): Promise<MeetingRecord['agenda']> {
  if (!ids.length) return []
  const found = await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(ids) }, { fields: { _id: true, title: true } })
  const byId = new Map(found.map((i) => [i._id, i.title]))
  if (ids.some((id) => !byId.has(id))) throw fieldError('agendaItemIds', '议程：有内容或选题不存在')
  return ids.map((id) => ({ itemId: id, title: byId.get(id)! }))
}

function newTask(ctx: MemberCtx, m: MeetingRecord, d: MeetingDecision): TaskRecord {
  const source = { kind: 'meeting' as const, meetingId: m._id, decisionId: d.id, meetingKind: m.kind, meetingDay: m.day }
  return {
    ...baseFields(ctx, decisionTaskId(m._id, d.id)),
    ownerId: d.ownerId,
    title: d.text,
    dueDay: d.dueDay,
    source,
    sourceGroup: sourceGroup(source),
    status: 'open',
    doneAt: null,
    doneById: null,
    doneByName: null,
  }
}
