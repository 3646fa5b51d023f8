// Who hears of a special analysis: the KPI's owners (the managers, by default) when it opens, the admins
// when it is past its due day. In-app notifications (ids fixed per analysis and member, so a rerun adds
// none) plus a subscribe message, whose refusal is ignored as in review/notify.ts.
import { messagePage, ROUTES } from '../../core/routes'
import { dayKey, inChina } from '../../core/time/china'
import type { Role } from '../../core/roles'
import type { AnalysisRecord } from '../common/db/analytics'
import { ANALYSES, MEMBERS, NOTIFICATIONS } from '../common/db/collections'
import type { NotificationRecord } from '../common/db/review'
import type { MemberRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import { cloud, isDuplicateKeyError, type DbLike } from '../common/sdk'

/** Subscribe-message template "任务提醒" (thing1 task, thing2 note, time3 due); unset, a local placeholder the real platform refuses. */
export function analysisTemplateId(): string {
  return process.env.ANALYSIS_TEMPLATE || 'local-analysis-task'
}

/** Default owners of every KPI (PRODUCT.md: "each KPI has an owner; default: the managers"). */
const OWNER_ROLES: Role[] = ['manager']
const OVERDUE_PAGE = 100

/** A team's active members holding one of the roles (one request). */
export function membersWith(db: DbLike, teamId: string, roles: Role[]): Promise<Pick<MemberRecord, '_id' | 'openid' | 'name'>[]> {
  return new Repo<MemberRecord>(db, MEMBERS, teamId).find({ status: 'active', roles: db.command.in(roles) }, { limit: 200, fields: { _id: true, openid: true, name: true } })
}

/** The KPI owners of a team: who is told when an analysis opens (read once per job run and team). */
export function ownersOf(db: DbLike, teamId: string) {
  return membersWith(db, teamId, OWNER_ROLES)
}

async function tell(db: DbLike, a: AnalysisRecord, members: Pick<MemberRecord, '_id' | 'openid' | 'name'>[], kind: 'analysis_opened' | 'analysis_overdue', now: Date): Promise<number> {
  const title = kind === 'analysis_opened' ? `专项分析：${a.title}` : `专项分析已逾期：${a.title}`
  const body = kind === 'analysis_opened' ? `请在 ${a.dueDay} 前完成分析并给出决定（维持目标 / 调整目标 / 行动）` : `截止日期 ${a.dueDay} 已过，仍未结案`
  let n = 0
  for (const m of members) {
    const record: NotificationRecord = { _id: `${a._id}_${kind}_${m._id}`, teamId: a.teamId, memberId: m._id, kind, itemId: a._id, title, body, read: false, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
    try {
      await db.collection(NOTIFICATIONS).add({ data: record as unknown as Record<string, unknown> })
    } catch (e) {
      if (isDuplicateKeyError(e)) continue
      throw e
    }
    n++
    try {
      await (cloud.openapi as unknown as { subscribeMessage: { send(p: unknown): Promise<unknown> } }).subscribeMessage.send({
        touser: m.openid,
        templateId: analysisTemplateId(),
        page: messagePage(ROUTES.analysis, { id: a._id }),
        data: { thing1: { value: a.title.slice(0, 20) }, thing2: { value: kind === 'analysis_opened' ? '待分析' : '已逾期' }, time3: { value: inChina(`${a.dueDay}T18:00:00+08:00`).format('YYYY-MM-DD HH:mm') } },
      })
    } catch {
      // Not granted or not configured: the in-app notification is there.
    }
  }
  return n
}

/** The KPI's owners (the managers) hear that an analysis opened; pass them when already read. */
export async function notifyManagers(db: DbLike, teamId: string, a: AnalysisRecord, owners?: Pick<MemberRecord, '_id' | 'openid' | 'name'>[]): Promise<void> {
  await tell(db, { ...a, teamId }, owners ?? (await ownersOf(db, teamId)), 'analysis_opened', a.openedAt)
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
  for (const m of await ownersOf(db, teamId)) {
    const record: NotificationRecord = { _id: `${teamId}_targets_${period}_${m._id}`, teamId, memberId: m._id, kind: 'targets_due', itemId: period, title, body, read: false, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
    try {
      await db.collection(NOTIFICATIONS).add({ data: record as unknown as Record<string, unknown> })
    } catch (e) {
      if (isDuplicateKeyError(e)) continue
      throw e
    }
    try {
      await (cloud.openapi as unknown as { subscribeMessage: { send(p: unknown): Promise<unknown> } }).subscribeMessage.send({
        touser: m.openid,
        templateId: analysisTemplateId(),
        page: messagePage(ROUTES.targets),
        data: { thing1: { value: title.slice(0, 20) }, thing2: { value: '待设定' }, time3: { value: inChina(now).format('YYYY-MM-DD HH:mm') } },
      })
    } catch {
      // Not granted or not configured: the in-app notification is there.
    }
  }
}

/**
 * A judged week had KPIs 未录入: the people who log numbers (field staff and operators) are reminded,
 * once per team and week, with the week's days and what is missing.
 */
export async function notifyDataMissing(db: DbLike, teamId: string, w: { week: string; from: string; to: string }, labels: string[], now: Date): Promise<void> {
  const title = `上周（${w.from.slice(5)} 至 ${w.to.slice(5)}）有 ${labels.length} 项指标未录入`
  const body = `${labels.join('、')}没有数据，周判定记为「未录入」；请在「填报」补录，补录后看板即更新`
  for (const m of await membersWith(db, teamId, ['field', 'operator'])) {
    const record: NotificationRecord = { _id: `${teamId}_missing_${w.week}_${m._id}`, teamId, memberId: m._id, kind: 'data_missing', itemId: w.week, title, body, read: false, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
    try {
      await db.collection(NOTIFICATIONS).add({ data: record as unknown as Record<string, unknown> })
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e
    }
  }
}
