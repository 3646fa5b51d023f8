// The risk register and radar (风险雷达, PRODUCT.md capability 10, issue 13 part 1): the plan's six
// categories, likelihood × impact on a stated 5×5 matrix, the heat map, the radar and the list order, and
// the signals that suggest a likelihood change. Pure: `today` is passed in. Inputs and views: riskSchemas.ts.
import type { DayKey } from '../time/china'
import type { KpiKey } from '../analytics/schemas'

/** The plan's six risk categories, in the order the radar draws them. */
export const RISK_CATEGORIES = ['market', 'fatigue', 'policy', 'production', 'data', 'teamwork'] as const
export type RiskCategory = (typeof RISK_CATEGORIES)[number]
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  market: '市场竞争',
  fatigue: '用户审美疲劳',
  policy: '政策监管',
  production: '内容生产',
  data: '数据应用',
  teamwork: '团队协作',
}

/**
 * 待评估: proposed by an operator, waiting for a manager to assess it (a manager's status change to 监控中
 * accepts it); 监控中 / 已发生 / 已关闭 as the plan names them. Everything but 已关闭 is open.
 */
export const RISK_STATUSES = ['proposed', 'watching', 'occurred', 'closed'] as const
export type RiskStatus = (typeof RISK_STATUSES)[number]
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { proposed: '待评估', watching: '监控中', occurred: '已发生', closed: '已关闭' }
export const isOpenRisk = (status: RiskStatus): boolean => status !== 'closed'

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高', critical: '极高' }

/** Likelihood and impact are rated 1 (lowest) to 5 (highest). */
export const RATING_MIN = 1
export const RATING_MAX = 5

/**
 * The 5×5 matrix: the level of each likelihood (row, 5 at the top) and impact (column, 1 at the left).
 * It follows the score (likelihood × impact): 1–4 低, 5–9 中, 10–16 高, 20–25 极高 — the usual
 * reading of a 5×5 risk matrix, symmetric in likelihood and impact.
 *
 *               影响 1   2     3     4     5
 *   可能性 5      中    高    高    极高   极高
 *   可能性 4      低    中    高    高    极高
 *   可能性 3      低    中    中    高    高
 *   可能性 2      低    低    中    中    高
 *   可能性 1      低    低    低    低    中
 */
export const RISK_MATRIX: readonly (readonly RiskLevel[])[] = [
  // likelihood 1 … 5 (index 0 … 4); within a row impact 1 … 5
  ['low', 'low', 'low', 'low', 'medium'],
  ['low', 'low', 'medium', 'medium', 'high'],
  ['low', 'medium', 'medium', 'high', 'high'],
  ['low', 'medium', 'high', 'high', 'critical'],
  ['medium', 'high', 'high', 'critical', 'critical'],
]

/**
 * A risk's score: likelihood × impact (1–25).
 *
 * @example
 * riskScore(4, 3) //=> 12
 */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact
}

/**
 * The level of a likelihood and impact, read off the matrix.
 *
 * @example
 * riskLevel(4, 3) //=> 'high'   (score 12)
 * riskLevel(1, 5) //=> 'medium' (score 5)
 */
export function riskLevel(likelihood: number, impact: number): RiskLevel {
  return RISK_MATRIX[likelihood - 1][impact - 1]
}

/** What the views, the heat map, the radar and the list order need of a risk. */
export interface RiskFacts {
  id: string
  category: RiskCategory
  likelihood: number
  impact: number
  status: RiskStatus
  reviewDay: DayKey
}

/**
 * Whether an open risk's review day has passed (a review due today is not overdue yet).
 *
 * @example
 * isReviewOverdue({ status: 'watching', reviewDay: '2026-12-01', … }, '2026-12-02') //=> true
 */
export function isReviewOverdue(r: Pick<RiskFacts, 'status' | 'reviewDay'>, today: DayKey): boolean {
  return isOpenRisk(r.status) && r.reviewDay < today
}

/** Whether an open risk's review is due (today or earlier): when its owner is reminded. */
export function isReviewDue(r: Pick<RiskFacts, 'status' | 'reviewDay'>, today: DayKey): boolean {
  return isOpenRisk(r.status) && r.reviewDay <= today
}

/**
 * The heat map: how many open risks sit in each cell, `heat[likelihood - 1][impact - 1]`.
 * Closed risks are left out: the map is about what may still happen.
 *
 * @example
 * heatMap([{ likelihood: 4, impact: 3, status: 'watching' }])[3][2] //=> 1
 */
export function heatMap(risks: readonly Pick<RiskFacts, 'likelihood' | 'impact' | 'status'>[]): number[][] {
  const heat = Array.from({ length: RATING_MAX }, () => Array<number>(RATING_MAX).fill(0))
  for (const r of risks) if (isOpenRisk(r.status)) heat[r.likelihood - 1][r.impact - 1]++
  return heat
}

/**
 * The radar: per category (in RISK_CATEGORIES order), the highest score among its open risks; 0 when
 * the category has none.
 *
 * @example
 * riskRadar([{ category: 'policy', likelihood: 2, impact: 5, status: 'watching' }]) //=> [0, 0, 10, 0, 0, 0]
 */
export function riskRadar(risks: readonly Pick<RiskFacts, 'category' | 'likelihood' | 'impact' | 'status'>[]): number[] {
  return RISK_CATEGORIES.map((c) =>
    risks.filter((r) => r.category === c && isOpenRisk(r.status)).reduce((max, r) => Math.max(max, riskScore(r.likelihood, r.impact)), 0),
  )
}

/**
 * The list order: open risks whose review is overdue first, then the rest of the open ones, closed ones
 * last; within each, the higher score first, then the earlier review day, then the id (a stable order).
 */
export function sortRisks<T extends RiskFacts>(risks: readonly T[], today: DayKey): T[] {
  const band = (r: T) => (isReviewOverdue(r, today) ? 0 : isOpenRisk(r.status) ? 1 : 2)
  return [...risks].sort(
    (a, b) =>
      band(a) - band(b) ||
      riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
      a.reviewDay.localeCompare(b.reviewDay) ||
      a.id.localeCompare(b.id),
  )
}

// ---- signals and suggestions ----

/**
 * What a risk's trigger indicator may be linked to, besides its free text: a KPI in alert (the two-week
 * rule's 预警, e.g. 完播率 red two weeks running), reviews past their time, or published items missing numbers.
 */
export const RISK_SIGNALS = ['kpi', 'reviewsOverdue', 'missingNumbers'] as const
export type RiskSignalKind = (typeof RISK_SIGNALS)[number]
export const RISK_SIGNAL_LABELS: Record<RiskSignalKind, string> = { kpi: '指标预警', reviewsOverdue: '评审超时', missingNumbers: '数据未录入' }

/** A risk's link to a signal. */
export type RiskSignalLink = { kind: 'kpi'; kpi: KpiKey } | { kind: 'reviewsOverdue' } | { kind: 'missingNumbers' }

/**
 * A signal firing now. `key` names its occurrence: the alert's id for a KPI (a new run of misses is a new
 * signal), the ISO week for the daily counts (at most one suggestion a week per risk).
 */
export type FiredSignal =
  | { kind: 'kpi'; kpi: KpiKey; key: string; text: string }
  | { kind: 'reviewsOverdue' | 'missingNumbers'; key: string; text: string }

export interface SuggestionDraft {
  /** `${riskId}_${signal key}`: one suggestion per risk and signal occurrence, however often it is computed. */
  id: string
  riskId: string
  signalKind: RiskSignalKind
  fromLikelihood: number
  toLikelihood: number
  reason: string
}

/**
 * The suggestions the fired signals make: each open risk linked to a fired signal gets "likelihood + 1",
 * unless it is at 5 already or an open suggestion of the same signal kind waits for it (a person has not
 * answered the last one yet). Nothing is changed: a person accepts or dismisses each suggestion.
 *
 * @example
 * suggestLikelihood([{ id: 'r1', likelihood: 2, status: 'watching', signal: { kind: 'kpi', kpi: 'completionRate' } }],
 *   [{ kind: 'kpi', kpi: 'completionRate', key: 'a7', text: '完播率连续两周未达标' }], [])
 * //=> [{ id: 'r1_a7', riskId: 'r1', signalKind: 'kpi', fromLikelihood: 2, toLikelihood: 3, reason: '完播率连续两周未达标' }]
 */
export function suggestLikelihood(
  risks: readonly (Pick<RiskFacts, 'id' | 'likelihood' | 'status'> & { signal: RiskSignalLink | null })[],
  fired: readonly FiredSignal[],
  openSuggestions: readonly { riskId: string; signalKind: RiskSignalKind }[],
): SuggestionDraft[] {
  const waiting = new Set(openSuggestions.map((s) => `${s.riskId}|${s.signalKind}`))
  const out: SuggestionDraft[] = []
  for (const r of risks) {
    if (!r.signal || !isOpenRisk(r.status) || r.likelihood >= RATING_MAX || waiting.has(`${r.id}|${r.signal.kind}`)) continue
    const link = r.signal
    const hit = fired.find((f) => f.kind === link.kind && (f.kind !== 'kpi' || link.kind !== 'kpi' || f.kpi === link.kpi))
    if (!hit) continue
    out.push({ id: `${r.id}_${hit.key}`, riskId: r.id, signalKind: link.kind, fromLikelihood: r.likelihood, toLikelihood: r.likelihood + 1, reason: hit.text })
  }
  return out
}
