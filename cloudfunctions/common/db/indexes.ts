// The index manifest: every index the functions' queries need, per collection. The built-in `_id` index
// serves reads by id (and paging by id) and is not listed. `npm run deploy` creates these; the test cloud
// fails a test whose query no index here serves (emulator/query-shapes.ts says what "serves" means:
// equality fields first, then the sort, then ranges), so a new query arrives with its index.
import * as C from './collections'
import type { CollectionName } from './collections'

export interface IndexSpec {
  collection: CollectionName
  /** Fields in index order, each ascending (1) or descending (-1). */
  fields: [string, 1 | -1][]
  /** Which reads it serves. */
  why: string
  /** Query fields filtered after the index's read: optional filters over a read the index already bounds. */
  residual?: string[]
}

/** Reads that visit a whole (small) collection on purpose, in `_id` order, filtering as they go. */
export interface ScanSpec {
  collection: CollectionName
  /** The fields such a read filters on. */
  filters: string[]
  why: string
}

/**
 * Collections read page by page through one team in `_id` order: by the team export (all of these), a
 * rollup rebuild (the results facts and derived sums) and the admin repair (members). `spend` has its own
 * (teamId, _id, date) below, which serves the same reads.
 */
const PAGED_BY_TEAM: CollectionName[] = [
  C.MEMBERS, C.INVITES, C.AUDIT, C.REVIEW_FLOWS, C.PRODUCTIONS, C.REVIEW_VERSIONS, C.REVIEW_EVENTS, C.NOTIFICATIONS,
  C.REVIEW_FIRSTS, C.ITEMS, C.THEMES, C.MEETINGS, C.TASKS, C.RETROSPECTIVES, C.SNAPSHOTS, C.LIVE_SESSIONS, C.LEADS, C.FOLLOWER_TOTALS, C.IMPORTS, C.ITEM_SERIES,
  C.ROLLUPS, C.ROLLUP_SCRATCH, C.TARGET_HISTORY, C.KPI_WEEKS, C.ALERTS, C.ANALYSES, C.REPORTS,
  C.EXPERIMENTS, C.EXPERIMENT_COUNTS,
  C.COMPETITORS, C.COMPETITOR_WEEKS,
  C.RISKS, C.RISK_CHANGES, C.RISK_SUGGESTIONS,
  C.BUDGET_PLANS, C.BUDGET_REVISIONS,
]

export const INDEXES: readonly IndexSpec[] = [
  // team
  { collection: C.MEMBERS, fields: [['openid', 1], ['status', 1]], why: 'every action: the caller\'s active membership' },
  { collection: C.MEMBERS, fields: [['teamId', 1], ['status', 1], ['joinedAt', 1], ['_id', 1]], why: 'a team\'s active members in joining order, and their count' },
  { collection: C.MEMBERS, fields: [['teamId', 1], ['status', 1], ['roles', 1], ['_id', 1]], why: 'a team\'s active members with a role (who is notified, admin counts)' },
  { collection: C.MEMBERS, fields: [['teamId', 1], ['joinedAt', 1], ['_id', 1]], why: '成员: everyone who ever joined, in joining order' },
  { collection: C.INVITES, fields: [['teamId', 1], ['status', 1], ['createdAt', -1], ['_id', 1]], residual: ['expiresAt'], why: 'a team\'s open invites, newest first (few per team)' },
  { collection: C.AUDIT, fields: [['teamId', 1], ['at', -1], ['_id', -1]], residual: ['fn', 'action', 'actorId'], why: '审计日志: a team\'s entries newest first, 20 a page after a cursor; the optional filters apply to the pages read' },
  // review
  { collection: C.PRODUCTIONS, fields: [['teamId', 1], ['status', 1], ['gateState', 1], ['reviewerIds', 1], ['reviewSince', 1], ['_id', 1]], why: '审核 inbox: items waiting for the caller by name, oldest first' },
  { collection: C.PRODUCTIONS, fields: [['teamId', 1], ['status', 1], ['gateState', 1], ['reviewerRoles', 1], ['reviewSince', 1], ['_id', 1]], why: '审核 inbox: items waiting for the caller\'s role, oldest first' },
  { collection: C.PRODUCTIONS, fields: [['teamId', 1], ['finalApprovedAt', 1], ['_id', 1]], why: '制作周期: items finally approved in a range' },
  { collection: C.PRODUCTIONS, fields: [['teamId', 1], ['scheduledAt', 1], ['_id', 1]], why: 'migration (review/finalApprovedMigration.ts): productions still carrying the old name of finalApprovedAt; drop with it' },
  { collection: C.REVIEW_VERSIONS, fields: [['teamId', 1], ['itemId', 1], ['no', 1], ['_id', 1]], why: 'an item\'s versions in order' },
  { collection: C.REVIEW_EVENTS, fields: [['teamId', 1], ['itemId', 1], ['at', 1], ['_id', 1]], residual: ['type', 'gateIndex', 'passed'], why: 'an item\'s timeline (tens of events), and its decisions of one kind or gate' },
  { collection: C.REVIEW_EVENTS, fields: [['teamId', 1], ['type', 1], ['_id', 1]], why: 'a team\'s decisions page by page (内容合格率 backfill)' },
  { collection: C.NOTIFICATIONS, fields: [['teamId', 1], ['memberId', 1], ['createdAt', -1], ['_id', 1]], why: '通知: a member\'s notices, newest first' },
  { collection: C.NOTIFICATIONS, fields: [['teamId', 1], ['memberId', 1], ['read', 1]], why: 'a member\'s unread count, and marking them read' },
  // content
  { collection: C.ITEMS, fields: [['teamId', 1], ['day', 1], ['_id', 1]], residual: ['status'], why: 'the calendar: a team\'s items over a range of days (archived ones skipped)' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['status', 1], ['day', 1], ['_id', 1]], why: 'items in one status over a range of days' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['format', 1], ['day', -1], ['_id', 1]], residual: ['status'], why: 'recent livestreams, newest first (archived ones skipped)' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['status', 1], ['createdAt', -1], ['_id', 1]], why: '选题库: ideas newest first' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['status', 1], ['title', 1], ['createdAt', -1], ['_id', 1]], why: 'an idea with the same title (duplicate check)' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['status', 1], ['publishedAt', -1], ['_id', 1]], residual: ['day'], why: 'published items, newest first (movers, 未录入)' },
  { collection: C.ITEMS, fields: [['teamId', 1], ['ownerId', 1], ['status', 1], ['plannedAt', 1], ['_id', 1]], why: 'an owner\'s items in one status by planned time' },
  // meetings (四会) and tasks (待办)
  { collection: C.MEETINGS, fields: [['teamId', 1], ['kind', 1], ['day', -1], ['_id', 1]], why: '会议: a team\'s meetings of one kind, latest first' },
  { collection: C.MEETINGS, fields: [['teamId', 1], ['kind', 1], ['createdAt', -1], ['_id', 1]], why: 'opening a meeting: the last one of its kind (what was done since it ended)' },
  { collection: C.MEETINGS, fields: [['teamId', 1], ['day', -1], ['_id', 1]], why: '会议: a team\'s meetings of every kind, latest first' },
  { collection: C.MEETINGS, fields: [['teamId', 1], ['attendeeIds', 1], ['day', -1], ['_id', 1]], residual: ['kind'], why: '会议: the meetings a member attends, latest first (field staff see only these)' },
  { collection: C.TASKS, fields: [['teamId', 1], ['ownerId', 1], ['status', 1], ['dueDay', 1], ['_id', 1]], why: '我的待办: a member\'s open tasks, earliest due first, and their count' },
  { collection: C.TASKS, fields: [['teamId', 1], ['ownerId', 1], ['status', 1], ['doneAt', -1], ['_id', 1]], why: '我的待办: a member\'s done tasks, latest first' },
  { collection: C.TASKS, fields: [['teamId', 1], ['sourceGroup', 1], ['status', 1], ['dueDay', 1], ['_id', 1]], why: 'opening a meeting: the open decisions of earlier meetings of its kind' },
  { collection: C.TASKS, fields: [['teamId', 1], ['sourceGroup', 1], ['status', 1], ['doneAt', 1], ['_id', 1]], why: 'opening a meeting: decisions of its kind done since the last one' },
  { collection: C.RETROSPECTIVES, fields: [['teamId', 1], ['publishedDay', 1], ['_id', 1]], why: 'a retrospective\'s team average: the day-7 sums of items published in the 30 days before' },
  { collection: C.RETROSPECTIVES, fields: [['teamId', 1], ['status', 1], ['writtenAt', -1], ['_id', 1]], residual: ['layer', 'category', 'format', 'outcome'], why: '案例库: written retrospectives newest first, 20 a page; the optional filters apply to the pages read' },
  // results
  { collection: C.SNAPSHOTS, fields: [['teamId', 1], ['itemId', 1], ['loggedAt', -1], ['_id', 1]], why: 'an item\'s logged snapshots, newest first' },
  { collection: C.SNAPSHOTS, fields: [['teamId', 1], ['itemId', 1], ['_id', 1]], why: 'a rebuild pages through a team\'s snapshots item by item' },
  { collection: C.LIVE_SESSIONS, fields: [['teamId', 1], ['itemId', 1], ['startAt', -1], ['_id', 1]], why: 'a livestream\'s sessions, newest first' },
  { collection: C.LIVE_SESSIONS, fields: [['teamId', 1], ['day', 1]], residual: ['loggedAt', 'supersedes'], why: 'the range\'s sessions for 直播转化率 (with corrections logged since; tens per range)' },
  { collection: C.LEADS, fields: [['teamId', 1], ['loggedAt', -1], ['_id', 1], ['date', 1]], why: 'leads logged over a range of dates, newest first' },
  { collection: C.ITEM_SERIES, fields: [['teamId', 1], ['updatedAt', -1], ['_id', 1]], why: 'recently updated items\' series (movers)' },
  { collection: C.ROLLUPS, fields: [['teamId', 1], ['day', 1], ['_id', 1]], why: 'a team\'s rollups over a range of days' },
  // analytics
  { collection: C.SPEND, fields: [['teamId', 1], ['date', 1], ['_id', 1]], why: 'a day\'s spend entries' },
  { collection: C.SPEND, fields: [['teamId', 1], ['_id', 1], ['date', 1]], why: 'spend over a range of dates, page by page; also the export\'s pages (teamId, _id)' },
  { collection: C.TARGET_HISTORY, fields: [['teamId', 1], ['kpi', 1], ['at', -1], ['_id', 1]], why: 'a KPI\'s target history, newest first' },
  { collection: C.KPI_WEEKS, fields: [['teamId', 1], ['week', -1], ['_id', 1]], why: 'the last weeks\' verdicts' },
  { collection: C.ALERTS, fields: [['teamId', 1], ['status', 1], ['createdAt', -1], ['_id', 1]], why: 'a team\'s open alerts, newest first' },
  { collection: C.ALERTS, fields: [['teamId', 1], ['createdAt', 1], ['_id', 1]], why: '周报/月报: alerts opened in the period' },
  { collection: C.ALERTS, fields: [['teamId', 1], ['endedAt', 1], ['_id', 1]], why: '周报/月报: alerts ended in the period' },
  { collection: C.ANALYSES, fields: [['teamId', 1], ['openedAt', -1], ['_id', 1]], why: '专项分析: a team\'s analyses, newest first' },
  { collection: C.ANALYSES, fields: [['teamId', 1], ['status', 1], ['dueDay', 1], ['_id', 1]], why: '日报: a team\'s open analyses, earliest due first' },
  { collection: C.PRODUCTIONS, fields: [['teamId', 1], ['status', 1], ['gateState', 1], ['reviewSince', 1], ['_id', 1]], why: '日报: every review waiting, oldest first (the overdue ones)' },
  { collection: C.REPORTS, fields: [['teamId', 1], ['current', 1], ['to', -1], ['_id', 1]], residual: ['kind'], why: '报告 list: a team\'s current reports, latest period first' },
  { collection: C.ANALYSES, fields: [['status', 1], ['overdueNotifiedAt', 1], ['dueDay', 1]], why: 'the weekly job\'s overdue pass across teams' },
  // research: A/B experiments
  { collection: C.EXPERIMENTS, fields: [['teamId', 1], ['status', 1], ['createdAt', -1], ['_id', 1]], why: '实验 list: a team\'s experiments in one status, newest first, a page at a time' },
  // research: the competitor watch (the list of accounts is read through (teamId, _id), see PAGED_BY_TEAM)
  { collection: C.COMPETITOR_WEEKS, fields: [['teamId', 1], ['competitorId', 1], ['week', 1], ['_id', 1]], why: '竞品: one account\'s entries for a week (the one in force before a relog)' },
  { collection: C.COMPETITOR_WEEKS, fields: [['teamId', 1], ['week', -1], ['_id', 1]], why: '竞品: every account\'s entries over the last weeks, newest first (the list\'s 上周 values, the comparison)' },
  // steering: the phase plan is read by its id; the export pages it through the team like the others
  { collection: C.PHASE_PLANS, fields: [['teamId', 1], ['_id', 1]], why: 'a team\'s phase plan page by page (export)' },
  // steering: the risk register (a team's risks are read whole through (teamId, _id), see PAGED_BY_TEAM)
  { collection: C.RISK_CHANGES, fields: [['teamId', 1], ['riskId', 1], ['at', -1], ['_id', 1]], why: '风险: one risk\'s history of score and status changes, newest first' },
  { collection: C.RISK_SUGGESTIONS, fields: [['teamId', 1], ['riskId', 1], ['createdAt', -1], ['_id', 1]], why: '风险: one risk\'s suggestions, newest first' },
  { collection: C.RISK_SUGGESTIONS, fields: [['teamId', 1], ['status', 1], ['_id', 1]], why: '风险雷达 and the signal check: a team\'s suggestions waiting for an answer' },
  // steering: budget (plans are read by id; spend by the (teamId, date, _id) and (teamId, _id, date) above)
  { collection: C.BUDGET_REVISIONS, fields: [['teamId', 1], ['year', 1], ['at', -1], ['_id', 1]], why: '预算: a year\'s plan revisions, newest first' },
  { collection: C.SPEND, fields: [['teamId', 1], ['category', 1], ['_id', 1]], why: 'steering timer: a team\'s spend entries logged before categories (stamped 广告投放 once)' },
  ...PAGED_BY_TEAM.map((collection): IndexSpec => ({ collection, fields: [['teamId', 1], ['_id', 1]], why: 'a team\'s documents page by page (export, rebuild, repair)' })),
]

export const SCANS: readonly ScanSpec[] = [
  { collection: C.TEAMS, filters: ['firstsFilledAt'], why: 'hourly: teams whose 内容合格率 is not yet backfilled (one document per team)' },
  { collection: C.RESULTS_LOCKS, filters: ['job'], why: 'nightly: rebuilds left unfinished (one document per team)' },
]
