// The risk register's actions (风险雷达). A risk's score and status change only together with an append-only
// `riskChanges` entry, in one transaction; a signal's suggestion changes nothing until a person accepts it.
import type { steeringContract } from '../../core/api/steering'
import { AppError, fieldError } from '../../core/errors'
import { STAFF_ROLES } from '../../core/roles'
import { RISKS_MAX, type CreateRiskInput, type ProposeRiskInput } from '../../core/steering/riskSchemas'
import { RISK_CATEGORIES, RISK_STATUS_LABELS, heatMap, isOpenRisk, riskRadar, sortRisks, RISK_CATEGORY_LABELS, RISK_MATRIX, type RiskStatus } from '../../core/steering/risks'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { MEMBERS, RISKS, RISK_SUGGESTIONS } from '../common/db/collections'
import type { RiskRecord, RiskSuggestionRecord } from '../common/db/steering'
import type { MemberRecord } from '../common/db/team'
import { getRisk, readRisks, riskDetail, suggestionView, summaryOf } from './riskRead'
import { checkTeamSignals } from './riskSignals'
import { addChange, changeScoreOrStatus, writeOnce } from './riskWrites'
import { baseFields } from '../common/records'

type C = typeof steeringContract

/** The team's staff (who may own a risk), one request. */
function staffOf(ctx: MemberCtx): Promise<Pick<MemberRecord, '_id' | 'name'>[]> {
  return ctx.repo<MemberRecord>(MEMBERS).find({ status: 'active', roles: ctx.db.command.in([...STAFF_ROLES]) }, { limit: 200, fields: { _id: true, name: true } })
}

/** The owner named by the input: an active staff member of the team. */
async function ownerOf(ctx: MemberCtx, id: string): Promise<MemberRecord> {
  const m = await ctx.repo<MemberRecord>(MEMBERS).get(id)
  if (!m || m.status !== 'active' || !m.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))) throw fieldError('ownerId', '负责人：应为团队中的管理员、主管或运营')
  return m
}

/** Signal and KPI as stored: the KPI only when the trigger is linked to a KPI alert. */
function signalFields(input: { signal?: string; kpi?: RiskRecord['kpi'] }): Pick<RiskRecord, 'signal' | 'kpi'> {
  const signal = !input.signal || input.signal === 'none' ? null : (input.signal as RiskRecord['signal'])
  return { signal, kpi: signal === 'kpi' ? (input.kpi ?? null) : null }
}

async function register(ctx: MemberCtx, input: CreateRiskInput | ProposeRiskInput, status: RiskStatus) {
  if ((await ctx.repo<RiskRecord>(RISKS).count({})) >= RISKS_MAX) throw new AppError('CONFLICT', `每个团队最多登记 ${RISKS_MAX} 项风险`)
  const owner = await ownerOf(ctx, input.ownerId ?? ctx.member._id)
  const record: RiskRecord = {
    ...baseFields(ctx, ctx.newId('risk')),
    category: input.category,
    title: input.title,
    description: input.description ?? '',
    likelihood: input.likelihood,
    impact: input.impact,
    status,
    ownerId: owner._id,
    ownerName: owner.name,
    plan: input.plan ?? '',
    trigger: input.trigger ?? '',
    ...signalFields(input),
    reviewDay: input.reviewDay,
    reviewRemindedFor: null,
    createdByName: ctx.member.name,
  }
  await writeOnce(ctx, async (tx) => {
    await tx.collection(RISKS).add({ data: record as unknown as Record<string, unknown> })
    await addChange(tx, ctx, record, { kind: 'created', from: null, reason: status === 'proposed' ? '提议' : '登记' })
  })
  ctx.audit({ subjectId: record._id, subjectName: record.title, detail: { status, likelihood: record.likelihood, impact: record.impact } })
  return riskDetail(ctx, record._id)
}

export const riskHandlers: Pick<
  Handlers<C>,
  'risks' | 'risk' | 'createRisk' | 'proposeRisk' | 'updateRisk' | 'changeRiskScore' | 'changeRiskStatus' | 'acceptRiskSuggestion' | 'dismissRiskSuggestion' | 'checkRiskSignals'
> = {
  /** 5 requests whatever the number of risks: member, team (wrapper), the risks, the open suggestions, the staff. */
  async risks({ ctx }) {
    const [risks, open, staff] = await Promise.all([
      readRisks(ctx),
      ctx.repo<RiskSuggestionRecord>(RISK_SUGGESTIONS).find({ status: 'open' }, { limit: 1000, fields: { _id: true, riskId: true } }),
      staffOf(ctx),
    ])
    const waiting = new Map<string, number>()
    for (const s of open) waiting.set(s.riskId, (waiting.get(s.riskId) ?? 0) + 1)
    const sorted = sortRisks(risks.map((r) => ({ ...r, id: r._id })), dayKey(ctx.now)).map((r) => summaryOf(r, ctx.now, waiting.get(r._id) ?? 0))
    const radar = riskRadar(risks)
    return {
      risks: sorted,
      heat: heatMap(risks),
      matrix: RISK_MATRIX.map((row) => [...row]),
      radar: RISK_CATEGORIES.map((category, i) => ({ category, label: RISK_CATEGORY_LABELS[category], score: radar[i] })),
      overdue: sorted.filter((r) => r.reviewOverdue).length,
      openSuggestions: sorted.filter((r) => isOpenRisk(r.status)).reduce((n, r) => n + r.openSuggestions, 0),
      owners: staff.map((m) => ({ id: m._id, name: m.name })),
    }
  },

  risk: ({ ctx, input }) => riskDetail(ctx, input.id),

  createRisk: ({ ctx, input }) => register(ctx, input, 'watching'),

  /** An operator's risk waits as 待评估 until a manager sets it to 监控中 (or closes it). */
  proposeRisk: ({ ctx, input }) => register(ctx, input, 'proposed'),

  /** The description, owner, plan, trigger and review day; optimistic on `version`. A new review day is reminded again. */
  async updateRisk({ ctx, input }) {
    const { id, version, signal, kpi, ...fields } = input
    const current = await getRisk(ctx, id)
    const patch: Partial<RiskRecord> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    if (signal !== undefined || kpi !== undefined) Object.assign(patch, signalFields({ signal: signal ?? current.signal ?? 'none', kpi: kpi ?? current.kpi ?? undefined }))
    if (patch.signal === 'kpi' && !patch.kpi) throw fieldError('kpi', '关联指标：关联指标预警时请选择指标')
    if (fields.ownerId !== undefined) patch.ownerName = (await ownerOf(ctx, fields.ownerId)).name
    if (fields.reviewDay !== undefined && fields.reviewDay !== current.reviewDay) patch.reviewRemindedFor = null
    await ctx.repo<RiskRecord>(RISKS).updateVersioned(id, version, patch, ctx.now, (c) => summaryOf(c, ctx.now, 0))
    ctx.audit({ subjectId: id, subjectName: current.title, before: current, after: patch })
    return riskDetail(ctx, id)
  },

  async changeRiskScore({ ctx, input }) {
    await changeScoreOrStatus(ctx, input.id, input.version, (r) => {
      if (r.status === 'closed') throw new AppError('CONFLICT', '风险已关闭，重新打开后才能调整评分')
      if (r.likelihood === input.likelihood && r.impact === input.impact) throw fieldError('likelihood', '可能性：评分没有变化')
      return { kind: 'score', patch: { likelihood: input.likelihood, impact: input.impact }, reason: input.reason }
    })
    return riskDetail(ctx, input.id)
  },

  /** 监控中 / 已发生 / 已关闭; from 待评估 to 监控中 is a manager accepting a proposal. */
  async changeRiskStatus({ ctx, input }) {
    await changeScoreOrStatus(ctx, input.id, input.version, (r) => {
      if (r.status === input.status) throw fieldError('status', `状态：已是「${RISK_STATUS_LABELS[r.status]}」`)
      return { kind: 'status', patch: { status: input.status }, reason: input.reason ?? '' }
    })
    return riskDetail(ctx, input.id)
  },

  /** The risk takes the suggested likelihood, with a history entry naming the suggestion; optimistic on the risk's version. */
  async acceptRiskSuggestion({ ctx, input }) {
    const suggestion = await ctx.repo<RiskSuggestionRecord>(RISK_SUGGESTIONS).get(input.id)
    if (!suggestion) throw new AppError('NOT_FOUND', '没有这条建议')
    await changeScoreOrStatus(ctx, suggestion.riskId, input.riskVersion, (r, s) => {
      if (!s || s.status !== 'open') throw new AppError('CONFLICT', '这条建议已处理过')
      if (r.status === 'closed') throw new AppError('CONFLICT', '风险已关闭，不能采纳建议')
      if (r.likelihood >= s.toLikelihood) throw new AppError('CONFLICT', `可能性已是 ${r.likelihood}，不低于建议值，请忽略这条建议`)
      return { kind: 'suggestion', patch: { likelihood: s.toLikelihood }, reason: `采纳建议：${s.reason}`, suggestionId: s._id }
    }, input.id)
    return riskDetail(ctx, suggestion.riskId)
  },

  async dismissRiskSuggestion({ ctx, input }) {
    const repo = ctx.repo<RiskSuggestionRecord>(RISK_SUGGESTIONS)
    const suggestion = await repo.get(input.id)
    if (!suggestion) throw new AppError('NOT_FOUND', '没有这条建议')
    const decided = { status: 'dismissed', decidedBy: ctx.member._id, decidedByName: ctx.member.name, decidedAt: ctx.now, note: input.note ?? '', updatedAt: ctx.now }
    if ((await repo.updateWhere({ _id: input.id, status: 'open' }, decided)) !== 1) throw new AppError('CONFLICT', '这条建议已处理过')
    ctx.audit({ subjectId: suggestion.riskId, detail: { suggestionId: input.id, note: decided.note } })
    return suggestionView({ ...suggestion, ...decided, status: 'dismissed' })
  },

  /** Computes the suggestions and review reminders now instead of at the next hourly run (same step, idempotent). */
  async checkRiskSignals({ ctx }) {
    const result = await checkTeamSignals(ctx.db, ctx.team._id, ctx.now)
    ctx.audit({ detail: { ...result } })
    return result
  },
}
