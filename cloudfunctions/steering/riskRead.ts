// The risk register's reads: a team's risks (one request), one risk with its history and suggestions, and
// the views the actions answer with.
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { AppError } from '../../core/errors'
import { RISKS_MAX, RISK_HISTORY_SHOWN, type RiskChangeView, type RiskDetail, type RiskSuggestionView, type RiskSummary, type RiskView } from '../../core/steering/riskSchemas'
import {
  RISK_CATEGORY_LABELS,
  RISK_LEVEL_LABELS,
  RISK_SIGNAL_LABELS,
  RISK_STATUS_LABELS,
  isReviewOverdue,
  riskLevel,
  riskScore,
} from '../../core/steering/risks'
import { dayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { RISKS, RISK_CHANGES, RISK_SUGGESTIONS } from '../common/db/collections'
import type { RiskChangeRecord, RiskRecord, RiskSuggestionRecord } from '../common/db/steering'

/** Every risk of the caller's team (closed ones included), one request. */
export function readRisks(ctx: Pick<MemberCtx, 'repo'>): Promise<RiskRecord[]> {
  return ctx.repo<RiskRecord>(RISKS).find({}, { limit: RISKS_MAX })
}

export async function getRisk(ctx: Pick<MemberCtx, 'repo'>, id: string): Promise<RiskRecord> {
  const risk = await ctx.repo<RiskRecord>(RISKS).get(id)
  if (!risk) throw new AppError('NOT_FOUND', '没有这个风险')
  return risk
}

export function summaryOf(r: RiskRecord, now: Date, openSuggestions: number): RiskSummary {
  const level = riskLevel(r.likelihood, r.impact)
  return {
    id: r._id,
    category: r.category,
    categoryLabel: RISK_CATEGORY_LABELS[r.category],
    title: r.title,
    likelihood: r.likelihood,
    impact: r.impact,
    score: riskScore(r.likelihood, r.impact),
    level,
    levelLabel: RISK_LEVEL_LABELS[level],
    status: r.status,
    statusLabel: RISK_STATUS_LABELS[r.status],
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    reviewDay: r.reviewDay,
    reviewOverdue: isReviewOverdue(r, dayKey(now)),
    openSuggestions,
    version: r.version,
  }
}

/** "指标预警：完播率", "评审超时", or "" when the trigger has no link. */
export function signalLabel(r: Pick<RiskRecord, 'signal' | 'kpi'>): string {
  if (!r.signal) return ''
  return r.signal === 'kpi' && r.kpi ? `${RISK_SIGNAL_LABELS.kpi}：${KPI_DEFS[r.kpi].label}` : RISK_SIGNAL_LABELS[r.signal]
}

export function viewOf(r: RiskRecord, now: Date, openSuggestions: number): RiskView {
  return {
    ...summaryOf(r, now, openSuggestions),
    description: r.description,
    plan: r.plan,
    trigger: r.trigger,
    signal: r.signal ?? 'none',
    kpi: r.kpi,
    signalLabel: signalLabel(r),
    createdByName: r.createdByName,
  }
}

const rated = (v: { likelihood: number; impact: number }) => {
  const score = riskScore(v.likelihood, v.impact)
  return { score, level: RISK_LEVEL_LABELS[riskLevel(v.likelihood, v.impact)] }
}

/** One history entry in words: "可能性 2→3，影响 4→4（评分 8→12，中→高）", "监控中→已关闭", "登记：可能性 2，影响 4（评分 8，中）". */
export function changeText(c: Pick<RiskChangeRecord, 'kind' | 'from' | 'to'>): string {
  const to = rated(c.to)
  if (!c.from) return `登记为${RISK_STATUS_LABELS[c.to.status]}：可能性 ${c.to.likelihood}，影响 ${c.to.impact}（评分 ${to.score}，${to.level}）`
  if (c.kind === 'status') return `${RISK_STATUS_LABELS[c.from.status]} → ${RISK_STATUS_LABELS[c.to.status]}`
  const from = rated(c.from)
  return `可能性 ${c.from.likelihood}→${c.to.likelihood}，影响 ${c.from.impact}→${c.to.impact}（评分 ${from.score}→${to.score}，${from.level}→${to.level}）`
}

export function changeView(c: RiskChangeRecord): RiskChangeView {
  return { id: c._id, kind: c.kind, text: changeText(c), reason: c.reason, byName: c.byName, at: new Date(c.at).toISOString() }
}

const SUGGESTION_STATUS_LABELS: Record<RiskSuggestionRecord['status'], string> = { open: '待处理', accepted: '已采纳', dismissed: '已忽略' }

export function suggestionView(s: RiskSuggestionRecord): RiskSuggestionView {
  return {
    id: s._id,
    riskId: s.riskId,
    signalLabel: RISK_SIGNAL_LABELS[s.signalKind],
    fromLikelihood: s.fromLikelihood,
    toLikelihood: s.toLikelihood,
    reason: s.reason,
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    decidedByName: s.decidedByName,
    at: new Date(s.decidedAt ?? s.createdAt).toISOString(),
  }
}

/** A risk with its history and its suggestions, newest first: 3 requests. */
export async function riskDetail(ctx: Pick<MemberCtx, 'repo' | 'now'>, id: string): Promise<RiskDetail> {
  const [risk, changes, suggestions] = await Promise.all([
    getRisk(ctx, id),
    ctx.repo<RiskChangeRecord>(RISK_CHANGES).find({ riskId: id }, { orderBy: ['at', 'desc'], limit: RISK_HISTORY_SHOWN }),
    ctx.repo<RiskSuggestionRecord>(RISK_SUGGESTIONS).find({ riskId: id }, { orderBy: ['createdAt', 'desc'], limit: RISK_HISTORY_SHOWN }),
  ])
  // Open suggestions first: they wait for an answer.
  const ordered = [...suggestions.filter((s) => s.status === 'open'), ...suggestions.filter((s) => s.status !== 'open')]
  return {
    risk: viewOf(risk, ctx.now, ordered.filter((s) => s.status === 'open').length),
    changes: changes.map(changeView),
    suggestions: ordered.map(suggestionView),
  }
}
