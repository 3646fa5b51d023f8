import { targetView, type StoredTarget } from '../../core/analytics/targets'
import type { KpiKey } from '../../core/analytics/schemas'
import { AppError } from '../../core/errors'
import type { MemberCtx } from '../common/context'
import type { TargetHistoryRecord } from '../common/db/analytics'
import { TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { docIn } from '../common/production'
import type { TransactionLike } from '../common/sdk'

export interface Revision {
  kpi: KpiKey
  value: number | null
  /** Absent: the tolerance in force stays. */
  tolerance?: number
  reason: string
  /** The target's version the editor saw; absent when the revision comes from a special analysis (its own version guards it). */
  version?: number
  analysisId?: string
}

/**
 * One target revision inside a transaction: the team's target in force and its history entry (who, when,
 * why, and the special analysis that triggered it) commit together; the history id is derived from the
 * request, so a retried request collides instead of writing twice. The one writer of targets.
 */
export async function reviseTargetIn(tx: TransactionLike, ctx: MemberCtx, r: Revision): Promise<{ before: ReturnType<typeof targetView>; next: StoredTarget }> {
  const teamId = ctx.team._id
  const team = await docIn<TeamRecord>(tx, TEAMS, teamId)
  if (!team) throw new AppError('NOT_FOUND', '团队不存在')
  const before = targetView(r.kpi, team.targets?.[r.kpi])
  if (r.version !== undefined && before.version !== r.version) throw new AppError('CONFLICT', '目标已被他人调整，请查看最新目标', { current: before })
  const tolerance = r.tolerance ?? before.tolerance
  const next: StoredTarget = { value: r.value, tolerance, version: before.version + 1, updatedAt: ctx.now, updatedByName: ctx.member.name }
  const history: TargetHistoryRecord = {
    _id: ctx.newId('target-history'),
    teamId,
    kpi: r.kpi,
    value: r.value,
    previousValue: before.value,
    tolerance,
    previousTolerance: before.tolerance,
    reason: r.reason,
    byName: ctx.member.name,
    at: ctx.now,
    analysisId: r.analysisId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.member._id,
    version: 0,
  }
  await tx.collection(TEAMS).doc(teamId).update({ data: { [`targets.${r.kpi}`]: next } })
  await tx.collection(TARGET_HISTORY).add({ data: history as unknown as Record<string, unknown> })
  return { before, next }
}
