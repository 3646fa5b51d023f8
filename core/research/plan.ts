// Planning an experiment before it runs (the sample each variant needs and about how long that takes) and
// the one line the 实验 list shows of where an experiment stands. Pure: the function reads the numbers.
import { formatCount, formatPercent } from '../format'
import { DECISION_LABELS, METRIC_LABELS, STATUS_LABELS, type BaselineSource, type DecisionChoice, type ExperimentMetric, type ExperimentStatus, type PlanView } from './experiments'
import { TRIAL_WORDS, type Tally } from './metrics'
import { sampleSizePerVariant } from './stats'
import type { Verdict } from './verdict'

const NONE = '—'

export interface PlanArgs {
  metric: ExperimentMetric
  mde: number
  variants: number
  baseline: number | null
  baselineSource: BaselineSource | null
  /** Trials per day: the metric's denominator averaged over recent rollups, or the entered pushes for 打开率. */
  dailyTrials: number | null
}

/**
 * The baseline: measured over the team's recent rollups when they have the metric, else the one entered
 * (as KPI baselines: measured data, once there, wins).
 *
 * @example
 * baselineOf({ successes: 35, trials: 100 }, 0.5) //=> { baseline: 0.35, baselineSource: 'rollups' }
 * baselineOf({ successes: 0, trials: 0 }, 0.5)    //=> { baseline: 0.5, baselineSource: 'entered' }
 * baselineOf(null, null)                          //=> { baseline: null, baselineSource: null }
 */
export function baselineOf(measured: Tally | null, entered: number | null): Pick<PlanArgs, 'baseline' | 'baselineSource'> {
  if (measured && measured.trials > 0) return { baseline: measured.successes / measured.trials, baselineSource: 'rollups' }
  return entered !== null ? { baseline: entered, baselineSource: 'entered' } : { baseline: null, baselineSource: null }
}

/**
 * The plan: the sample per variant is the two-proportion test's (two-sided α = 5%, power 80%) for the
 * baseline and the effect to detect; days = sample × variants ÷ trials a day; "—" where a number is unknown.
 *
 * @example
 * planOf({ metric: 'openRate', mde: 0.05, variants: 2, baseline: 0.1, baselineSource: 'entered', dailyTrials: 100 })
 * //=> { needPerVariant: 686, estimatedDays: 14, needText: '每组约需 686 次推送', daysText: '约 14 天（按每天约 100 次推送）', … }
 */
export function planOf(a: PlanArgs): PlanView {
  const { baseline, baselineSource } = a
  const need = baseline === null ? null : sampleSizePerVariant(baseline, a.mde)
  const daily = a.dailyTrials !== null && a.dailyTrials > 0 ? a.dailyTrials : null
  const days = need !== null && daily !== null ? Math.max(1, Math.ceil((need * a.variants) / daily)) : null
  const word = TRIAL_WORDS[a.metric]
  const label = METRIC_LABELS[a.metric]
  return {
    metric: a.metric,
    baseline,
    baselineSource,
    mde: a.mde,
    needPerVariant: need,
    dailyTrials: daily,
    estimatedDays: days,
    baselineText:
      baseline === null
        ? `${label}基线：${a.metric === 'openRate' ? '请填写' : '近 28 天没有数据，请填写'}`
        : `${label}基线 ${formatPercent(baseline)}（${baselineSource === 'rollups' ? '近 28 天日汇总' : '手动填写'}）`,
    needText: need === null ? NONE : `每组约需 ${formatCount(need)} 次${word}`,
    daysText: days === null ? NONE : `约 ${formatCount(days)} 天（按每天约 ${formatCount(Math.round(daily!))} 次${word}）`,
  }
}

/**
 * The metric's trials a day over recent rollups (null for 打开率 or when there were none).
 *
 * @example
 * dailyOf({ successes: 0, trials: 1400 }, 14) //=> 100
 */
export function dailyOf(t: Tally | null, days: number): number | null {
  return t && t.trials > 0 ? t.trials / days : null
}

export interface StateLineArgs {
  status: ExperimentStatus
  verdict: Pick<Verdict, 'state' | 'stateLabel' | 'progress' | 'winner' | 'needPerVariant'> | null
  variantNames: Record<string, string>
  decision: { choice: DecisionChoice; variantKey: string | null } | null
}

/**
 * Where an experiment stands, in one line for the list. No winner is named before the planned sample is
 * reached (the verdict only has one then).
 *
 * @example
 * stateLine({ status: 'running', verdict: { state: 'insufficient', stateLabel: '样本不足', progress: 0.62, winner: null, needPerVariant: 700 }, variantNames: {}, decision: null })
 * //=> '进行中 · 样本 62% · 暂无结论'
 * stateLine({ status: 'ended', verdict: null, variantNames: { B: '24 小时' }, decision: { choice: 'adopt', variantKey: 'B' } })
 * //=> '已结束 · 采用 B（24 小时）'
 */
export function stateLine(a: StateLineArgs): string {
  const status = STATUS_LABELS[a.status]
  if (a.decision) {
    const key = a.decision.variantKey
    const which = key ? ` ${key}${a.variantNames[key] ? `（${a.variantNames[key]}）` : ''}` : ''
    return `${status} · ${DECISION_LABELS[a.decision.choice]}${which}`
  }
  if (a.status === 'draft') {
    const need = a.verdict?.needPerVariant ?? null
    return `${status} · ${need === null ? '样本量待定' : `每组需 ${formatCount(need)}`}`
  }
  const v = a.verdict
  const sample = v && v.needPerVariant !== null ? ` · 样本 ${Math.min(100, Math.floor(v.progress * 100))}%` : ''
  const conclusion = !v || v.state === 'noData' || v.state === 'insufficient' ? '暂无结论' : v.winner ? `${v.winner} 胜出` : v.stateLabel
  return `${status}${sample} · ${conclusion}${a.status === 'ended' ? ' · 待决策' : ''}`
}
