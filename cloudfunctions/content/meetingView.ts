// A meeting as its page shows it: people's names, the agenda's current titles, each decision's task,
// the carried-over decisions of earlier meetings of the kind, and a 复盘会's plan against the target in force.
import { contentTargets, teamTargetsOn } from '../../core/analytics/targets'
import { MEETING_KIND_LABELS, type CarriedDecision, type MeetingView } from '../../core/content/meetings'
import { decisionTaskId, isOverdue } from '../../core/content/tasks'
import { STAFF_ROLES } from '../../core/roles'
import { dayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { ITEMS, TASKS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { MeetingRecord, TaskRecord } from '../common/db/meetings'
import { memberNames } from './shared'

export function isStaff(ctx: MemberCtx): boolean {
  return ctx.member.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))
}

export async function tasksByIds(ctx: MemberCtx, ids: string[]): Promise<Map<string, TaskRecord>> {
  if (!ids.length) return new Map()
  const list = await ctx.repo<TaskRecord>(TASKS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length })
  return new Map(list.map((t) => [t._id, t]))
}

/** The decisions carried into `m` from earlier meetings of its kind, with where each stands now (removed ones left out). */
export async function carriedOf(ctx: MemberCtx, m: MeetingRecord, names: Map<string, string>): Promise<CarriedDecision[]> {
  const byId = await tasksByIds(ctx, m.carriedTaskIds)
  const today = dayKey(ctx.now)
  return m.carriedTaskIds.flatMap((id) => {
    const t = byId.get(id)
    // Carried tasks are meeting decisions by construction (found by their meeting group).
    if (!t || t.source.kind !== 'meeting') return []
    return [{
      taskId: t._id,
      title: t.title,
      ownerId: t.ownerId,
      ownerName: names.get(t.ownerId) ?? '',
      dueDay: t.dueDay,
      meetingDay: t.source.meetingDay,
      status: t.status,
      overdue: isOverdue(t, today),
      doneAt: t.doneAt ? new Date(t.doneAt).toISOString() : null,
    }]
  })
}

export async function meetingView(ctx: MemberCtx, m: MeetingRecord): Promise<MeetingView> {
  const names = await memberNames(ctx)
  const agendaIds = m.agenda.map((a) => a.itemId)
  const [items, own, carried] = await Promise.all([
    agendaIds.length
      ? ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(agendaIds) }, { fields: { _id: true, title: true, status: true, day: true }, limit: agendaIds.length })
      : Promise.resolve([]),
    tasksByIds(ctx, m.decisions.map((d) => decisionTaskId(m._id, d.id))),
    carriedOf(ctx, m, names),
  ])
  const itemById = new Map(items.map((i) => [i._id, i]))
  const today = dayKey(ctx.now)
  const plan = m.reviewPlan
  return {
    id: m._id,
    kind: m.kind,
    kindLabel: MEETING_KIND_LABELS[m.kind],
    day: m.day,
    status: m.status,
    version: m.version,
    attendees: m.attendeeIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    agenda: m.agenda.map((a) => {
      const i = itemById.get(a.itemId)
      return { itemId: a.itemId, title: i?.title ?? a.title, status: i?.status ?? null, day: i?.day ?? null }
    }),
    notes: m.notes,
    decisions: m.decisions.map((d) => {
      const t = own.get(decisionTaskId(m._id, d.id))
      const status = t?.status ?? 'open'
      return { ...d, ownerName: names.get(d.ownerId) ?? '', taskStatus: status, overdue: isOverdue({ status, dueDay: d.dueDay }, today) }
    }),
    carried,
    reviewPlan: plan
      ? { ...plan, introTarget: contentTargets(teamTargetsOn(ctx.team, `${plan.month}-01`)).maxIntroShare }
      : null,
    summary: m.summary,
    createdByName: names.get(m.createdBy) ?? '',
    endedAt: m.endedAt ? new Date(m.endedAt).toISOString() : null,
  }
}
