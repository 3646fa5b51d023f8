// The targets' rolling revision (PRODUCT.md capability 8), run daily per team by the hourly timer: when a
// KPI's period starts, the target planned for it takes effect, or the previous one is carried forward —
// either way recorded in the target's history; in the last two weeks of a quarter (last week of a month)
// the managers are reminded to set the next period's targets, once per period.
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { reviewedEveryOf } from '../../core/analytics/kpiSettings'
import { CLASS_WORDS, nextPeriod, periodLabel, periodOf, reminderDue, type PeriodEvery } from '../../core/analytics/periods'
import { KPIS, type KpiKey } from '../../core/analytics/schemas'
import type { TargetSetting, TargetTrigger } from '../../core/analytics/targetSchemas'
import { targetView } from '../../core/analytics/targets'
import { dayKey } from '../../core/time/china'
import type { TargetHistoryRecord } from '../common/db/analytics'
import { TARGET_HISTORY, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { docIn } from '../common/transaction'
import { isDuplicateKeyError, type DbLike } from '../common/sdk'
import { notifyTargetsDue } from './notices'


export interface RhythmResult {
  /** KPIs whose new period started: with the planned target, or carried forward. */
  started: KpiKey[]
  carried: KpiKey[]
  /** Period kinds whose owners were reminded today. */
  reminded: PeriodEvery[]
}

/**
 * One team's daily work. History entries have ids fixed by KPI, period and trigger, and are written before
 * the team's markers: a run that dies halfway is redone by the next without writing anything twice. A
 * team's first run only marks where each KPI stands (nothing was carried: there was no previous period).
 */
export async function dailyTeam(db: DbLike, team: TeamRecord, now: Date): Promise<RhythmResult> {
  const today = dayKey(now)
  const out: RhythmResult = { started: [], carried: [], reminded: [] }
  const updates: Record<string, unknown> = {}
  const first = !team.targetPeriods
  for (const kpi of KPIS) {
    const period = periodOf(reviewedEveryOf(kpi, team.kpiSettings), today)
    const was = team.targetPeriods?.[kpi]
    if (was === period) continue
    updates[`targetPeriods.${kpi}`] = period
    if (first || !was) continue
    const cur = targetView(kpi, team.targets?.[kpi], team.kpiSettings)
    const start = planStarting(team, kpi, period, now)
    if (start) {
      updates[`targets.${kpi}`] = start.target
      updates[`targetPlans.${kpi}`] = null
      await addOnce(db, start.history)
      out.started.push(kpi)
    } else {
      await addHistory(db, team._id, kpi, period, 'carry', { value: cur.value, previousValue: cur.value, tolerance: cur.tolerance, previousTolerance: cur.tolerance, reason: `${periodLabel(period)}开始时没有设定新目标，沿用上期目标`, byName: '系统' }, now)
      out.carried.push(kpi)
    }
  }
  for (const every of ['quarter', 'month'] as const) {
    if (!reminderDue(every, today)) continue
    const next = nextPeriod(every, today)
    if (team.remindedFor?.[every] === next) continue
    updates[`remindedFor.${every}`] = next
    const missing = KPIS.filter((k) => reviewedEveryOf(k, team.kpiSettings) === every && team.targetPlans?.[k]?.period !== next)
    if (!missing.length) continue
    const names = missing.map((k) => KPI_DEFS[k].label).join('、')
    await notifyTargetsDue(db, team._id, next, `请设定${periodLabel(next)}的${CLASS_WORDS[every].name}目标`, `${missing.length} 项未设定（${names}）；未设定的将沿用本期目标`, now)
    out.reminded.push(every)
  }
  updates.rhythmDay = today
  // In a transaction over a fresh read: a plan a manager saved for the period after (or an override)
  // since this run read the team must not be cleared or overwritten by the rollover.
  await db.runTransaction(async (tx) => {
    const fresh = await docIn<TeamRecord>(tx, TEAMS, team._id)
    if (!fresh) return
    for (const kpi of [...out.started]) {
      const plan = fresh.targetPlans?.[kpi]
      const period = updates[`targetPeriods.${kpi}`] as string
      if (plan?.period !== period) delete updates[`targetPlans.${kpi}`]
      if ((fresh.targets?.[kpi]?.version ?? 0) !== (team.targets?.[kpi]?.version ?? 0)) delete updates[`targets.${kpi}`]
    }
    await tx.collection(TEAMS).doc(team._id).update({ data: updates })
  })
  return out
}

/**
 * The target a plan becomes when its period starts, with its history entry (id fixed by KPI, period and
 * trigger); null when no plan is for `period`. Shared by the rollover and by a plan saved before the
 * rollover has run (revise.ts), so a started plan is written through once, whichever comes first.
 */
export function planStarting(team: TeamRecord, kpi: KpiKey, period: string, now: Date): { target: TargetSetting; history: TargetHistoryRecord } | null {
  const plan = team.targetPlans?.[kpi]
  if (!plan || plan.period !== period) return null
  const cur = targetView(kpi, team.targets?.[kpi], team.kpiSettings)
  const target: TargetSetting = { value: plan.value, tolerance: plan.tolerance, version: Math.max(plan.version, cur.version + 1), updatedAt: now, updatedByName: plan.updatedByName }
  const f = { value: plan.value, previousValue: cur.value, tolerance: plan.tolerance, previousTolerance: cur.tolerance, reason: `${periodLabel(period)}开始，提前设定的目标生效`, byName: plan.updatedByName ?? '—' }
  return { target, history: historyRecord(team._id, kpi, period, 'start', f, now) }
}

function historyRecord(teamId: string, kpi: KpiKey, period: string, trigger: TargetTrigger, f: Pick<TargetHistoryRecord, 'value' | 'previousValue' | 'tolerance' | 'previousTolerance' | 'reason' | 'byName'>, now: Date): TargetHistoryRecord {
  return { _id: `${teamId}_${kpi}_${period}_${trigger}`, teamId, kpi, ...f, at: now, analysisId: null, trigger, period, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
}

async function addHistory(
  db: DbLike,
  teamId: string,
  kpi: KpiKey,
  period: string,
  trigger: TargetTrigger,
  f: Pick<TargetHistoryRecord, 'value' | 'previousValue' | 'tolerance' | 'previousTolerance' | 'reason' | 'byName'>,
  now: Date,
): Promise<void> {
  await addOnce(db, historyRecord(teamId, kpi, period, trigger, f, now))
}

async function addOnce(db: DbLike, record: TargetHistoryRecord): Promise<void> {
  try {
    await db.collection(TARGET_HISTORY).add({ data: record as unknown as Record<string, unknown> })
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
  }
}
