// A team's KPI settings beyond target values: the admin's class (核心/辅助) and owner per KPI, a
// manager's baseline for a KPI that history cannot measure, and the team's conversion path (PRODUCT.md capability 8).
import type { analyticsContract } from '../../core/api/analytics'
import { PATH_VERSIONS_KEPT, type ConversionPathView, type PathEntry } from '../../core/analytics/conversionPath'
import { baselineWindow, measureBaselines } from '../../core/analytics/horizons'
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { baselineProblem, reviewedEveryOf, type KpiSetting, type KpiSettings } from '../../core/analytics/kpiSettings'
import { classText, periodLabel, periodOf } from '../../core/analytics/periods'
import type { KpiKey } from '../../core/analytics/schemas'
import type { TargetView } from '../../core/analytics/targetSchemas'
import { AppError } from '../../core/errors'
import { formatKpiValue } from '../../core/format'
import { mayOwnKpi } from '../../core/roles'
import { dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import type { TargetHistoryRecord } from '../common/db/analytics'
import { MEMBERS, TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { MemberRecord, TeamRecord } from '../common/db/team'
import { docIn } from '../common/transaction'
import { planStartOf, readDayRollups, toRollup } from './read'
import { currentTarget } from './revise'

type C = typeof analyticsContract


const invalid = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] })

/** The reasons behind entered baselines, for the 目标 screen ("王敏录入：去年同期台账"). */
export function enteredNotes(settings: KpiSettings | undefined | null): Partial<Record<KpiKey, string>> {
  const out: Partial<Record<KpiKey, string>> = {}
  for (const [k, s] of Object.entries(settings ?? {}) as [KpiKey, KpiSetting][]) if (s?.baseline) out[k] = `${s.baseline.byName}录入：${s.baseline.reason}`
  return out
}

async function writeSetting(ctx: MemberCtx, kpi: KpiKey, change: (team: TeamRecord, cur: KpiSetting) => { setting: KpiSetting; extra?: Record<string, unknown>; history?: TargetHistoryRecord }): Promise<TeamRecord> {
  await ctx.db.runTransaction(async (tx) => {
    const team = await docIn<TeamRecord>(tx, TEAMS, ctx.team._id)
    if (!team) throw new AppError('NOT_FOUND', '团队不存在')
    const { setting, extra, history } = change(team, team.kpiSettings?.[kpi] ?? {})
    await tx.collection(TEAMS).doc(team._id).update({ data: { [`kpiSettings.${kpi}`]: setting, ...extra } })
    if (history) await tx.collection(TARGET_HISTORY).add({ data: history as unknown as Record<string, unknown> })
  })
  return (await ctx.repo<TeamRecord>(TEAMS, ctx.team._id).get(ctx.team._id)) ?? ctx.team
}

export const kpiSettingHandlers: Pick<Handlers<C>, 'setKpiSetting' | 'setBaseline' | 'conversionPath' | 'setConversionPath'> = {
  // Reclassifying moves the KPI to the other period kind from today: its target in force stays, a target
  // planned for the old kind's next period is dropped (it named a period the KPI no longer has), on record.
  async setKpiSetting({ ctx, input }) {
    let owner: Pick<MemberRecord, '_id' | 'name'> | null = null
    if (input.ownerId) {
      const m = await ctx.repo<MemberRecord>(MEMBERS, ctx.team._id).get(input.ownerId)
      if (!m || m.status !== 'active') throw invalid('ownerId', '负责人：该成员不在团队中')
      if (!mayOwnKpi(m.roles)) throw invalid('ownerId', '负责人：须为主管或管理员（专项分析由其结案）')
      owner = m
    }
    const today = dayKey(ctx.now)
    const team = await writeSetting(ctx, input.kpi, (t, cur) => {
      const was = reviewedEveryOf(input.kpi, t.kpiSettings)
      const setting: KpiSetting = { ...cur, reviewedEvery: input.reviewedEvery, ownerId: owner?._id ?? null, ownerName: owner?.name ?? null }
      if (was === input.reviewedEvery) return { setting }
      const period = periodOf(input.reviewedEvery, today)
      const target = currentTarget(t, input.kpi, today)
      const history: TargetHistoryRecord = {
        _id: ctx.newId('target-history'),
        teamId: t._id,
        kpi: input.kpi,
        value: target.value,
        previousValue: target.value,
        tolerance: target.tolerance,
        previousTolerance: target.tolerance,
        reason: `由${classText(was)}改为${classText(input.reviewedEvery)}，本期目标不变，自${periodLabel(period)}起按新周期设定：${input.reason}`,
        byName: ctx.member.name,
        at: ctx.now,
        analysisId: null,
        trigger: 'reclassify',
        period,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        createdBy: ctx.member._id,
        version: 0,
      }
      return { setting, history, extra: { [`targetPeriods.${input.kpi}`]: period, [`targetPlans.${input.kpi}`]: null } }
    })
    ctx.audit({ subjectId: input.kpi, detail: { reviewedEvery: classText(input.reviewedEvery), owner: owner?.name ?? '全体主管', reason: input.reason } })
    return viewOf(ctx, team, input.kpi)
  },

  // Only where history has nothing: a measured baseline is the plan's fact and is not overwritten by hand.
  async setBaseline({ ctx, input }) {
    const problem = baselineProblem(input.kpi, input.value)
    if (problem) throw invalid(problem.path, problem.message)
    const start = planStartOf(ctx.team)
    const w = baselineWindow(start)
    const measured = measureBaselines((await readDayRollups(ctx, w.from, w.to, { _id: true, day: true, total: true, followers: true })).map(toRollup), start).measured[input.kpi]
    if (measured !== null && measured !== undefined) {
      throw invalid('value', `基线：计划开始前已有实测基线 ${formatKpiValue(KPI_DEFS[input.kpi], measured)}，按实测计算，无需录入`)
    }
    const team = await writeSetting(ctx, input.kpi, (_t, cur) => ({ setting: { ...cur, baseline: { value: input.value, reason: input.reason, byName: ctx.member.name, at: ctx.now } } }))
    ctx.audit({ subjectId: input.kpi, detail: { baseline: formatKpiValue(KPI_DEFS[input.kpi], input.value), reason: input.reason } })
    return viewOf(ctx, team, input.kpi)
  },

  async conversionPath({ ctx }) {
    return pathView(ctx.team)
  },

  // A new version from today; the weeks already judged keep the path they had (the KPI reads the version in force on a day).
  async setConversionPath({ ctx, input }) {
    const entry: PathEntry = { day: dayKey(ctx.now), steps: input.steps, byName: ctx.member.name, at: ctx.now }
    await ctx.db.runTransaction(async (tx) => {
      const team = await docIn<TeamRecord>(tx, TEAMS, ctx.team._id)
      if (!team) throw new AppError('NOT_FOUND', '团队不存在')
      await tx.collection(TEAMS).doc(team._id).update({ data: { conversionPaths: [...(team.conversionPaths ?? []), entry].slice(-PATH_VERSIONS_KEPT) } })
    })
    ctx.audit({ subjectId: 'conversionPath', detail: { steps: input.steps.join(' → '), length: input.steps.length } })
    return pathView((await ctx.repo<TeamRecord>(TEAMS, ctx.team._id).get(ctx.team._id)) ?? ctx.team)
  },
}

/** The path in force and its earlier versions, newest first. */
function pathView(team: TeamRecord): ConversionPathView {
  const list = team.conversionPaths ?? []
  const cur = list[list.length - 1]
  return {
    steps: cur?.steps ?? [],
    byName: cur?.byName ?? null,
    at: cur ? new Date(cur.at).toISOString() : null,
    history: list.slice(0, -1).reverse().map((p) => ({ day: p.day, length: p.steps.length, byName: p.byName })),
  }
}

/** The KPI's target view after a settings change (the 目标 screen refreshes its list for baselines). */
function viewOf(ctx: MemberCtx, team: TeamRecord, kpi: KpiKey): TargetView {
  return currentTarget(team, kpi, dayKey(ctx.now))
}
