// The two-week rule's job (PRODUCT.md capability 8): each completed ISO week's verdict per KPI, stored
// once; alerts and special analyses opened on a run's second miss; 恢复中 when a week is back on target.
// Reads only rollups (plus the items projection, the span's livestream sessions, review gates' first
// outcomes by month and, when an alert opens, recent item series).
import { alertKey, ANALYSIS_DUE_WORKING_DAYS, workingDaysAfter } from '../../core/analytics/alerts'
import { buildEvidence, type EvidenceItem } from '../../core/analytics/evidence'
import type { KpiData, KpiSource } from '../../core/analytics/kpiData'
import type { DayRollup } from '../../core/results/rollup'
import { baselineWindow, type PlanBasis } from '../../core/analytics/horizons'
import type { SeriesPoint } from '../../core/results/views'
import { KPI_DEFS } from '../../core/analytics/kpiDefs'
import { KPIS, type KpiKey } from '../../core/analytics/schemas'
import { completedWeeks, streak, weekResult, type WeekResult } from '../../core/analytics/weekly'
import { dayKey, startOfDay, type DayKey } from '../../core/time/china'
import type { AlertRecord, AnalysisRecord, KpiWeekRecord } from '../common/db/analytics'
import { ALERTS, ANALYSES, ITEM_SERIES, KPI_WEEKS, TEAMS } from '../common/db/collections'
import type { SeriesRecord } from '../common/db/results'
import type { TeamRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import { isDuplicateKeyError, type DbLike } from '../common/sdk'
import { notifyDataMissing, notifyOverdue, notifyOwners, ownersFor, ownersOf } from './notices'
import { dailyTeam } from './rhythm'
import { dueReports, reportsMark } from './reports'
import { itemFact, planBasisOf, planStartOf, targetsOf, teamDayRollups, teamFirstOutcomes, teamItems, teamLiveSessions, toRollup } from './read'

/** A job that did not run (or a team whose numbers came late) is caught up over this many completed weeks. */
export const CATCH_UP_WEEKS = 8
/** Stored weeks the streak reads: longer than the catch-up, so a run's start never slides into view as a new run. */
const HISTORY_WEEKS = 26
/** Sources field staff log by hand: a week without them is 未录入 for want of logging, worth a reminder. */
const LOGGED_SOURCES: readonly KpiSource[] = ['posts', 'followers', 'leads', 'logs']
/** Series read for the movers of newly opened alerts (the items logged most recently). */
const MOVER_CANDIDATES = 200
const PAGE = 100
/**
 * A week is judged 10 hours after it ends (Monday 10:00 China time), not at midnight: field staff log
 * Sunday's numbers on Monday morning, and a frozen verdict must not count them as missing.
 */
export const VERDICT_GRACE_MS = 10 * 3600_000
/** One timer run's time budget (the function's timeout is 60 s); the next run carries on where this one stopped. */
const BUDGET_MS = 40_000

/** What a KPI's evidence and verdicts read for a span of days: rollups (with the plan's baseline window), the items projection, livestream sessions, first outcomes. */
export interface Source {
  plan: PlanBasis
  data: KpiData
  rollups: DayRollup[]
  items: EvidenceItem[]
}

export async function readSource(db: DbLike, team: TeamRecord, span: { from: DayKey; to: DayKey }): Promise<Source> {
  const planStart = planStartOf(team)
  // Sessions (per-session 直播转化率) and first outcomes (内容合格率) ride along in parallel: ≤ 10 requests a team and week.
  const [records, items, sessions, firstOutcomes] = await Promise.all([
    teamDayRollups(db, team._id, [span, baselineWindow(planStart)], { _id: true, day: true, total: true, followers: true }),
    teamItems(db, team._id, [span]),
    teamLiveSessions(db, team._id, span),
    teamFirstOutcomes(db, team._id, [span]),
  ])
  const rollups = records.map(toRollup)
  return {
    plan: planBasisOf(team, rollups),
    data: { rollups, items: items.map(itemFact), sessions, firstOutcomes, paths: team.conversionPaths },
    rollups,
    items: items.map((i) => ({ id: i._id, title: i.title, format: i.format, layer: i.layer, category: i.category, publishedDay: itemFact(i).publishedDay })),
  }
}

/** Adds the series of recently logged items (the movers' candidates), one request. */
export async function withSeries(db: DbLike, teamId: string, src: Source, from: DayKey) {
  const series = await new Repo<SeriesRecord>(db, ITEM_SERIES, teamId).find(
    { updatedAt: db.command.gte(startOfDay(from)) },
    { orderBy: ['updatedAt', 'desc'], limit: MOVER_CANDIDATES, fields: { _id: true, itemId: true, points: true } },
  )
  return { rollups: src.rollups, items: src.items, series: series.map((s) => ({ itemId: s.itemId, title: '', points: (s.points ?? []) as SeriesPoint[] })) }
}

/**
 * The two-week rule judges only targets the plan or the team stands behind: a default that is our own
 * assumption (kpiDefs.ts `assumed`) and that no manager has set lights the card, but its weeks are stored
 * as 无目标 (value and target kept), so they neither open an alert nor start a run.
 */
function judged(kpi: KpiKey, r: WeekResult, targetVersion: number): WeekResult {
  return KPI_DEFS[kpi].assumed && targetVersion === 0 && r.verdict !== 'missing' ? { ...r, verdict: 'untargeted' } : r
}

export interface WeeklyResult {
  weeks: string[]
  opened: string[]
  recovering: string[]
}

export function kpiWeekId(teamId: string, week: string): string {
  return `${teamId}_${week}`
}

export function alertId(teamId: string, kpi: KpiKey, runStart: string): string {
  return `${teamId}_${alertKey(kpi, runStart)}`
}

/** Inserts a document with its own id; an existing one (a rerun, or a concurrent run) is left as it is. */
async function addOnce(db: DbLike, collection: string, doc: { _id: string }): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc as unknown as Record<string, unknown> })
    return true
  } catch (e) {
    if (isDuplicateKeyError(e)) return false
    throw e
  }
}

/** The latest completed ISO week on `now` (what a team that is up to date has evaluated). */
export function latestWeek(now: Date): string {
  return judgedWeeks(now, 1)[0].week
}

/** The completed weeks old enough to judge on `now` (see VERDICT_GRACE_MS), oldest first. */
export function judgedWeeks(now: Date, n: number) {
  return completedWeeks(dayKey(new Date(now.getTime() - VERDICT_GRACE_MS)), n)
}

/**
 * Evaluates one team's completed weeks not yet stored (up to 8 back, none before the plan's start), then
 * opens and advances alerts from the streak over the stored verdicts. Alerts and analyses are written
 * before the verdicts, with ids fixed by the run's start: a run that dies halfway is redone whole by the
 * next one, and a rerun writes nothing new.
 */
export async function evaluateTeam(db: DbLike, team: TeamRecord, now: Date): Promise<WeeklyResult> {
  const teamId = team._id
  const weeks = judgedWeeks(now, CATCH_UP_WEEKS).filter((w) => w.to >= planStartOf(team))
  const out: WeeklyResult = { weeks: [], opened: [], recovering: [] }
  if (!weeks.length) return out
  const stored = await new Repo<KpiWeekRecord>(db, KPI_WEEKS, teamId).find({}, { orderBy: ['week', 'desc'], limit: HISTORY_WEEKS, fields: { _id: true, week: true, from: true, to: true, results: true } })
  const have = new Set(stored.map((r) => r.week))
  const todo = weeks.filter((w) => !have.has(w.week))
  if (todo.length) {
    // An alert's evidence covers its run from its first miss: read back to the start of any run that
    // holds one miss at the last stored week (only those can open in the new weeks).
    const storedAsc = [...stored].reverse()
    let from = todo[0].from
    for (const kpi of KPIS) {
      const last = streak(storedAsc.map((d) => ({ week: d.week, verdict: d.results[kpi]?.verdict ?? 'untargeted' }))).at(-1)
      const start = last?.misses === 1 ? storedAsc.find((d) => d.week === last.runStart) : undefined
      if (start && start.from < from) from = start.from
    }
    const span = { from, to: todo[todo.length - 1].to }
    const src = await readSource(db, team, span)
    const { plan, data } = src
    const targets = targetsOf(team, now)
    const fresh: KpiWeekRecord[] = todo.map((w) => ({
      _id: kpiWeekId(teamId, w.week),
      teamId,
      ...w,
      results: Object.fromEntries(KPIS.map((k) => [k, judged(k, weekResult(k, data, w, targets.get(k)!, plan), targets.get(k)!.version)])),
      updatedAt: now,
    }))
    const all = storedAsc.concat(fresh)
    const isNew = new Set(fresh.map((f) => f.week))
    const opens: { kpi: KpiKey; runStart: string; week: string; weeks: WeekResult[] }[] = []
    const recovers: { kpi: KpiKey; runStart: string; week: string }[] = []
    for (const kpi of KPIS) {
      const results = all.map((d) => d.results[kpi] ?? { week: d.week, from: d.from, to: d.to, verdict: 'untargeted' as const, value: null, target: null })
      streak(results).forEach((s, i) => {
        if (!isNew.has(s.week)) return
        if (s.opens && s.runStart) {
          const first = results.findIndex((r) => r.week === s.runStart)
          opens.push({ kpi, runStart: s.runStart, week: s.week, weeks: results.slice(first, i + 1) })
        }
        if (s.recovers) recovers.push({ kpi, runStart: s.recovers, week: s.week })
      })
    }
    if (opens.length) {
      const [source, staff] = await Promise.all([withSeries(db, teamId, src, span.from), ownersOf(db, teamId)])
      for (const o of opens) {
        const id = alertId(teamId, o.kpi, o.runStart)
        const dueDay = workingDaysAfter(dayKey(now), ANALYSIS_DUE_WORKING_DAYS)
        const base = { teamId, createdAt: now, updatedAt: now, createdBy: 'system', version: 0 }
        const analysis: AnalysisRecord = {
          _id: id,
          ...base,
          title: `${KPI_DEFS[o.kpi].label}连续两周未达标`,
          kpis: [o.kpi],
          ownerName: ownersFor([o.kpi], team.kpiSettings, staff).name,
          trigger: { kind: 'alert', alertId: id, runStart: o.runStart, runFrom: o.weeks[0].from },
          status: 'open',
          dueDay,
          evidence: [buildEvidence(o.kpi, o.weeks, source)],
          findings: null,
          decision: null,
          closedByName: null,
          closedAt: null,
          openedAt: now,
          overdueNotifiedAt: null,
        }
        const alert: AlertRecord = { _id: id, ...base, kpi: o.kpi, runStart: o.runStart, openedWeek: o.week, status: 'open', weeks: o.weeks, recoveredWeek: null, analysisId: id, dueDay, endedAt: null }
        // The analysis first: an alert is never seen without the task it points to.
        const added = await addOnce(db, ANALYSES, analysis)
        await addOnce(db, ALERTS, alert)
        if (added) {
          out.opened.push(id)
          await notifyOwners(db, team, analysis, staff)
        }
      }
    }
    for (const r of recovers) {
      const id = alertId(teamId, r.kpi, r.runStart)
      const res = await db.collection(ALERTS).where({ _id: id, teamId, status: 'open' }).update({ data: { status: 'recovering', recoveredWeek: r.week, updatedAt: now } })
      if (res.stats.updated) out.recovering.push(id)
    }
    // 未录入 in the latest judged week (numbers field staff log, not "no livestream that week"): a reminder.
    const last = fresh[fresh.length - 1]
    const unlogged = KPIS.filter((k) => last.results[k]?.verdict === 'missing' && KPI_DEFS[k].sources.some((src) => LOGGED_SOURCES.includes(src)))
    if (unlogged.length && last.week === weeks[weeks.length - 1].week) await notifyDataMissing(db, teamId, last, unlogged.map((k) => KPI_DEFS[k].label), now)
    for (const f of fresh) if (await addOnce(db, KPI_WEEKS, f)) out.weeks.push(f.week)
  }
  const through = weeks[weeks.length - 1].week
  if (team.weeklyThrough !== through) await db.collection(TEAMS).doc(teamId).update({ data: { weeklyThrough: through } })
  return out
}

/**
 * The timer's run over every team, in pages of 100 by id: once a day each team's targets roll into new
 * periods and its managers are reminded (rhythm.ts), each judged week is evaluated, and from 08:30 each
 * day's 日报 is written once (reports.ts; 7 days caught up). A team already
 * done for the day and the latest week costs nothing beyond its share of the page read; with many teams the run stops at its time budget
 * and the next (hourly) run carries on. Then the admins hear of special analyses past their due day.
 */
export async function weeklyAllTeams(db: DbLike, now: Date, limits: { budgetMs?: number } = {}): Promise<{ teams: number; finished: boolean; overdue: number }> {
  const deadline = Date.now() + (limits.budgetMs ?? BUDGET_MS)
  const latest = latestWeek(now)
  const today = dayKey(now)
  const reportsDue = reportsMark(now)
  const _ = db.command
  let teams = 0
  let after = ''
  for (;;) {
    const q = db.collection(TEAMS)
      .where(after ? { _id: _.gt(after) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, teamId: true, createdAt: true, planStartDay: true, targets: true, targetPlans: true, targetPeriods: true, kpiSettings: true, conversionPaths: true, remindedFor: true, weeklyThrough: true, rhythmDay: true, reportsThrough: true })
    const page = (await q.limit(PAGE).get()).data as unknown as TeamRecord[]
    for (const t of page) {
      if (t.weeklyThrough === latest && t.rhythmDay === today && t.reportsThrough === reportsDue) continue
      if (Date.now() > deadline) return { teams, finished: false, overdue: 0 }
      // The period rollover first: a week judged today is judged by the targets in force today.
      if (t.rhythmDay !== today) await dailyTeam(db, t, now)
      if (t.weeklyThrough !== latest) await evaluateTeam(db, t, now)
      // The reports last, so they show this run's verdicts and alerts. One team's failing report must not
      // stop the others: it is logged and retried next hour (reportsThrough stays behind).
      if (t.reportsThrough !== reportsDue) await dueReports(db, t, now).catch((e) => console.error(`reports of team ${t._id} failed`, e))
      teams++
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  return { teams, finished: true, overdue: await notifyOverdue(db, now) }
}

/** Whether a special analysis is past its due day (China time) while still open. */
export function isOverdue(a: Pick<AnalysisRecord, 'status' | 'dueDay'>, today: DayKey): boolean {
  return a.status === 'open' && a.dueDay < today
}
