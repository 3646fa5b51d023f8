import type { analyticsContract } from '../../core/api/analytics'
import { baselineWindow, inForce } from '../../core/analytics/horizons'
import { periodLabel } from '../../core/analytics/periods'
import { periodInfo, targetViews, teamTargetsOn } from '../../core/analytics/targets'
import { TARGET_TRIGGER_LABELS, type TargetHistoryEntry, type TargetView } from '../../core/analytics/targetSchemas'
import { AppError } from '../../core/errors'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import type { TargetHistoryRecord } from '../common/db/analytics'
import { TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { isConflict } from '../common/transaction'
import { enteredNotes } from './kpiSettings'
import { planBasisOf, planStartOf, readDayRollups, toRollup } from './read'
import { currentTarget, plannedTarget, reviseTargetIn, type Revision } from './revise'

type C = typeof analyticsContract

const HISTORY_SHOWN = 100

/** The KPI's view after an edit, with its periods (what the 目标 screen shows). */
function withPeriod(team: TeamRecord, view: TargetView, today: string): TargetView {
  return { ...view, period: periodInfo(view.kpi, team.targetPlans?.[view.kpi], today, team.kpiSettings) }
}

/** An override of this period's target or a plan for the next: one transaction, a fresh CONFLICT on a race. */
async function revise(ctx: MemberCtx, r: Revision): Promise<TargetView> {
  const today = dayKey(ctx.now)
  const seen = r.trigger === 'plan' ? plannedTarget(ctx.team, r.kpi, today) : currentTarget(ctx.team, r.kpi, today)
  if (seen.version !== r.version) throw new AppError('CONFLICT', '目标已被他人调整，请查看最新目标', { current: seen })
  try {
    await ctx.db.runTransaction((tx) => reviseTargetIn(tx, ctx, r))
  } catch (e) {
    if (e instanceof AppError && (e.code !== 'CONFLICT' || e.current !== undefined)) throw e
    if (!isConflict(e)) throw e
    const team = await ctx.repo<TeamRecord>(TEAMS, ctx.team._id).get(ctx.team._id)
    throw new AppError('CONFLICT', '目标已被他人调整，请查看最新目标', { current: team ? currentTarget(team, r.kpi, today) : seen })
  }
  ctx.audit({ subjectId: r.kpi, detail: { value: r.value, previousValue: seen.value, tolerance: r.tolerance, reason: r.reason, trigger: TARGET_TRIGGER_LABELS[r.trigger] } })
  const team = (await ctx.repo<TeamRecord>(TEAMS, ctx.team._id).get(ctx.team._id)) ?? ctx.team
  return withPeriod(team, currentTarget(team, r.kpi, today), today)
}

export const targetHandlers: Pick<Handlers<C>, 'targets' | 'setTarget' | 'planTarget' | 'targetHistory'> = {
  async targets({ ctx }) {
    // Relative targets (inquiries, order conversion) show the value in force: the measured baseline × factor.
    const start = planStartOf(ctx.team)
    const w = baselineWindow(start)
    const today = dayKey(ctx.now)
    const rollups = await readDayRollups(ctx, w.from, w.to, { _id: true, day: true, total: true, followers: true })
    const views = inForce(targetViews(teamTargetsOn(ctx.team, today), ctx.team.kpiSettings), planBasisOf(ctx.team, rollups.map(toRollup)), enteredNotes(ctx.team.kpiSettings))
    return views.map((v) => withPeriod(ctx.team, v, today))
  },

  // This period's target has started: only an admin changes it directly, with a reason (else a special analysis decides).
  async setTarget({ ctx, input }) {
    return revise(ctx, { ...input, trigger: 'override' })
  },

  async planTarget({ ctx, input }) {
    return revise(ctx, { ...input, trigger: 'plan' })
  },

  async targetHistory({ ctx, input }) {
    const list = await ctx.repo<TargetHistoryRecord>(TARGET_HISTORY).find({ kpi: input.kpi }, { orderBy: ['at', 'desc'], limit: HISTORY_SHOWN })
    return list.map(
      (h): TargetHistoryEntry => ({
        kpi: h.kpi,
        value: h.value,
        previousValue: h.previousValue,
        tolerance: h.tolerance,
        previousTolerance: h.previousTolerance,
        reason: h.reason,
        analysisId: h.analysisId ?? null,
        trigger: h.trigger ?? 'edit',
        triggerLabel: TARGET_TRIGGER_LABELS[h.trigger ?? 'edit'],
        periodLabel: h.period ? periodLabel(h.period) : null,
        byName: h.byName,
        at: new Date(h.at).toISOString(),
      }),
    )
  },
}
