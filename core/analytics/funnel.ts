import { rate } from './kpi'

/** The conversion path of PRODUCT.md, in order. */
export const FUNNEL_STEPS = ['exposure', 'play', 'completion', 'interaction', 'follow', 'inquiry', 'order'] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]
export const FUNNEL_LABELS: Record<FunnelStep, string> = {
  exposure: '曝光',
  play: '播放',
  completion: '完播',
  interaction: '互动',
  follow: '关注',
  inquiry: '咨询',
  order: '成交',
}

export interface FunnelStage {
  step: FunnelStep
  count: number
  /** count / previous step's count; null for the first step or an empty previous step. */
  rate: number | null
}

export interface Funnel {
  stages: FunnelStage[]
  /** The step whose conversion from the one before is lowest, e.g. "最大流失：播放→完播". */
  biggestDrop: { from: FunnelStep; to: FunnelStep; rate: number; text: string } | null
}

/**
 * Step rates of the funnel and its biggest drop-off.
 *
 * @example
 * const f = funnel({ exposure: 1000, play: 400, completion: 140, interaction: 60, follow: 20, inquiry: 5, order: 1 })
 * f.stages[1].rate   //=> 0.4
 * f.biggestDrop?.text //=> '最大流失：咨询→成交'
 */
export function funnel(counts: Record<FunnelStep, number>): Funnel {
  const stages = FUNNEL_STEPS.map((step, i) => ({
    step,
    count: counts[step],
    rate: i === 0 ? null : rate(counts[step], counts[FUNNEL_STEPS[i - 1]]),
  }))
  let biggestDrop: Funnel['biggestDrop'] = null
  for (let i = 1; i < stages.length; i++) {
    const r = stages[i].rate
    if (r === null) continue
    if (!biggestDrop || r < biggestDrop.rate) {
      const from = stages[i - 1].step
      const to = stages[i].step
      biggestDrop = { from, to, rate: r, text: `最大流失：${FUNNEL_LABELS[from]}→${FUNNEL_LABELS[to]}` }
    }
  }
  return { stages, biggestDrop }
}
