// The registry of storage: every collection the functions and the local cloud use, by one name each,
// and the record type stored in it. This file is the source of truth; database.rules.json (which
// deployment reads) must list the same collections, and collections.test.ts holds the two together.
//
// Stored names are camelCase. The four review collections below were stored snake_case before that rule
// (LEGACY_SNAKE_CASE) and keep their names: renaming a live collection means copying it while the review
// function serves, and until a team's copy is done its custom flows would read as the defaults. The
// constants are cased one way regardless, and collections.test.ts refuses any new snake_case name.
import type { AlertRecord, AnalysisRecord, KpiWeekRecord, SpendRecord, TargetHistoryRecord } from './analytics'
import type { ItemRecord, ThemeRecord } from './content'
import type { MeetingRecord, RetrospectiveRecord, TaskRecord } from './meetings'
import type { FollowerRecord, ImportRecord, LeadRecord, LiveRecord, LockRecord, RollupRecord, SeriesRecord, SnapshotRecord } from './results'
import type { EventRecord, FirstsRecord, FlowRecord, NotificationRecord, ProductionRecord, VersionRecord } from './review'
import type { ReportRecord } from './reports'
import type { CompetitorRecord, CompetitorWeekRecord, ExperimentCountsRecord, ExperimentRecord } from './research'
import type { PhasePlanRecord } from './steering'
import type { RiskChangeRecord, RiskRecord, RiskSuggestionRecord } from './steering'
import type { BudgetPlanRecord, BudgetRevisionRecord } from './steering'
import type { InviteRecord, MemberRecord, SeatRecord, TeamDoc } from './team'
import type { AuditRecord, RequestRecord } from './wrapper'

// team
export const TEAMS = 'teams'
export const MEMBERS = 'members'
export const INVITES = 'invites'
export const SEATS = 'seats'
// written by the action wrapper for every function
export const AUDIT = 'audit'
export const REQUESTS = 'requests'
// review
export const REVIEW_FLOWS = 'review_flows'
export const PRODUCTIONS = 'productions'
export const REVIEW_VERSIONS = 'review_versions'
export const REVIEW_EVENTS = 'review_events'
export const NOTIFICATIONS = 'notifications'
/** Derived: per team and month, the first outcome of each item's gate (内容合格率), id `${teamId}_${month}`. */
export const REVIEW_FIRSTS = 'review_firsts'
// content
export const ITEMS = 'items'
export const THEMES = 'themes'
/** The four meetings (四会) and the tasks (待办) their decisions become. */
export const MEETINGS = 'meetings'
export const TASKS = 'tasks'
/** Item retrospectives (单条复盘), id `retroId(itemId)`; the written ones are the case library (案例库). */
export const RETROSPECTIVES = 'retrospectives'
// results: raw facts (append-only)
export const SNAPSHOTS = 'snapshots'
export const LIVE_SESSIONS = 'liveSessions'
export const LEADS = 'leads'
export const FOLLOWER_TOTALS = 'followerTotals'
export const IMPORTS = 'imports'
/** Derived: per item, the values in force by date (what differencing reads inside a transaction). */
export const ITEM_SERIES = 'itemSeries'
/** Derived: one document per team and day, id `${teamId}_${day}`. */
export const ROLLUPS = 'rollups'
/** Per team, id = teamId: set while a rebuild runs, so no fact commits halfway through it. */
export const RESULTS_LOCKS = 'resultsLocks'
/** Derived, transient: a rebuild's day sums between its calls, id `${teamId}_${day}`. */
export const ROLLUP_SCRATCH = 'rollupScratch'
// analytics
/** Raw fact (append-only): promotion spend per day. */
export const SPEND = 'spend'
/** Target revisions, append-only (the targets in force live on the team document). */
export const TARGET_HISTORY = 'targetHistory'
/** Derived: weekly verdicts per team and completed ISO week, id `${teamId}_${week}` (the two-week rule reads them). */
export const KPI_WEEKS = 'kpiWeeks'
/** Alerts of the two-week rule, id `${teamId}_${kpi}_${runStart}`. */
export const ALERTS = 'alerts'
/** Special analyses (专项分析), opened by an alert or a market event. */
export const ANALYSES = 'analyses'
/** Reports (日报; later 周报/月报), frozen once generated: id `${teamId}_${kind}_${period}`, replaced revisions `${id}_r${n}`. */
export const REPORTS = 'reports'
// research: A/B experiments
/** Experiments, with their counts variants' totals in force (changed with each counts fact, in one transaction). */
export const EXPERIMENTS = 'experiments'
/** Raw fact (append-only): a counts variant's sent/opened for one day; a later entry supersedes the one in force. */
export const EXPERIMENT_COUNTS = 'experimentCounts'
// research: the competitor watch
/** Accounts the team watches (竞品). */
export const COMPETITORS = 'competitors'
/** Raw fact (append-only): a competitor's numbers per ISO week; a relog supersedes the entry in force. */
export const COMPETITOR_WEEKS = 'competitorWeeks'
// steering: the plan's phases
/** One document per team, id `phaseplan_${teamId}`: its phases (with their 复盘) and milestones. */
export const PHASE_PLANS = 'phasePlans'
// steering: the risk register
/** Risks (风险), with their score and status in force. */
export const RISKS = 'risks'
/** Raw fact (append-only): every change of a risk's score or status, with who, when and why. */
export const RISK_CHANGES = 'riskChanges'
/** Signals' suggestions to raise a risk's likelihood, id `${riskId}_${signal key}`. */
export const RISK_SUGGESTIONS = 'riskSuggestions'

// steering: budget (actual spend is `spend`)
/** A team's budget plan for one year (per month and category), id `${teamId}_${year}`. */
export const BUDGET_PLANS = 'budgetPlans'
/** Append-only: every revision of the plan (first plans and 弹性调整 with their reasons). */
export const BUDGET_REVISIONS = 'budgetRevisions'

/** Each collection's name and the record type stored in it. */
export interface StoredRecords {
  [TEAMS]: TeamDoc
  [MEMBERS]: MemberRecord
  [INVITES]: InviteRecord
  [SEATS]: SeatRecord
  [AUDIT]: AuditRecord
  [REQUESTS]: RequestRecord
  [REVIEW_FLOWS]: FlowRecord
  [PRODUCTIONS]: ProductionRecord
  [REVIEW_VERSIONS]: VersionRecord
  [REVIEW_EVENTS]: EventRecord
  [NOTIFICATIONS]: NotificationRecord
  [REVIEW_FIRSTS]: FirstsRecord
  [ITEMS]: ItemRecord
  [THEMES]: ThemeRecord
  [MEETINGS]: MeetingRecord
  [TASKS]: TaskRecord
  [RETROSPECTIVES]: RetrospectiveRecord
  [SNAPSHOTS]: SnapshotRecord
  [LIVE_SESSIONS]: LiveRecord
  [LEADS]: LeadRecord
  [FOLLOWER_TOTALS]: FollowerRecord
  [IMPORTS]: ImportRecord
  [ITEM_SERIES]: SeriesRecord
  [ROLLUPS]: RollupRecord
  [RESULTS_LOCKS]: LockRecord
  [ROLLUP_SCRATCH]: RollupRecord
  [SPEND]: SpendRecord
  [TARGET_HISTORY]: TargetHistoryRecord
  [KPI_WEEKS]: KpiWeekRecord
  [ALERTS]: AlertRecord
  [ANALYSES]: AnalysisRecord
  [REPORTS]: ReportRecord
  [EXPERIMENTS]: ExperimentRecord
  [EXPERIMENT_COUNTS]: ExperimentCountsRecord
  [COMPETITORS]: CompetitorRecord
  [COMPETITOR_WEEKS]: CompetitorWeekRecord
  [PHASE_PLANS]: PhasePlanRecord
  [RISKS]: RiskRecord
  [RISK_CHANGES]: RiskChangeRecord
  [RISK_SUGGESTIONS]: RiskSuggestionRecord
  [BUDGET_PLANS]: BudgetPlanRecord
  [BUDGET_REVISIONS]: BudgetRevisionRecord
}

export type CollectionName = keyof StoredRecords

/** Collections stored under snake_case names before names were camelCase; no other may be added. */
export const LEGACY_SNAKE_CASE: readonly CollectionName[] = [REVIEW_FLOWS, REVIEW_VERSIONS, REVIEW_EVENTS, REVIEW_FIRSTS]

/** Every collection, in the order database.rules.json lists them (deployment creates these). */
export const COLLECTION_NAMES = [
  TEAMS,
  MEMBERS,
  INVITES,
  SEATS,
  AUDIT,
  REQUESTS,
  REVIEW_FLOWS,
  PRODUCTIONS,
  REVIEW_VERSIONS,
  REVIEW_EVENTS,
  NOTIFICATIONS,
  REVIEW_FIRSTS,
  ITEMS,
  THEMES,
  MEETINGS,
  TASKS,
  RETROSPECTIVES,
  SNAPSHOTS,
  LIVE_SESSIONS,
  LEADS,
  FOLLOWER_TOTALS,
  IMPORTS,
  ITEM_SERIES,
  ROLLUPS,
  RESULTS_LOCKS,
  ROLLUP_SCRATCH,
  SPEND,
  TARGET_HISTORY,
  KPI_WEEKS,
  ALERTS,
  ANALYSES,
  REPORTS,
  EXPERIMENTS,
  EXPERIMENT_COUNTS,
  COMPETITORS,
  COMPETITOR_WEEKS,
  PHASE_PLANS,
  RISKS,
  RISK_CHANGES,
  RISK_SUGGESTIONS,
  BUDGET_PLANS,
  BUDGET_REVISIONS,
] as const satisfies readonly CollectionName[]
