// How a risk's score and status change: the risk and its append-only history entry (and, when a
// suggestion is accepted, the suggestion) in one transaction, optimistic on the risk's version.
import { AppError } from '../../core/errors'
import type { MemberCtx } from '../common/context'
import { RISKS, RISK_CHANGES, RISK_SUGGESTIONS } from '../common/db/collections'
import type { RiskChangeRecord, RiskRecord, RiskSuggestionRecord } from '../common/db/steering'
import { isDuplicateKeyError, type TransactionLike } from '../common/sdk'
import { docIn, isConflict } from '../common/transaction'
import { summaryOf } from './riskRead'
import { baseFields } from '../common/records'

/**
 * Runs a multi-document write once: a lost race is a CONFLICT to retry; this request's own ids already
 * stored (a handler re-run after a crash) means the write happened, and is not repeated.
 */
export async function writeOnce(ctx: MemberCtx, fn: (tx: TransactionLike) => Promise<void>): Promise<void> {
  try {
    await ctx.db.runTransaction(fn)
  } catch (e) {
    if (e instanceof AppError) throw e
    if (isConflict(e)) throw new AppError('CONFLICT', '同时有人在修改这项风险，请刷新后重试')
    if (!isDuplicateKeyError(e)) throw e
  }
}

/** Appends the history entry of a change whose result is `after`. */
export async function addChange(
  tx: TransactionLike,
  ctx: MemberCtx,
  after: Pick<RiskRecord, '_id' | 'likelihood' | 'impact' | 'status'>,
  c: { kind: RiskChangeRecord['kind']; from: RiskChangeRecord['from']; reason: string; suggestionId?: string },
): Promise<void> {
  const entry: RiskChangeRecord = {
    ...baseFields(ctx, ctx.newId('riskChange')),
    riskId: after._id,
    kind: c.kind,
    from: c.from,
    to: { likelihood: after.likelihood, impact: after.impact, status: after.status },
    reason: c.reason,
    byName: ctx.member.name,
    at: ctx.now,
    suggestionId: c.suggestionId ?? null,
  }
  await tx.collection(RISK_CHANGES).add({ data: entry as unknown as Record<string, unknown> })
}

export interface ChangeDecision {
  kind: 'score' | 'status' | 'suggestion'
  patch: Partial<Pick<RiskRecord, 'likelihood' | 'impact' | 'status'>>
  reason: string
  suggestionId?: string
}

/**
 * Changes a risk's score or status as `decide` says, given the stored risk (and suggestion): the risk with
 * its version bumped, a history entry, and the accepted suggestion, all or nothing.
 */
export async function changeScoreOrStatus(
  ctx: MemberCtx,
  riskId: string,
  version: number,
  decide: (risk: RiskRecord, suggestion: RiskSuggestionRecord | null) => ChangeDecision,
  suggestionId?: string,
): Promise<void> {
  await writeOnce(ctx, async (tx) => {
    const risk = await docIn<RiskRecord>(tx, RISKS, riskId)
    if (!risk || risk.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '没有这个风险')
    const suggestion = suggestionId ? await docIn<RiskSuggestionRecord>(tx, RISK_SUGGESTIONS, suggestionId) : null
    if (suggestionId && (!suggestion || suggestion.teamId !== ctx.team._id || suggestion.riskId !== riskId)) throw new AppError('NOT_FOUND', '没有这条建议')
    if (risk.version !== version) throw new AppError('CONFLICT', '风险已被他人修改，请刷新后重试', { current: summaryOf(risk, ctx.now, 0) })
    const d = decide(risk, suggestion)
    const after = { ...risk, ...d.patch }
    await tx.collection(RISKS).doc(riskId).update({ data: { ...d.patch, version: risk.version + 1, updatedAt: ctx.now } })
    await addChange(tx, ctx, after, { kind: d.kind, from: { likelihood: risk.likelihood, impact: risk.impact, status: risk.status }, reason: d.reason, suggestionId: d.suggestionId })
    if (suggestion) {
      await tx.collection(RISK_SUGGESTIONS).doc(suggestion._id).update({
        data: { status: 'accepted', decidedBy: ctx.member._id, decidedByName: ctx.member.name, decidedAt: ctx.now, updatedAt: ctx.now },
      })
    }
    ctx.audit({ subjectId: riskId, subjectName: risk.title, before: { likelihood: risk.likelihood, impact: risk.impact, status: risk.status }, after: { ...d.patch, reason: d.reason } })
  })
}
