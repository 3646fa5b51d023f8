// What the app already measures, turned into suggestions on linked risks, and the review reminders.
// Computed by the steering function's hourly timer (at :45, after analytics' :30 run has opened the hour's
// alerts and written the 日报) and on a manager's 检查信号; both run `checkTeamSignals`, which is idempotent:
// a suggestion's id names the risk and the signal's occurrence, a reminder's id the risk and its review day.
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { ALERT_STATUS_LABELS } from '../../core/analytics/alerts'
import type { SignalCheck } from '../../core/steering/riskSchemas'
import { RISKS_MAX } from '../../core/steering/riskSchemas'
import { RISK_SIGNAL_LABELS, isOpenRisk, isReviewDue, suggestLikelihood, type FiredSignal } from '../../core/steering/risks'
import { addDays, dayKey, isoWeekKey } from '../../core/time/china'
import type { AlertRecord } from '../common/db/analytics'
import { ALERTS, NOTIFICATIONS, REPORTS, RISKS, RISK_SUGGESTIONS } from '../common/db/collections'
import { forEachTeam } from '../common/everyTeam'
import type { ReportRecord } from '../common/db/reports'
import type { NotificationRecord } from '../common/db/review'
import type { RiskRecord, RiskSuggestionRecord } from '../common/db/steering'
import { Repo } from '../common/repo'
import { isDuplicateKeyError, type DbLike } from '../common/sdk'

/** The timer stops starting teams after this long (teams are few; a later one waits for the next hour). */
const BUDGET_MS = 15_000
/** A 日报 older than this says nothing about today (the analytics timer has not run): its counts are not a signal. */
const REPORT_FRESH_DAYS = 2

/** The signals firing for a team now: its open KPI alerts, and the latest 日报's overdue reviews and missing numbers. */
export async function firedSignals(db: DbLike, teamId: string, now: Date, kinds: Set<string>): Promise<FiredSignal[]> {
  const fired: FiredSignal[] = []
  const [alerts, reports] = await Promise.all([
    kinds.has('kpi') ? new Repo<AlertRecord>(db, ALERTS, teamId).find({ status: 'open' }, { orderBy: ['createdAt', 'desc'], limit: 50, fields: { _id: true, kpi: true, runStart: true, status: true } }) : [],
    kinds.has('reviewsOverdue') || kinds.has('missingNumbers')
      ? new Repo<ReportRecord>(db, REPORTS, teamId).find({ current: true, kind: 'daily' }, { orderBy: ['to', 'desc'], limit: 1, fields: { _id: true, period: true, counts: true } })
      : [],
  ])
  for (const a of alerts) {
    fired.push({ kind: 'kpi', kpi: a.kpi, key: `${a.kpi}_${a.runStart}`, text: `「${KPI_DEFS[a.kpi].label}」连续两周未达标（${ALERT_STATUS_LABELS[a.status]}，自 ${a.runStart} 起）` })
  }
  const daily = reports[0]
  if (daily && daily.period >= addDays(dayKey(now), -REPORT_FRESH_DAYS)) {
    const week = isoWeekKey(daily.period)
    if (daily.counts.overdueReviews > 0) fired.push({ kind: 'reviewsOverdue', key: `reviews_${week}`, text: `${daily.period} 日报：${daily.counts.overdueReviews} 条评审超时` })
    if (daily.counts.missing > 0) fired.push({ kind: 'missingNumbers', key: `missing_${week}`, text: `${daily.period} 日报：${daily.counts.missing} 条已发布作品缺少数据` })
  }
  return fired
}

/** An in-app notice with a fixed id (false when it was sent before). */
async function notify(db: DbLike, n: Omit<NotificationRecord, 'read' | 'createdAt' | 'updatedAt' | 'createdBy' | 'version'>, now: Date): Promise<boolean> {
  const record: NotificationRecord = { ...n, read: false, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
  try {
    await db.collection(NOTIFICATIONS).add({ data: record as unknown as Record<string, unknown> })
    return true
  } catch (e) {
    if (isDuplicateKeyError(e)) return false
    throw e
  }
}

/** One team: new suggestions on risks linked to a firing signal, and reminders of reviews due. */
export async function checkTeamSignals(db: DbLike, teamId: string, now: Date): Promise<SignalCheck> {
  const risks = (await new Repo<RiskRecord>(db, RISKS, teamId).find({}, { limit: RISKS_MAX })).filter((r) => isOpenRisk(r.status))
  const linked = risks.filter((r) => r.signal)
  let created = 0
  if (linked.length) {
    const suggestions = new Repo<RiskSuggestionRecord>(db, RISK_SUGGESTIONS, teamId)
    const [fired, waiting] = await Promise.all([
      firedSignals(db, teamId, now, new Set(linked.map((r) => r.signal!))),
      suggestions.find({ status: 'open' }, { limit: 1000, fields: { _id: true, riskId: true, signalKind: true } }),
    ])
    const drafts = suggestLikelihood(
      linked.map((r) => ({ id: r._id, likelihood: r.likelihood, status: r.status, signal: r.signal === 'kpi' ? { kind: 'kpi', kpi: r.kpi! } : { kind: r.signal! } })),
      fired,
      waiting,
    )
    for (const d of drafts) {
      const risk = linked.find((r) => r._id === d.riskId)!
      const record: RiskSuggestionRecord = {
        _id: d.id, teamId, riskId: d.riskId, signalKind: d.signalKind, fromLikelihood: d.fromLikelihood, toLikelihood: d.toLikelihood, reason: d.reason,
        status: 'open', decidedBy: null, decidedByName: null, decidedAt: null, note: '', createdAt: now, updatedAt: now, createdBy: 'system', version: 0,
      }
      const { created: isNew } = await suggestions.insertOnce(record)
      if (!isNew) continue
      created++
      await notify(db, { _id: `${d.id}_${risk.ownerId}`.slice(0, 120), teamId, memberId: risk.ownerId, kind: 'risk_suggestion', itemId: risk._id, title: `风险建议：${risk.title}`, body: `${RISK_SIGNAL_LABELS[d.signalKind]}：${d.reason}。建议可能性 ${d.fromLikelihood}→${d.toLikelihood}，请采纳或忽略` }, now)
    }
  }
  let reminded = 0
  const today = dayKey(now)
  for (const r of risks.filter((r) => isReviewDue({ status: r.status, reviewDay: r.reviewDay }, today) && r.reviewRemindedFor !== r.reviewDay)) {
    const title = `风险复查到期：${r.title}`
    const body = r.reviewDay < today ? `复查日期 ${r.reviewDay} 已过，请复查并更新评分或状态` : `今天（${r.reviewDay}）需要复查，请更新评分或状态`
    if (await notify(db, { _id: `${r._id}_review_${r.reviewDay}`, teamId, memberId: r.ownerId, kind: 'risk_review_due', itemId: r._id, title, body }, now)) reminded++
    // Bookkeeping, not an edit: the version stays, so nobody's open form turns stale.
    await db.collection(RISKS).doc(r._id).update({ data: { reviewRemindedFor: r.reviewDay } })
  }
  return { created, reminded }
}

/** The hourly timer step: every team, page by page, within a time budget. */
export async function risksAllTeams(db: DbLike, now: Date): Promise<{ teams: number; finished: boolean }> {
  return forEachTeam(db, Date.now() + BUDGET_MS, async (teamId) => {
    // One team's failure must not stop the others; it is retried next hour.
    await checkTeamSignals(db, teamId, now).catch((e) => console.error(`risk signals of team ${teamId} failed`, e))
  })
}
