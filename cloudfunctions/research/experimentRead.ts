// What the experiment actions read and how a stored experiment becomes what pages see: its variants'
// numbers (content items' latest snapshots, or the push counts in force kept on the experiment), the
// verdict computed here (the statistics never reach the client), and the plan from the team's rollups.
import { DECISION_LABELS, METRIC_LABELS, STATUS_LABELS, BASELINE_DAYS, VOLUME_DAYS, type ExperimentMetric, type ExperimentSummary, type ExperimentView, type PlanView, type VariantView } from '../../core/research/experiments'
import { itemsTally, tallyOfSums, type Tally } from '../../core/research/metrics'
import { baselineOf, dailyOf, planOf, stateLine } from '../../core/research/plan'
import { verdictOf, type Verdict } from '../../core/research/verdict'
import type { SeriesPoint } from '../../core/results/views'
import { addDays, dayKey, daysBetween } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import { ITEM_SERIES, ROLLUPS } from '../common/db/collections'
import type { ExperimentRecord, StoredVariant } from '../common/db/research'
import { rollupId, seriesId, type RollupRecord, type SeriesRecord } from '../common/db/results'
import { Repo } from '../common/repo'

/** Snapshots read per item: the latest ones, enough to find the last that knows the metric (a worker may log plays alone). */
const POINTS_READ = 7

export type SeriesByItem = Map<string, readonly SeriesPoint[]>

/**
 * The latest snapshots in force of the given items, in one request by id (the series documents; each
 * trimmed to its last few points by the projection, so a page of experiments stays small whatever the history).
 */
export async function readItemSeries(ctx: MemberCtx, itemIds: readonly string[]): Promise<SeriesByItem> {
  const ids = [...new Set(itemIds)]
  if (!ids.length) return new Map()
  const _ = ctx.db.command as unknown as { in(v: unknown): unknown; project: { slice(n: number): unknown } }
  const res = await ctx.db
    .collection(ITEM_SERIES)
    .where({ teamId: ctx.team._id, _id: _.in(ids.map((i) => seriesId(ctx.team._id, i))) })
    .field({ itemId: true, points: _.project.slice(-POINTS_READ) } as unknown as Record<string, boolean>)
    .limit(ids.length)
    .get()
  return new Map((res.data as unknown as Pick<SeriesRecord, 'itemId' | 'points'>[]).map((s) => [s.itemId, s.points ?? []]))
}

/** Each variant's successes and trials of a metric (null: the metric cannot be read from this variant's source). */
export function talliesOf(rec: Pick<ExperimentRecord, 'variants' | 'countTotals'>, metric: ExperimentMetric, series: SeriesByItem): Map<string, Tally> | null {
  const out = new Map<string, Tally>()
  for (const v of rec.variants) {
    if (v.source === 'counts') {
      if (metric !== 'openRate') return null
      const t = rec.countTotals?.[v.key]
      out.set(v.key, { successes: t?.opened ?? 0, trials: t?.sent ?? 0 })
    } else {
      if (metric === 'openRate') return null
      out.set(v.key, itemsTally(metric, v.itemIds.map((id) => series.get(id) ?? [])))
    }
  }
  return out
}

const evenSplit = (variants: readonly StoredVariant[]) => variants.every((v) => v.weight === variants[0].weight)

function verdictFor(rec: ExperimentRecord, metric: ExperimentMetric, tallies: Map<string, Tally>, need: number | null): Verdict {
  return verdictOf({
    metricLabel: METRIC_LABELS[metric],
    variants: rec.variants.map((v) => ({ key: v.key, name: v.name, counts: tallies.get(v.key) ?? { successes: 0, trials: 0 }, planned: v.weight })),
    needPerVariant: need,
    evenSplit: evenSplit(rec.variants),
  })
}

/** The primary metric's verdict of a stored experiment, given its items' series. */
export function verdictOfRecord(rec: ExperimentRecord, series: SeriesByItem): { verdict: Verdict; tallies: Map<string, Tally> } {
  const tallies = talliesOf(rec, rec.metric, series) ?? new Map<string, Tally>()
  return { verdict: verdictFor(rec, rec.metric, tallies, rec.plan.needPerVariant), tallies }
}

const iso = (d: Date | string) => new Date(d).toISOString()

export function summaryOf(rec: ExperimentRecord, verdict: Verdict | null): ExperimentSummary {
  return {
    id: rec._id,
    title: rec.title,
    variable: rec.variable,
    metric: rec.metric,
    metricLabel: METRIC_LABELS[rec.metric],
    status: rec.status,
    statusLabel: STATUS_LABELS[rec.status],
    startDay: rec.startDay,
    endDay: rec.endDay,
    variantNames: rec.variants.map((v) => v.name),
    stateLine: stateLine({
      status: rec.status,
      verdict: verdict ?? { state: 'noData', stateLabel: '', progress: 0, winner: null, needPerVariant: rec.plan.needPerVariant },
      variantNames: Object.fromEntries(rec.variants.map((v) => [v.key, v.name])),
      decision: rec.decision,
    }),
  }
}

/** The stored plan as the page shows it (its texts made again from the numbers kept). */
export function storedPlanView(rec: ExperimentRecord): PlanView {
  const p = rec.plan
  return planOf({ metric: rec.metric, mde: p.mde, variants: rec.variants.length, baseline: p.baseline, baselineSource: p.baselineSource, dailyTrials: p.dailyTrials })
}

export function experimentView(rec: ExperimentRecord, series: SeriesByItem): ExperimentView {
  const { verdict, tallies } = verdictOfRecord(rec, series)
  const guardTallies = rec.guardrail ? talliesOf(rec, rec.guardrail, series) : null
  const variants: VariantView[] = rec.variants.map((v, i) => {
    const last = rec.countTotals?.[v.key]?.last ?? null
    return {
      key: v.key,
      name: v.name,
      source: v.source,
      items: v.itemIds.map((id, j) => ({ id, title: v.itemTitles[j] ?? '' })),
      weight: v.weight,
      control: i === 0,
      successes: tallies.get(v.key)?.successes ?? 0,
      trials: tallies.get(v.key)?.trials ?? 0,
      lastEntry: last ? { day: last.day, sent: last.sent, opened: last.opened, byName: last.byName, at: iso(last.at) } : null,
    }
  })
  return {
    ...summaryOf(rec, verdict),
    version: rec.version,
    hypothesis: rec.hypothesis,
    guardrail: rec.guardrail,
    guardrailLabel: rec.guardrail ? METRIC_LABELS[rec.guardrail] : null,
    plan: storedPlanView(rec),
    variants,
    verdict,
    guardrailVerdict: rec.guardrail && guardTallies ? verdictFor(rec, rec.guardrail, guardTallies, rec.plan.needPerVariant) : null,
    decision: rec.decision
      ? { choice: rec.decision.choice, choiceLabel: DECISION_LABELS[rec.decision.choice], variantKey: rec.decision.variantKey, learning: rec.decision.learning, byName: rec.decision.byName, at: iso(rec.decision.at) }
      : null,
    createdByName: rec.createdByName,
    entered: { baseline: rec.plan.enteredBaseline, dailySends: rec.plan.dailySends },
  }
}

/**
 * The plan from the team's rollups: the baseline over the last 28 days (ending yesterday) and the metric's
 * daily trials over the last 14, in one request by id. 打开率 reads nothing (pushes are not in the rollups).
 */
export async function planFor(
  ctx: MemberCtx,
  a: { metric: ExperimentMetric; mde: number; variants: number; baseline?: number | null; dailySends?: number | null },
): Promise<PlanView> {
  let measured: Tally | null = null
  let daily: number | null = a.metric === 'openRate' ? a.dailySends ?? null : null
  if (a.metric !== 'openRate') {
    const yesterday = addDays(dayKey(ctx.now), -1)
    const days = daysBetween(addDays(yesterday, -(BASELINE_DAYS - 1)), yesterday)
    const ids = days.map((d) => rollupId(ctx.team._id, d))
    const rollups = await new Repo<RollupRecord>(ctx.db, ROLLUPS, ctx.team._id).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { _id: true, day: true, total: true } })
    const recentFrom = addDays(yesterday, -(VOLUME_DAYS - 1))
    measured = tallyOfSums(a.metric, rollups.map((r) => r.total ?? {}))
    daily = dailyOf(tallyOfSums(a.metric, rollups.filter((r) => r.day >= recentFrom).map((r) => r.total ?? {})), VOLUME_DAYS)
  }
  return planOf({ metric: a.metric, mde: a.mde, variants: a.variants, ...baselineOf(measured, a.baseline ?? null), dailyTrials: daily })
}
