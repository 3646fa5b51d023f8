// The A/B experiment actions: the list and one experiment (verdict computed here), the planning preview,
// a draft's create and edit, start and end, a push test's daily counts, and a manager's decision.
import type { researchContract } from '../../core/api/research'
import { AppError, fieldError, refuseFields, type FieldError } from '../../core/errors'
import { EXPERIMENTS_PAGE, VARIANT_KEYS, type CreateExperimentInput } from '../../core/research/experiments'
import { dayNotInFutureErrors } from '../../core/results/dates'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { EXPERIMENTS, ITEMS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { ExperimentRecord, StoredVariant } from '../common/db/research'
import { experimentView, planFor, readItemSeries, summaryOf, verdictOfRecord } from './experimentRead'
import { logCounts } from './experimentCounts'
import { baseFields } from '../common/records'

type C = typeof researchContract
type Fields = Omit<CreateExperimentInput, 'variants'> & { variants: { name: string; source: 'items' | 'counts'; itemIds?: string[]; weight?: number }[] }

/** The items named by the variants, in one request: each must be the team's and not archived. Titles are kept with the variant. */
async function storedVariants(ctx: MemberCtx, input: Fields): Promise<StoredVariant[]> {
  const ids = input.variants.flatMap((v) => v.itemIds ?? [])
  const found = ids.length
    ? await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields: { _id: true, title: true, status: true } })
    : []
  const byId = new Map(found.filter((i) => i.status !== 'archived').map((i) => [i._id, i.title]))
  const errors: FieldError[] = []
  input.variants.forEach((v, i) =>
    (v.itemIds ?? []).forEach((id, j) => {
      if (!byId.has(id)) errors.push({ path: `variants.${i}.itemIds.${j}`, message: '内容：找不到这条内容（可能已归档）' })
    }),
  )
  refuseFields(errors)
  return input.variants.map((v, i) => ({
    key: VARIANT_KEYS[i],
    name: v.name,
    source: v.source,
    itemIds: v.itemIds ?? [],
    itemTitles: (v.itemIds ?? []).map((id) => byId.get(id)!),
    weight: v.weight ?? 1,
  }))
}

/** What a create or an edit stores of the form: its words, variants and the plan made now from the rollups. */
async function draftFields(ctx: MemberCtx, input: Fields) {
  const variants = await storedVariants(ctx, input)
  const plan = await planFor(ctx, { metric: input.metric, mde: input.mde, variants: variants.length, baseline: input.baseline ?? null, dailySends: input.dailySends ?? null })
  return {
    title: input.title,
    hypothesis: input.hypothesis,
    variable: input.variable,
    metric: input.metric,
    guardrail: input.guardrail ?? null,
    variants,
    plan: {
      baseline: plan.baseline,
      baselineSource: plan.baselineSource,
      mde: input.mde,
      needPerVariant: plan.needPerVariant,
      dailyTrials: plan.dailyTrials,
      estimatedDays: plan.estimatedDays,
      enteredBaseline: input.baseline ?? null,
      dailySends: input.dailySends ?? null,
    },
  }
}

async function load(ctx: MemberCtx, id: string): Promise<ExperimentRecord> {
  const rec = await ctx.repo<ExperimentRecord>(EXPERIMENTS).get(id)
  if (!rec) throw new AppError('NOT_FOUND', '实验不存在')
  return rec
}

async function viewOf(ctx: MemberCtx, rec: ExperimentRecord) {
  return experimentView(rec, await readItemSeries(ctx, rec.variants.flatMap((v) => v.itemIds)))
}

/** A versioned change of an experiment in one status; a stale version or another status is a CONFLICT with the current view. */
async function change(ctx: MemberCtx, rec: ExperimentRecord, version: number, from: ExperimentRecord['status'], refusal: string, patch: Record<string, unknown>) {
  if (rec.status !== from) throw new AppError('CONFLICT', refusal, { current: await viewOf(ctx, rec) })
  const repo = ctx.repo<ExperimentRecord>(EXPERIMENTS)
  const updated = await repo.updateVersioned(rec._id, version, patch, ctx.now)
  ctx.audit({ subjectId: rec._id, subjectName: rec.title, before: rec })
  return viewOf(ctx, updated)
}

export const experimentHandlers: Pick<Handlers<C>, 'experiments' | 'experiment' | 'planExperiment' | 'createExperiment' | 'updateExperiment' | 'startExperiment' | 'endExperiment' | 'logVariantCounts' | 'decideExperiment'> = {
  /**
   * One page of one status, newest first: 4 requests whatever the number of experiments — member and team
   * (wrapper), the page (the per-day counts map left out; push totals ride on each document), and one read of
   * the page's items' latest snapshots.
   */
  async experiments({ ctx, input }) {
    const page = input.page ?? 0
    const list = await ctx
      .repo<ExperimentRecord>(EXPERIMENTS)
      .find({ status: input.status }, { orderBy: ['createdAt', 'desc'], skip: page * EXPERIMENTS_PAGE, limit: EXPERIMENTS_PAGE + 1, fields: { countsInForce: false } })
    const shown = list.slice(0, EXPERIMENTS_PAGE)
    const series = await readItemSeries(ctx, shown.filter((r) => r.status !== 'draft').flatMap((r) => r.variants.flatMap((v) => v.itemIds)))
    return {
      list: shown.map((r) => summaryOf(r, r.status === 'draft' ? null : verdictOfRecord(r, series).verdict)),
      hasMore: list.length > EXPERIMENTS_PAGE,
    }
  },

  /** 4 requests: member, team, the experiment, its items' latest snapshots. */
  async experiment({ ctx, input }) {
    return viewOf(ctx, await load(ctx, input.id))
  },

  async planExperiment({ ctx, input }) {
    return planFor(ctx, { metric: input.metric, mde: input.mde, variants: input.variants ?? 2, baseline: input.baseline ?? null, dailySends: input.dailySends ?? null })
  },

  async createExperiment({ ctx, input }) {
    const fields = await draftFields(ctx, input)
    const rec: ExperimentRecord = {
      ...baseFields(ctx, ctx.newId('experiment')),
      ...fields,
      status: 'draft',
      startDay: null,
      endDay: null,
      decision: null,
      createdByName: ctx.member.name,
      countTotals: {},
      countsInForce: {},
    }
    const { doc } = await ctx.repo<ExperimentRecord>(EXPERIMENTS).insertOnce(rec)
    ctx.audit({ subjectId: doc._id, subjectName: doc.title })
    return viewOf(ctx, doc)
  },

  async updateExperiment({ ctx, input }) {
    const rec = await load(ctx, input.id)
    if (rec.status !== 'draft') throw new AppError('CONFLICT', '实验已开始，只有草稿可以修改', { current: await viewOf(ctx, rec) })
    const f = await draftFields(ctx, input)
    const _ = ctx.db.command
    const updated = await ctx
      .repo<ExperimentRecord>(EXPERIMENTS)
      .updateVersioned(rec._id, input.version, { ...f, guardrail: f.guardrail, variants: _.set(f.variants), plan: _.set(f.plan) }, ctx.now)
    ctx.audit({ subjectId: rec._id, subjectName: updated.title, before: rec })
    return viewOf(ctx, updated)
  },

  async startExperiment({ ctx, input }) {
    const rec = await load(ctx, input.id)
    // No peeking needs a planned sample: the verdict waits for it.
    if (rec.status === 'draft' && rec.plan.needPerVariant === null) throw fieldError('baseline', '基线：请先填写基线，算出每组样本量后再开始')
    return change(ctx, rec, input.version, 'draft', '只有草稿可以开始', { status: 'running', startDay: dayKey(ctx.now) })
  },

  async endExperiment({ ctx, input }) {
    return change(ctx, await load(ctx, input.id), input.version, 'running', '只有进行中的实验可以结束', { status: 'ended', endDay: dayKey(ctx.now) })
  },

  async logVariantCounts({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.day, { now: ctx.now, path: 'day' }))
    return logCounts(ctx, input)
  },

  async decideExperiment({ ctx, input }) {
    const rec = await load(ctx, input.id)
    if (input.variantKey && !rec.variants.some((v) => v.key === input.variantKey)) throw fieldError('variantKey', '采用的组：实验没有这一组')
    if (rec.status === 'ended' && rec.decision) throw new AppError('CONFLICT', '已记录决策', { current: await viewOf(ctx, rec) })
    const decision = { choice: input.choice, variantKey: input.variantKey ?? null, learning: input.learning, by: ctx.member._id, byName: ctx.member.name, at: ctx.now }
    return change(ctx, rec, input.version, 'ended', '实验结束后才能记录决策', { decision: ctx.db.command.set(decision) })
  },
}
