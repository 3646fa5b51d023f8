import type { analyticsContract } from '../../core/api/analytics'
import {
  ALERT_STATUS_LABELS,
  ANALYSIS_DUE_WORKING_DAYS,
  ANALYSIS_STATUS_LABELS,
  DECISION_LABELS,
  MARKET_EVENT_LABELS,
  workingDaysAfter,
  type AlertView,
  type AnalysisSummary,
  type AnalysisView,
} from '../../core/analytics/alerts'
import { alertText, buildEvidence, weekEvidence } from '../../core/analytics/evidence'
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { KPIS } from '../../core/analytics/schemas'
import { weekResult } from '../../core/analytics/weekly'
import { AppError } from '../../core/errors'
import { formatKpiTarget } from '../../core/format'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import type { AlertRecord, AnalysisDecision, AnalysisRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, ITEMS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { docIn, isConflict } from '../common/transaction'
import { notifyOwners, ownersFor, ownersOf } from './notices'
import { reviseTargetIn } from './revise'
import { targetsOf } from './read'
import { isOverdue, judgedWeeks, readSource, withSeries } from './weekly'
import { baseFields } from '../common/records'

type C = typeof analyticsContract

/** Alerts shown on 看板: the open and recovering ones, newest first. */
const ALERTS_SHOWN = 20
const ANALYSES_SHOWN = 50

/** The open and recovering alerts of the caller's team (one request), the ones to act on first. */
export async function openAlerts(ctx: Pick<MemberCtx, 'db' | 'repo'>): Promise<AlertView[]> {
  const list = await ctx.repo<AlertRecord>(ALERTS).find({ status: ctx.db.command.in(['open', 'recovering']) }, { orderBy: ['createdAt', 'desc'], limit: ALERTS_SHOWN })
  // 预警中 before 恢复中, then in the KPI table's order (core KPIs first), so the first three shown are the ones to act on.
  const rank = (a: AlertRecord) => (a.status === 'open' ? 0 : 1) * KPIS.length + KPIS.indexOf(a.kpi)
  return list.sort((a, b) => rank(a) - rank(b)).map((a) => ({
    id: a._id,
    kpi: a.kpi,
    label: KPI_DEFS[a.kpi].label,
    status: a.status,
    statusLabel: ALERT_STATUS_LABELS[a.status],
    text: alertText(a.kpi, a.status),
    weeks: a.weeks.map((w) => weekEvidence(a.kpi, w)),
    analysisId: a.analysisId,
    dueDay: a.dueDay,
  }))
}

/** The team's open special analyses, earliest due first (one request; the 日报 lists them). */
export async function openAnalyses(ctx: Pick<MemberCtx, 'repo' | 'now'>): Promise<AnalysisSummary[]> {
  const list = await ctx.repo<AnalysisRecord>(ANALYSES).find({ status: 'open' }, { orderBy: ['dueDay', 'asc'], limit: ALERTS_SHOWN, fields: { evidence: false } })
  const today = dayKey(ctx.now)
  return list.map((a) => summary(a, today))
}

function triggerText(a: AnalysisRecord): string {
  if (a.trigger.kind === 'alert') return `连续两周未达标（${a.trigger.runFrom.slice(5)} 那周起）`
  return `${MARKET_EVENT_LABELS[a.trigger.event]}：${a.trigger.description}`
}

function summary(a: AnalysisRecord, today: string): AnalysisSummary {
  return {
    id: a._id,
    title: a.title,
    kpis: a.kpis,
    status: a.status,
    statusLabel: isOverdue(a, today) ? '已逾期' : ANALYSIS_STATUS_LABELS[a.status],
    triggerText: triggerText(a),
    dueDay: a.dueDay,
    overdue: isOverdue(a, today),
    openedAt: new Date(a.openedAt).toISOString(),
    decisionLabel: a.decision ? DECISION_LABELS[a.decision.kind] : null,
    ownerText: `负责人：${a.ownerName ?? '主管'}`,
  }
}

function view(a: AnalysisRecord, today: string): AnalysisView {
  const d = a.decision
  return {
    ...summary(a, today),
    evidence: a.evidence,
    findings: a.findings,
    decision: d
      ? { kind: d.kind, label: DECISION_LABELS[d.kind], kpi: d.kpi, valueDisplay: d.kpi && d.value !== null ? formatKpiTarget(KPI_DEFS[d.kpi], d.value) : null, reason: d.reason, items: d.items }
      : null,
    closedByName: a.closedByName,
    closedAt: a.closedAt ? new Date(a.closedAt).toISOString() : null,
    version: a.version,
  }
}

const stale = () => new AppError('CONFLICT', '专项分析已被他人更新，请刷新后再试')

export const alertHandlers: Pick<Handlers<C>, 'alerts' | 'analyses' | 'analysis' | 'closeAnalysis' | 'reportEvent'> = {
  async alerts({ ctx }) {
    return openAlerts(ctx)
  },

  async analyses({ ctx }) {
    const today = dayKey(ctx.now)
    const list = await ctx.repo<AnalysisRecord>(ANALYSES).find({}, { orderBy: ['openedAt', 'desc'], limit: ANALYSES_SHOWN, fields: { evidence: false } })
    // Open ones first (overdue at the top), then the closed, each newest first.
    const rank = (a: AnalysisRecord) => (a.status === 'open' ? (isOverdue(a, today) ? 0 : 1) : 2)
    return list.sort((a, b) => rank(a) - rank(b)).map((a) => summary(a, today))
  },

  async analysis({ ctx, input }) {
    const a = await ctx.repo<AnalysisRecord>(ANALYSES).get(input.id)
    if (!a) throw new AppError('NOT_FOUND', '专项分析不存在')
    return view(a, dayKey(ctx.now))
  },

  async closeAnalysis({ ctx, input }) {
    const a = await ctx.repo<AnalysisRecord>(ANALYSES).get(input.id)
    if (!a) throw new AppError('NOT_FOUND', '专项分析不存在')
    if (a.status === 'closed') throw new AppError('CONFLICT', '专项分析已结案')
    if (a.version !== input.version) throw stale()
    let decision: AnalysisDecision = { kind: input.decision, kpi: null, value: null, reason: input.reason ?? null, items: [] }
    if (input.decision === 'adjust') {
      const kpi = input.kpi ?? (a.kpis.length === 1 ? a.kpis[0] : undefined)
      if (!kpi || !a.kpis.includes(kpi)) throw new AppError('VALIDATION', '指标：请选择本次分析涉及的指标', { fields: [{ path: 'kpi', message: '指标：请选择本次分析涉及的指标' }] })
      decision = { ...decision, kpi, value: input.value! }
    }
    if (input.decision === 'action') {
      const ids = [...new Set(input.itemIds!)]
      const found = await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { _id: true, title: true } })
      if (found.length !== ids.length) throw new AppError('VALIDATION', '行动内容：所选选题不存在或已删除', { fields: [{ path: 'itemIds', message: '行动内容：所选选题不存在或已删除' }] })
      const title = new Map(found.map((i) => [i._id, i.title]))
      decision = { ...decision, items: ids.map((id) => ({ id, title: title.get(id)! })) }
    }
    const closed = { status: 'closed' as const, findings: input.findings, decision, closedByName: ctx.member.name, closedAt: ctx.now, updatedAt: ctx.now, version: a.version + 1 }
    try {
      // The decision, its target revision (linked to this analysis) and the alert's end commit together.
      await ctx.db.runTransaction(async (tx) => {
        const cur = await docIn<AnalysisRecord>(tx, ANALYSES, a._id)
        if (!cur || cur.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '专项分析不存在')
        if (cur.status === 'closed') throw new AppError('CONFLICT', '专项分析已结案')
        if (cur.version !== input.version) throw stale()
        if (decision.kind === 'adjust') await reviseTargetIn(tx, ctx, { kpi: decision.kpi!, value: decision.value, reason: `专项分析「${a.title}」：${input.reason!}`, analysisId: a._id, trigger: 'analysis' })
        await tx.collection(ANALYSES).doc(a._id).update({ data: closed as unknown as Record<string, unknown> })
        if (a.trigger.kind === 'alert') await tx.collection(ALERTS).doc(a.trigger.alertId).update({ data: { status: 'ended', endedAt: ctx.now, updatedAt: ctx.now } })
      })
    } catch (e) {
      if (e instanceof AppError) throw e
      if (isConflict(e)) throw stale()
      throw e
    }
    ctx.audit({ subjectId: a._id, subjectName: a.title, detail: { decision: DECISION_LABELS[decision.kind], findings: input.findings, kpi: decision.kpi, value: decision.value, reason: decision.reason } })
    return view({ ...a, ...closed }, dayKey(ctx.now))
  },

  async reportEvent({ ctx, input }) {
    const kpis = [...new Set(input.kpis)]
    // The evidence is the last two judged weeks, judged as the weekly job judges them.
    const weeks = judgedWeeks(ctx.now, 2)
    const src = await readSource(ctx.db, ctx.team, { from: weeks[0].from, to: weeks[1].to })
    const source = await withSeries(ctx.db, ctx.team._id, src, weeks[0].from)
    const targets = targetsOf(ctx.team, ctx.now)
    const evidence = kpis.map((k) => buildEvidence(k, weeks.map((w) => weekResult(k, src.data, w, targets.get(k)!, src.plan)), source))
    const staff = await ownersOf(ctx.db, ctx.team._id)
    const a: AnalysisRecord = {
      ...baseFields(ctx, ctx.newId('analysis')),
      title: `${MARKET_EVENT_LABELS[input.kind]}：${kpis.map((k) => KPI_DEFS[k].label).join('、')}`,
      kpis,
      ownerName: ownersFor(kpis, ctx.team.kpiSettings, staff).name,
      trigger: { kind: 'event', event: input.kind, description: input.description },
      status: 'open',
      dueDay: workingDaysAfter(dayKey(ctx.now), ANALYSIS_DUE_WORKING_DAYS),
      evidence,
      findings: null,
      decision: null,
      closedByName: null,
      closedAt: null,
      openedAt: ctx.now,
      overdueNotifiedAt: null,
    }
    await ctx.db.collection(ANALYSES).add({ data: a as unknown as Record<string, unknown> })
    await notifyOwners(ctx.db, ctx.team, a, staff)
    ctx.audit({ subjectId: a._id, subjectName: a.title, detail: { kind: MARKET_EVENT_LABELS[input.kind], description: input.description } })
    return summary(a, dayKey(ctx.now))
  },
}
