import { z } from 'zod'
import { idSchema, versionSchema } from '../atoms'
import { addDays, inChina, type DayKey } from '../time/china'
import { KPIS, type KpiKey, type Mover } from './schemas'
import type { WeekVerdict } from './weekly'

/**
 * Alerts (预警) and special analyses (专项分析): what the two-week rule opens when a KPI misses its weekly
 * target two complete weeks running (PRODUCT.md capability 8), and what a manager's market event opens.
 * An alert is 预警中 from the second miss, 恢复中 once a week is back on target, and 已结束 only when its
 * special analysis closes with findings and a decision.
 */

export const VERDICT_LABELS: Record<WeekVerdict, string> = { hit: '达标', miss: '未达标', missing: '未录入', untargeted: '无目标' }

export const ALERT_STATUSES = ['open', 'recovering', 'ended'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = { open: '预警中', recovering: '恢复中', ended: '已结束' }

export const ANALYSIS_STATUSES = ['open', 'closed'] as const
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number]
export const ANALYSIS_STATUS_LABELS: Record<AnalysisStatus, string> = { open: '待分析', closed: '已结案' }

/** How a special analysis ends (the plan: 维持目标 / 调整目标 / 行动). */
export const DECISIONS = ['keep', 'adjust', 'action'] as const
export type Decision = (typeof DECISIONS)[number]
export const DECISION_LABELS: Record<Decision, string> = { keep: '维持目标', adjust: '调整目标', action: '行动' }

/** The plan's 市场雷达: events a manager records that open a special analysis. */
export const MARKET_EVENTS = ['policy', 'competitor', 'platform'] as const
export type MarketEvent = (typeof MARKET_EVENTS)[number]
export const MARKET_EVENT_LABELS: Record<MarketEvent, string> = { policy: '政策变化', competitor: '竞品重大动作', platform: '平台规则调整' }

/**
 * A special analysis is due this many working days after it opens. An assumption (the plan names no
 * number): three working days lets the owner see one more day of numbers before deciding.
 */
export const ANALYSIS_DUE_WORKING_DAYS = 3

/**
 * The day `n` working days (Monday–Friday; public holidays are not known here) after `day`.
 *
 * @example
 * workingDaysAfter('2026-11-27', 3) //=> '2026-12-02' (Friday → Mon, Tue, Wed)
 */
export function workingDaysAfter(day: DayKey, n: number): DayKey {
  let d = day
  for (let left = n; left > 0; ) {
    d = addDays(d, 1)
    const wd = inChina(`${d}T12:00:00+08:00`).day()
    if (wd !== 0 && wd !== 6) left--
  }
  return d
}

/** An alert's identity within its team: the KPI and the week its run of misses began (one alert per run). */
export function alertKey(kpi: KpiKey, runStart: string): string {
  return `${kpi}_${runStart}`
}

// ---- inputs ----

export const analysisInput = z.object({ id: idSchema('专项分析') }).strict()

export const closeAnalysisInput = z
  .object({
    id: idSchema('专项分析'),
    findings: z.string().trim().min(1, '请填写分析结论').max(1000, '不能超过 1000 字').describe('分析结论'),
    decision: z.enum(DECISIONS).describe('决定'),
    /** 调整目标: which KPI (needed when the analysis covers several) and its new value. */
    kpi: z.enum(KPIS).optional().describe('指标'),
    value: z.number().finite('应为数字').min(0, '不能为负数').max(1_000_000_000, '数值过大').optional().describe('新目标值'),
    reason: z.string().trim().min(1, '请填写调整原因').max(200, '不能超过 200 字').optional().describe('调整原因'),
    /** 行动: the ideas or items (in the topic library) the decision puts to work. */
    itemIds: z.array(idSchema('行动内容')).max(10, '最多关联 10 条').optional().describe('行动内容'),
    version: versionSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'adjust') {
      if (v.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: '新目标值：调整目标时必填' })
      if (v.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: '调整原因：调整目标时必填' })
    }
    if (v.decision === 'action' && !v.itemIds?.length) ctx.addIssue({ code: 'custom', path: ['itemIds'], message: '行动内容：请至少关联一条选题或内容' })
  })

export const reportEventInput = z
  .object({
    kind: z.enum(MARKET_EVENTS).describe('事件类型'),
    description: z.string().trim().min(1, '请描述事件').max(500, '不能超过 500 字').describe('事件描述'),
    kpis: z.array(z.enum(KPIS)).min(1, '请至少选择一个指标').max(KPIS.length).describe('影响的指标'),
  })
  .strict()

// ---- views ----

export interface WeekEvidence {
  week: string
  from: DayKey
  to: DayKey
  verdict: WeekVerdict
  verdictLabel: string
  display: string
  targetDisplay: string
}

export interface AlertView {
  id: string
  kpi: KpiKey
  label: string
  status: AlertStatus
  statusLabel: string
  /** e.g. "完播率连续两周未达标". */
  text: string
  weeks: WeekEvidence[]
  analysisId: string
  dueDay: DayKey
}

export interface AnalysisSummary {
  id: string
  title: string
  kpis: KpiKey[]
  status: AnalysisStatus
  statusLabel: string
  /** "连续两周未达标（11-16 那周起）" or "竞品重大动作：…". */
  triggerText: string
  dueDay: DayKey
  overdue: boolean
  openedAt: string
  decisionLabel: string | null
  /** "负责人：王敏", or "负责人：主管" when the KPI has no named owner. */
  ownerText: string
}

export interface AnalysisEvidence {
  kpi: KpiKey
  label: string
  weeks: WeekEvidence[]
  /** The items that moved the KPI most over the evidence weeks (post KPIs only). */
  movers: Mover[]
  /** What the movers' amounts count, e.g. "完播" or "点赞 + 评论 + 转发 + 收藏"; null for account-level KPIs. */
  moversBy: string | null
  /** The funnel's biggest drop-off over the same weeks. */
  biggestDrop: { text: string; rateDisplay: string } | null
  /** What was published those weeks, by format and layer: "短视频 4 条 · 80.0%". */
  mix: string[]
}

export interface AnalysisDecisionView {
  kind: Decision
  label: string
  kpi: KpiKey | null
  valueDisplay: string | null
  reason: string | null
  items: { id: string; title: string }[]
}

export interface AnalysisView extends AnalysisSummary {
  /** Frozen when it opened: the numbers the decision was taken on. */
  evidence: AnalysisEvidence[]
  findings: string | null
  decision: AnalysisDecisionView | null
  closedByName: string | null
  closedAt: string | null
  version: number
}
