import { formatCount, formatNumber } from '../format'
import { ALPHA, CONFIDENCE, chanceToBeat, diffInterval, srmP, SRM_ALPHA, twoProportionP, wilson, type Counts, type Interval } from './stats'

/**
 * An experiment's verdict from its counts: per variant the rate, the lift over control, the test and the
 * chance to beat control; one state for the whole experiment, the winner if there is one, and one plain
 * Chinese sentence that says it.
 *
 * No peeking: until every variant has the planned sample the state is 样本不足 and no winner is named,
 * whatever the p-values say at that moment. A sample-ratio mismatch (traffic not split as planned) also
 * withholds the winner, because then the groups are not comparable.
 */

export interface VariantInput { key: string; name: string; counts: Counts; planned?: number /* planned traffic weight */ }

export interface VariantVerdict {
  key: string
  name: string
  successes: number
  trials: number
  rate: number | null
  interval: Interval | null
  /** variant − control; null for control. */
  diff: (Interval & { diff: number }) | null
  p: number | null
  chanceToBeat: number | null
}

export type VerdictState = 'noData' | 'insufficient' | 'significant' | 'notSignificant'

export const VERDICT_STATE_LABELS: Record<VerdictState, string> = {
  noData: '暂无数据',
  insufficient: '样本不足',
  significant: '显著',
  notSignificant: '不显著',
}

export interface Verdict {
  state: VerdictState
  stateLabel: string
  needPerVariant: number | null
  /** min trials / need, 0..1 (0 without a planned sample). */
  progress: number
  variants: VariantVerdict[]
  /** A variant key; only when significant, the sample reached and the split as planned. */
  winner: string | null
  srm: { p: number; warn: boolean } | null
  sentence: string
}

export const SRM_WARNING = '分流比例异常（SRM），结论不可信'

const CONFIDENCE_LABEL = `${Math.round(CONFIDENCE * 100)}%`

/** Percentage points with one decimal and a true minus sign: −1.2. */
function points(ratio: number): string {
  return formatNumber(ratio * 100, 1).replace('-', '−')
}

/**
 * "B 的打开率比 A 高 4.1 个百分点（95% 区间 1.2–7.0）" for d = subject − object. When lower, the interval is
 * mirrored so that it bounds the amount named ("低 4.1 … 区间 1.2–7.0").
 */
function comparison(metric: string, subject: string, object: string, d: Interval & { diff: number }): string {
  const head = `${subject} 的${metric}`
  if (d.diff === 0) return `${head}与 ${object} 持平（${CONFIDENCE_LABEL} 区间 ${points(d.low)}–${points(d.high)} 个百分点）`
  const [word, amount, low, high] = d.diff > 0 ? ['高', d.diff, d.low, d.high] as const : ['低', -d.diff, -d.high, -d.low] as const
  return `${head}比 ${object} ${word} ${points(amount)} 个百分点（${CONFIDENCE_LABEL} 区间 ${points(low)}–${points(high)}）`
}

const mirrored = (d: Interval & { diff: number }) => ({ diff: -d.diff, low: -d.high, high: -d.low })

function judge(v: VariantInput, control: Counts | null): VariantVerdict {
  const w = wilson(v.counts)
  return {
    key: v.key,
    name: v.name,
    successes: v.counts.successes,
    trials: v.counts.trials,
    rate: w ? w.rate : null,
    interval: w ? { low: w.low, high: w.high } : null,
    diff: control ? diffInterval(control, v.counts) : null,
    p: control ? twoProportionP(control, v.counts) : null,
    chanceToBeat: control ? chanceToBeat(control, v.counts) : null,
  }
}

/** The SRM check when a split was planned: the planned weights if every variant has one, else even. */
function srmOf(variants: VariantInput[], evenSplit: boolean): Verdict['srm'] {
  const weighted = variants.every((v) => v.planned !== undefined)
  if (!weighted && !evenSplit) return null
  const p = srmP(variants.map((v) => v.counts.trials), weighted ? variants.map((v) => v.planned as number) : undefined)
  return p === null ? null : { p, warn: p < SRM_ALPHA }
}

/**
 * The verdict of an experiment whose first variant is the control.
 *
 * - 暂无数据: some variant has no trials yet.
 * - 样本不足: the plan has no sample size, or some variant is below it; no winner, no significance.
 * - 显著: some variant is significantly better than control (p < α; the winner is the best of those), or
 *   every variant is significantly worse (the winner is control).
 * - 不显著: otherwise; the sentence compares control with the best variant.
 *
 * @example
 * verdictOf({ metricLabel: '打开率', needPerVariant: 686, evenSplit: true, variants: [
 *   { key: 'a', name: '24 小时', counts: { successes: 80, trials: 800 } },
 *   { key: 'b', name: '3 分钟', counts: { successes: 144, trials: 800 } }] }).sentence
 * //=> '3 分钟 的打开率比 24 小时 高 8.0 个百分点（95% 区间 4.6–11.4），显著'
 */
export function verdictOf(args: { metricLabel: string; variants: VariantInput[]; needPerVariant: number | null; evenSplit: boolean }): Verdict {
  const { metricLabel: metric, variants, needPerVariant: need, evenSplit } = args
  if (variants.length < 2) throw new RangeError('verdictOf: an experiment needs a control and at least one variant')
  if (need !== null && !(Number.isInteger(need) && need > 0)) throw new RangeError(`verdictOf: needPerVariant must be a positive whole number or null (got ${need})`)
  const [control, ...others] = variants
  const judged = [judge(control, null), ...others.map((v) => judge(v, control.counts))]
  const minTrials = Math.min(...variants.map((v) => v.counts.trials))
  const progress = need === null ? 0 : Math.min(1, minTrials / need)
  const srm = srmOf(variants, evenSplit)
  const base = { needPerVariant: need, progress, variants: judged, srm }
  const withSrm = (sentence: string) => (srm?.warn ? `${sentence}；${SRM_WARNING}` : sentence)
  const result = (state: VerdictState, sentence: string, winner: string | null = null): Verdict =>
    ({ state, stateLabel: VERDICT_STATE_LABELS[state], ...base, winner: srm?.warn ? null : winner, sentence: withSrm(sentence) })

  if (minTrials === 0) {
    const empty = variants.filter((v) => v.counts.trials === 0).map((v) => v.name)
    return result('noData', `暂无数据：${empty.join('、')} 还没有数据`)
  }
  if (need === null) return result('insufficient', '样本不足：实验计划没有样本量，暂不判断胜负')
  if (minTrials < need) {
    return result('insufficient', `样本不足：每组还需约 ${formatCount(need - minTrials)} 次（计划每组 ${formatCount(need)} 次），暂不判断胜负`)
  }

  const compared = judged.slice(1) as (VariantVerdict & { diff: Interval & { diff: number }; p: number; rate: number })[]
  const best = (list: typeof compared) => list.reduce((a, b) => (b.rate > a.rate ? b : a))
  const better = compared.filter((v) => v.diff.diff > 0 && v.p < ALPHA)
  if (better.length > 0) {
    const winner = best(better)
    return result('significant', `${comparison(metric, winner.name, control.name, winner.diff)}，显著`, winner.key)
  }
  const top = best(compared)
  if (compared.every((v) => v.diff.diff < 0 && v.p < ALPHA)) {
    return result('significant', `${comparison(metric, control.name, top.name, mirrored(top.diff))}，显著`, control.key)
  }
  return result('notSignificant', `${comparison(metric, top.name, control.name, top.diff)}，不显著`)
}
