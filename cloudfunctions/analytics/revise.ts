import { reviewedEveryOf } from '../../core/analytics/kpiSettings'
import { nextPeriod, periodOf } from '../../core/analytics/periods'
import { targetView, teamTargetsOn } from '../../core/analytics/targets'
import type { KpiKey } from '../../core/analytics/schemas'
import type { PlannedTarget, TargetSetting, TargetTrigger, TargetView } from '../../core/analytics/targetSchemas'
import { AppError } from '../../core/errors'
import { dayKey } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import type { TargetHistoryRecord } from '../common/db/analytics'
import { TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { docIn } from '../common/transaction'
import { planStarting } from './rhythm'
import type { TransactionLike } from '../common/sdk'

export interface Revision {
  kpi: KpiKey
  value: number | null
  /** Absent: the tolerance in force stays. */
  tolerance?: number
  reason: string
  /** The version the editor saw; absent when the revision comes from a special analysis (its own version guards it). */
  version?: number
  analysisId?: string
  trigger: Extract<TargetTrigger, 'override' | 'analysis' | 'plan'>
}

const stale = (current: TargetView) => new AppError('CONFLICT', '目标已被他人调整，请查看最新目标', { current })

/** A team's target in force for one KPI today (a started plan applied), as the editor sees it. */
export function currentTarget(team: TeamRecord, kpi: KpiKey, today: string): TargetView {
  return targetView(kpi, teamTargetsOn(team, today)[kpi], team.kpiSettings)
}

/** The target planned for a KPI's next period, as the editor sees it (version 0 when none is planned yet). */
export function plannedTarget(team: TeamRecord, kpi: KpiKey, today: string): TargetView {
  const p = team.targetPlans?.[kpi]
  const next = nextPeriod(reviewedEveryOf(kpi, team.kpiSettings), today)
  return p && p.period === next ? targetView(kpi, p, team.kpiSettings) : { ...currentTarget(team, kpi, today), version: 0 }
}

/**
 * One target revision inside a transaction — this period's target (an admin's override or a special
 * analysis's decision) or the next period's (a plan) — with its history entry: who, when, why, for which
 * period and what triggered it. The history id is derived from the request, so a retry collides instead of
 * writing twice. The one writer of targets besides the job's period rollover (rhythm.ts).
 */
export async function reviseTargetIn(tx: TransactionLike, ctx: MemberCtx, r: Revision): Promise<{ before: TargetView; next: TargetSetting }> {
  const teamId = ctx.team._id
  const team = await docIn<TeamRecord>(tx, TEAMS, teamId)
  if (!team) throw new AppError('NOT_FOUND', '团队不存在')
  const today = dayKey(ctx.now)
  const planning = r.trigger === 'plan'
  const before = planning ? plannedTarget(team, r.kpi, today) : currentTarget(team, r.kpi, today)
  if (r.version !== undefined && before.version !== r.version) throw stale(before)
  const every = reviewedEveryOf(r.kpi, team.kpiSettings)
  const period = planning ? nextPeriod(every, today) : periodOf(every, today)
  const tolerance = r.tolerance ?? before.tolerance
  const next: TargetSetting = { value: r.value, tolerance, version: before.version + 1, updatedAt: ctx.now, updatedByName: ctx.member.name }
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
    trigger: r.trigger,
    period,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.member._id,
    version: 0,
  }
  if (planning) {
    const plan: PlannedTarget = { ...next, period }
    // A plan whose period began before the rollover ran is written through first (as the rollover would,
    // same history id), so the one plan slot never drops a target that is already in force.
    const current = periodOf(every, today)
    const start = team.targetPeriods?.[r.kpi] && team.targetPeriods[r.kpi] !== current ? planStarting(team, r.kpi, current, ctx.now) : null
    const folded = start ? { [`targets.${r.kpi}`]: start.target, [`targetPeriods.${r.kpi}`]: current } : {}
    await tx.collection(TEAMS).doc(teamId).update({ data: { [`targetPlans.${r.kpi}`]: plan, ...folded } })
    if (start) {
      const { _id, ...entry } = start.history
      await tx.collection(TARGET_HISTORY).doc(_id).set({ data: entry as unknown as Record<string, unknown> })
    }
  } else {
    // A plan whose period has started is folded in here, so it cannot reappear over this revision.
    const started = team.targetPlans?.[r.kpi] && team.targetPlans[r.kpi]!.period <= period
    await tx.collection(TEAMS).doc(teamId).update({ data: { [`targets.${r.kpi}`]: next, [`targetPeriods.${r.kpi}`]: period, ...(started ? { [`targetPlans.${r.kpi}`]: null } : {}) } })
  }
  await tx.collection(TARGET_HISTORY).add({ data: history as unknown as Record<string, unknown> })
  return { before, next }
}
