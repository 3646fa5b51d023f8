// A push test's daily counts: one append-only fact per entry, and the experiment's totals in force changed
// in the same transaction, so reading an experiment never sums the facts and a superseded day counts once.
import { AppError, fieldError } from '../../core/errors'
import type { LogVariantCountsInput, VariantView } from '../../core/research/experiments'
import type { MemberCtx } from '../common/context'
import { loggedFact } from '../common/records'
import { EXPERIMENT_COUNTS, EXPERIMENTS } from '../common/db/collections'
import { countsDayKey, type ExperimentCountsRecord, type ExperimentRecord } from '../common/db/research'
import { isDuplicateKeyError } from '../common/sdk'
import { docIn, isConflict } from '../common/transaction'
import { experimentView } from './experimentRead'

/** Why an entry cannot be taken as it is. VALIDATION (not CONFLICT), so a phone's outbox keeps it as failed instead of retrying forever. */
function refusal(rec: ExperimentRecord | null, teamId: string, input: LogVariantCountsInput): AppError | null {
  if (!rec || rec.teamId !== teamId) return new AppError('NOT_FOUND', '实验不存在')
  if (rec.status !== 'running') return fieldError('experimentId', `实验：${rec.status === 'draft' ? '还没有开始' : '已结束'}，不能录入`)
  const variant = rec.variants.find((v) => v.key === input.variantKey)
  if (!variant) return fieldError('variantKey', '实验组：实验没有这一组')
  if (variant.source !== 'counts') return fieldError('variantKey', '实验组：这一组的数据来自内容，不用录入')
  if (rec.startDay && input.day < rec.startDay) return fieldError('day', `日期：不能早于实验开始日（${rec.startDay}）`)
  return null
}

/**
 * Logs one variant's sent/opened for a day. The fact's id comes from the request, so a handler re-run for
 * the same request finds its own fact instead of writing a second one (the wrapper's requestId already
 * answers a plain retry).
 */
export async function logCounts(ctx: MemberCtx, input: LogVariantCountsInput): Promise<VariantView> {
  const id = ctx.newId('counts')
  const _ = ctx.db.command
  try {
    await ctx.db.runTransaction(async (tx) => {
      const rec = await docIn<ExperimentRecord>(tx, EXPERIMENTS, input.experimentId)
      const refused = refusal(rec, ctx.team._id, input)
      if (refused) throw refused
      const dk = countsDayKey(input.variantKey, input.day)
      const prev = rec!.countsInForce?.[dk] ?? null
      const totals = rec!.countTotals?.[input.variantKey] ?? { sent: 0, opened: 0, last: null }
      const fact: ExperimentCountsRecord = {
        ...loggedFact(ctx, id),
        experimentId: input.experimentId,
        variantKey: input.variantKey,
        day: input.day,
        sent: input.sent,
        opened: input.opened,
        supersedes: prev?.id ?? null,
      }
      await tx.collection(EXPERIMENT_COUNTS).add({ data: fact as unknown as Record<string, unknown> })
      const next = {
        sent: totals.sent - (prev?.sent ?? 0) + input.sent,
        opened: totals.opened - (prev?.opened ?? 0) + input.opened,
        last: { day: input.day, sent: input.sent, opened: input.opened, byName: ctx.member.name, at: ctx.now },
      }
      // The experiment's version is left alone: counts are facts about it, not an edit of it.
      await tx.collection(EXPERIMENTS).doc(input.experimentId).update({
        data: { [`countTotals.${input.variantKey}`]: _.set(next), [`countsInForce.${dk}`]: _.set({ id, sent: input.sent, opened: input.opened }), updatedAt: ctx.now },
      })
      ctx.audit({ subjectId: input.experimentId, subjectName: rec!.title, detail: { variantKey: input.variantKey, day: input.day, sent: input.sent, opened: input.opened, supersedes: fact.supersedes } })
    })
  } catch (e) {
    if (e instanceof AppError) throw e
    if (isConflict(e)) throw new AppError('CONFLICT', '同时有人在录入，请稍后重试')
    if (!isDuplicateKeyError(e)) throw e
    // This request's fact is stored already (a re-run after a crash): answer with what is stored.
  }
  const rec = await ctx.repo<ExperimentRecord>(EXPERIMENTS).get(input.experimentId)
  return experimentView(rec!, new Map()).variants.find((v) => v.key === input.variantKey)!
}
