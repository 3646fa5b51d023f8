// The risk register's action inputs and views (the rules are in risks.ts).
import { z } from 'zod'
import { dayKeySchema, idSchema, versionSchema, visibleText } from '../atoms'
import { KPIS, type KpiKey } from '../analytics/schemas'
import type { DayKey } from '../time/china'
import {
  RATING_MAX,
  RATING_MIN,
  RISK_CATEGORIES,
  RISK_SIGNALS,
  type RiskCategory,
  type RiskLevel,
  type RiskSignalKind,
  type RiskStatus,
} from './risks'

/** Risks a team keeps (closed ones included): the list, heat map and radar read them in one request. */
export const RISKS_MAX = 200
/** History entries and suggestions a risk's page shows (newest first). */
export const RISK_HISTORY_SHOWN = 50

function rating(label: string) {
  return z.number({ invalid_type_error: '请选择 1–5' }).int('应为 1–5 的整数').min(RATING_MIN, '最小为 1').max(RATING_MAX, '最大为 5').describe(label)
}

const reasonSchema = visibleText('原因', 200)

/** The trigger's optional link: none, a KPI (then `kpi` names it), overdue reviews or missing numbers. */
const signalSchema = z.enum(['none', ...RISK_SIGNALS]).describe('关联信号')

const riskFields = {
  category: z.enum(RISK_CATEGORIES).describe('风险类别'),
  title: visibleText('风险名称', 40),
  description: visibleText('风险描述', 500, { min: 0 }).optional(),
  ownerId: idSchema('负责人'),
  plan: visibleText('应对预案', 500, { min: 0 }).optional(),
  trigger: visibleText('触发指标', 200, { min: 0 }).optional(),
  signal: signalSchema.optional(),
  kpi: z.enum(KPIS).describe('关联指标').optional(),
  reviewDay: dayKeySchema('复查日期'),
}

function kpiWhenLinked(v: { signal?: string; kpi?: string }, ctx: z.RefinementCtx) {
  if (v.signal === 'kpi' && !v.kpi) ctx.addIssue({ code: 'custom', path: ['kpi'], message: '关联指标预警时请选择指标' })
}

export const createRiskInput = z
  .object({ ...riskFields, likelihood: rating('可能性'), impact: rating('影响程度') })
  .strict()
  .superRefine(kpiWhenLinked)

/** An operator's proposal: the same fields, the owner defaulting to the proposer. */
export const proposeRiskInput = z
  .object({ ...riskFields, ownerId: riskFields.ownerId.optional(), likelihood: rating('可能性'), impact: rating('影响程度') })
  .strict()
  .superRefine(kpiWhenLinked)

/** Everything but the score and the status, which have their own actions (and history). */
export const updateRiskInput = z
  .object({
    id: idSchema('风险'),
    version: versionSchema,
    category: riskFields.category.optional(),
    title: riskFields.title.optional(),
    description: riskFields.description,
    ownerId: riskFields.ownerId.optional(),
    plan: riskFields.plan,
    trigger: riskFields.trigger,
    signal: riskFields.signal,
    kpi: riskFields.kpi,
    reviewDay: riskFields.reviewDay.optional(),
  })
  .strict()
  .superRefine(kpiWhenLinked)

export const changeRiskScoreInput = z
  .object({ id: idSchema('风险'), version: versionSchema, likelihood: rating('可能性'), impact: rating('影响程度'), reason: reasonSchema })
  .strict()

export const changeRiskStatusInput = z
  .object({
    id: idSchema('风险'),
    version: versionSchema,
    status: z.enum(['watching', 'occurred', 'closed']).describe('状态'),
    reason: visibleText('说明', 200, { min: 0 }).optional(),
  })
  .strict()

export const riskInput = z.object({ id: idSchema('风险') }).strict()

export const acceptRiskSuggestionInput = z.object({ id: idSchema('建议'), riskVersion: versionSchema }).strict()
export const dismissRiskSuggestionInput = z.object({ id: idSchema('建议'), note: visibleText('说明', 200, { min: 0 }).optional() }).strict()

export type CreateRiskInput = z.output<typeof createRiskInput>
export type ProposeRiskInput = z.output<typeof proposeRiskInput>
export type UpdateRiskInput = z.output<typeof updateRiskInput>

// ---- views ----

export interface RiskSummary {
  id: string
  category: RiskCategory
  categoryLabel: string
  title: string
  likelihood: number
  impact: number
  score: number
  level: RiskLevel
  levelLabel: string
  status: RiskStatus
  statusLabel: string
  ownerId: string
  /** The owner's name when set (the list reads no members). */
  ownerName: string
  reviewDay: DayKey
  reviewOverdue: boolean
  /** Suggestions waiting for a person's answer. */
  openSuggestions: number
  version: number
}

export interface RiskView extends RiskSummary {
  description: string
  plan: string
  /** The trigger indicator in words; `signal` (and `kpi` for a KPI) links it to what the app measures. */
  trigger: string
  signal: RiskSignalKind | 'none'
  kpi: KpiKey | null
  /** The linked signal in words, e.g. "指标预警：完播率". */
  signalLabel: string
  createdByName: string
}

export interface RiskChangeView {
  id: string
  kind: 'created' | 'score' | 'status' | 'suggestion'
  /** e.g. "可能性 2→3，影响 4（评分 8→12，中→高）" or "监控中→已关闭". */
  text: string
  reason: string
  byName: string
  at: string
}

export interface RiskSuggestionView {
  id: string
  riskId: string
  signalLabel: string
  fromLikelihood: number
  toLikelihood: number
  reason: string
  status: 'open' | 'accepted' | 'dismissed'
  statusLabel: string
  decidedByName: string | null
  at: string
}

export interface RiskPage {
  risks: RiskSummary[]
  /** heat[likelihood - 1][impact - 1]: open risks per cell. */
  heat: number[][]
  /** The matrix's level per cell, the same indexing, for the map's colours. */
  matrix: RiskLevel[][]
  radar: { category: RiskCategory; label: string; score: number }[]
  overdue: number
  openSuggestions: number
  /** Members who may own a risk (staff), for the forms. */
  owners: { id: string; name: string }[]
}

export interface RiskDetail {
  risk: RiskView
  changes: RiskChangeView[]
  suggestions: RiskSuggestionView[]
}

export interface SignalCheck {
  /** Suggestions made by this check (0 when all were made before). */
  created: number
  reminded: number
}
