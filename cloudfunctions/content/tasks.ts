// 我的待办: a member's tasks (from meeting decisions), open ones earliest due first with overdue marked,
// done in one tap (idempotent) and reopened if that tap was a mistake.
import type { contentContract } from '../../core/api/content'
import { byDue, isOverdue, mayCloseTask, sourceLabel, type TaskView } from '../../core/content/tasks'
import { AppError } from '../../core/errors'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { TASKS } from '../common/db/collections'
import type { TaskRecord } from '../common/db/meetings'
import { memberNames } from './shared'

/** Open tasks one list shows at most; done ones, the latest few. */
const OPEN_CAP = 200
const DONE_SHOWN = 20

export const taskHandlers: Pick<Handlers<typeof contentContract>, 'myTasks' | 'completeTask' | 'reopenTask'> = {
  async myTasks({ ctx }) {
    const repo = tasks(ctx)
    const mine = { ownerId: ctx.member._id }
    const [open, done, names] = await Promise.all([
      repo.find({ ...mine, status: 'open' }, { orderBy: ['dueDay', 'asc'], limit: OPEN_CAP }),
      repo.find({ ...mine, status: 'done' }, { orderBy: ['doneAt', 'desc'], limit: DONE_SHOWN }),
      memberNames(ctx),
    ])
    const today = dayKey(ctx.now)
    const openViews = byDue(open.map((t) => taskView(t, names, today)))
    return {
      today,
      open: openViews,
      done: done.map((t) => taskView(t, names, today)),
      openCount: openViews.length,
      overdueCount: openViews.filter((t) => t.overdue).length,
    }
  },

  async completeTask({ ctx, input }) {
    const t = await closable(ctx, input.id)
    // Done already (a second tap, another device): the answer is the task as it is.
    if (t.status === 'done') return taskView(t, await memberNames(ctx), dayKey(ctx.now))
    const patch = { status: 'done', doneAt: ctx.now, doneById: ctx.member._id, doneByName: ctx.member.name }
    const updated = await tasks(ctx).updateVersioned(t._id, t.version, patch, ctx.now)
    ctx.audit({ subjectId: t._id, subjectName: t.title, after: { status: 'done' } })
    return taskView(updated, await memberNames(ctx), dayKey(ctx.now))
  },

  async reopenTask({ ctx, input }) {
    const t = await closable(ctx, input.id)
    if (t.status === 'open') return taskView(t, await memberNames(ctx), dayKey(ctx.now))
    const updated = await tasks(ctx).updateVersioned(t._id, t.version, { status: 'open', doneAt: null, doneById: null, doneByName: null }, ctx.now)
    ctx.audit({ subjectId: t._id, subjectName: t.title, after: { status: 'open' } })
    return taskView(updated, await memberNames(ctx), dayKey(ctx.now))
  },
}

function tasks(ctx: MemberCtx) {
  return ctx.repo<TaskRecord>(TASKS)
}

/** A task the caller may close or reopen: their own, or anyone's for a manager or admin. */
async function closable(ctx: MemberCtx, id: string): Promise<TaskRecord> {
  const t = await tasks(ctx).get(id)
  // Someone else's task is not the caller's to see here (as in 我的待办): not found, like another team's.
  if (!t || !mayCloseTask({ memberId: ctx.member._id, roles: ctx.member.roles }, t.ownerId)) throw new AppError('NOT_FOUND', '没有找到你的这条待办（只有负责人或主管可以完成）')
  return t
}

export function taskView(t: TaskRecord, names: Map<string, string>, today: string): TaskView {
  return {
    id: t._id,
    title: t.title,
    dueDay: t.dueDay,
    status: t.status,
    overdue: isOverdue(t, today),
    ownerId: t.ownerId,
    ownerName: names.get(t.ownerId) ?? '',
    sourceLabel: sourceLabel(t.source),
    meetingId: t.source.kind === 'meeting' ? t.source.meetingId : null,
    retrospectiveId: t.source.kind === 'retrospective' ? t.source.retrospectiveId : null,
    doneAt: t.doneAt ? new Date(t.doneAt).toISOString() : null,
    doneByName: t.doneByName,
  }
}
