// Who hears of a special analysis: the KPI's owner (the managers, by default) when it opens, the admins
// when it is past its due day. In-app notifications (ids fixed per analysis and member, so a rerun adds
// none) plus a subscribe message, whose refusal is ignored as in review/notify.ts.
import { messagePage, ROUTES } from '../../core/routes'
import { dayKey, inChina } from '../../core/time/china'
import { KPI_OWNER_ROLES, type Role } from '../../core/roles'
import type { KpiSettings } from '../../core/analytics/kpiSettings'
import type { KpiKey } from '../../core/analytics/schemas'
import type { AnalysisRecord } from '../common/db/analytics'
import { ANALYSES, MEMBERS, NOTIFICATIONS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import type { MemberRecord, TeamRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import { cloud, isDuplicateKeyError, type DbLike } from '../common/sdk'

/** Subscribe-message template "任务提醒" (thing1 task, thing2 note, time3 due); unset, a local placeholder the real platform refuses. */
export function analysisTemplateId(): string {
  return process.env.ANALYSIS_TEMPLATE || 'local-analysis-task'
}

/** Who may own a KPI: its owner closes the special analyses (admin + manager), PRODUCT.md "default: the managers". */
const OVERDUE_PAGE = 100

type Person = Pick<MemberRecord, '_id' | 'openid' | 'name' | 'roles'>

/** A team's active members holding one of the roles (one request). */
export function membersWith(db: DbLike, teamId: string, roles: Role[]): Promise<Person[]> {
  return new Repo<MemberRecord>(db, MEMBERS, teamId).find({ status: 'active', roles: db.command.in(roles) }, { limit: 200, fields: { _id: true, openid: true, name: true, roles: true } })
}

/** The members KPI owners are drawn from (read once per job run and team). */
export function ownersOf(db: DbLike, teamId: string): Promise<Person[]> {
  return membersWith(db, teamId, [...KPI_OWNER_ROLES])
}

/**
 * Who owns a set of KPIs: each KPI's named owner while still an active manager or admin, else the
 * managers; `name` is set only when every KPI has a named owner (else the task reads "负责人：主管").
 *
 * @example
 * ownersFor(['completionRate'], { completionRate: { ownerId: 'm2' } }, staff) //=> { members: [王敏], name: '王敏' }
 */
export function ownersFor(kpis: KpiKey[], settings: KpiSettings | undefined | null, staff: Person[]): { members: Person[]; name: string | null } {
  const managers = staff.filter((m) => m.roles.includes('manager'))
  const named = kpis.map((k) => staff.find((m) => m._id === settings?.[k]?.ownerId) ?? null)
  const members = new Map<string, Person>()
  for (const m of named) if (m) members.set(m._id, m)
  if (named.some((m) => !m)) for (const m of managers) members.set(m._id, m)
  return { members: [...members.values()], name: named.every((m) => m) ? [...new Set(named.map((m) => m!.name))].join('、') : null }
}

interface Subscribe {
  page: string
  thing1: string
  thing2: string
  time3: string
}

/**
 * An in-app notification (its id fixed by the caller, so a rerun adds none) and, when given, a
 * subscribe message, whose refusal is ignored: the in-app one is there. False when it already existed.
 */
async function deliver(db: DbLike, record: NotificationRecord, to: Pick<MemberRecord, 'openid'>, sub?: Subscribe): Promise<boolean> {
  try {
    await db.collection(NOTIFICATIONS).add({ data: record as unknown as Record<string, unknown> })
  } catch (e) {
    if (isDuplicateKeyError(e)) return false
    throw e
  }
  if (!sub) return true
  try {
    await (cloud.openapi as unknown as { subscribeMessage: { send(p: unknown): Promise<unknown> } }).subscribeMessage.send({
      touser: to.openid,
      templateId: analysisTemplateId(),
      page: sub.page,
      data: { thing1: { value: sub.thing1.slice(0, 20) }, thing2: { value: sub.thing2 }, time3: { value: sub.time3 } },
    })
  } catch {
    // Not granted or not configured: the in-app notification is there.
  }
  return true
}

const note = (teamId: string, id: string, memberId: string, kind: NotificationRecord['kind'], itemId: string, title: string, body: string, now: Date): NotificationRecord => ({
  _id: id,
  teamId,
  memberId,
  kind,
  itemId,
  title,
  body,
  read: false,
  createdAt: now,
  updatedAt: now,
  createdBy: 'system',
  version: 0,
})

async function tell(db: DbLike, a: AnalysisRecord, members: Person[], kind: 'analysis_opened' | 'analysis_overdue', now: Date): Promise<number> {
  const opened = kind === 'analysis_opened'
  const title = opened ? `专项分析：${a.title}` : `专项分析已逾期：${a.title}`
  const body = opened ? `请在 ${a.dueDay} 前完成分析并给出决定（维持目标 / 调整目标 / 行动）` : `截止日期 ${a.dueDay} 已过，仍未结案`
  const sub = { page: messagePage(ROUTES.analysis, { id: a._id }), thing1: a.title, thing2: opened ? '待分析' : '已逾期', time3: inChina(`${a.dueDay}T18:00:00+08:00`).format('YYYY-MM-DD HH:mm') }
  let n = 0
  for (const m of members) if (await deliver(db, note(a.teamId, `${a._id}_${kind}_${m._id}`, m._id, kind, a._id, title, body, now), m, sub)) n++
  return n
}

/** The analysis's owners (its KPIs' owners, else the managers) hear that it opened; pass `staff` when already read. */
export async function notifyOwners(db: DbLike, team: Pick<TeamRecord, '_id' | 'kpiSettings'>, a: AnalysisRecord, staff?: Person[]): Promise<void> {
  const { members } = ownersFor(a.kpis, team.kpiSettings, staff ?? (await ownersOf(db, team._id)))
  await tell(db, { ...a, teamId: team._id }, members, 'analysis_opened', a.openedAt)
}

/** Open analyses past their due day, across teams: their admins are told once. */
export async function notifyOverdue(db: DbLike, now: Date): Promise<number> {
  const _ = db.command
  const today = dayKey(now)
  const due = (await db.collection(ANALYSES).where({ status: 'open', dueDay: _.lt(today), overdueNotifiedAt: null }).limit(OVERDUE_PAGE).get()).data as unknown as AnalysisRecord[]
  for (const a of due) {
    await tell(db, a, await membersWith(db, a.teamId, ['admin']), 'analysis_overdue', now)
    await db.collection(ANALYSES).doc(a._id).update({ data: { overdueNotifiedAt: now } })
  }
  return due.length
}

/** The managers are reminded to set the next period's targets (once per period: the id carries it). */
export async function notifyTargetsDue(db: DbLike, teamId: string, period: string, title: string, body: string, now: Date): Promise<void> {
  const sub = { page: messagePage(ROUTES.targets), thing1: title, thing2: '待设定', time3: inChina(now).format('YYYY-MM-DD HH:mm') }
  for (const m of await membersWith(db, teamId, ['manager'])) await deliver(db, note(teamId, `${teamId}_targets_${period}_${m._id}`, m._id, 'targets_due', period, title, body, now), m, sub)
}

/**
 * A judged week had KPIs 未录入: the people who log numbers (field staff and operators) are reminded,
 * once per team and week, with the week's days and what is missing (in-app only).
 */
export async function notifyDataMissing(db: DbLike, teamId: string, w: { week: string; from: string; to: string }, labels: string[], now: Date): Promise<void> {
  const title = `上周（${w.from.slice(5)} 至 ${w.to.slice(5)}）有 ${labels.length} 项指标未录入`
  const body = `${labels.join('、')}没有数据，周判定记为「未录入」；请在「填报」补录，补录后看板即更新`
  for (const m of await membersWith(db, teamId, ['field', 'operator'])) await deliver(db, note(teamId, `${teamId}_missing_${w.week}_${m._id}`, m._id, 'data_missing', w.week, title, body, now), m)
}

/**
 * A report the timer wrote for the latest period is ready: managers and operators hear of it, once per
 * report and member (a catch-up of older periods tells no one: the latest is what they will read).
 */
export async function notifyReportReady(db: DbLike, teamId: string, r: { id: string; title: string; headline: string }, now: Date): Promise<void> {
  const sub = { page: messagePage(ROUTES.report, { id: r.id }), thing1: r.title, thing2: '已生成', time3: inChina(now).format('YYYY-MM-DD HH:mm') }
  for (const m of await membersWith(db, teamId, ['manager', 'operator'])) {
    await deliver(db, note(teamId, `${r.id}_ready_${m._id}`, m._id, 'report_ready', r.id, `${r.title} 已生成`, r.headline, now), m, sub)
  }
}
