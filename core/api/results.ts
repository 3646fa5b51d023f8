import type { DayRollup } from '../results/rollup'
import {
  correctLeadsInput,
  correctLiveInput,
  correctSnapshotInput,
  importConfirmInput,
  importPreviewInput,
  itemHistoryInput,
  logFollowersInput,
  logLeadsInput,
  logLiveInput,
  logSnapshotInput,
  pendingTodayInput,
  recentLeadsInput,
  recentLivesInput,
  rollupsInput,
} from '../results/schemas'
import type {
  Correctable,
  FollowerView,
  ImportPreview,
  ImportResult,
  ItemHistory,
  LeadView,
  LiveView,
  PendingToday,
  RebuildResult,
  RecentLive,
  SnapshotView,
} from '../results/views'
import { emptyInput } from '../team/schemas'
import { action } from './action'

/** Everyone on the team logs results; field staff above all. */
const LOGGERS = ['admin', 'manager', 'operator', 'field'] as const

/** The `results` cloud function: results logging (数据填报) and the daily rollups behind every number. */
export const resultsContract = {
  logSnapshot: action<SnapshotView>()({ input: logSnapshotInput, access: LOGGERS, write: true, summary: '填报作品数据' }),
  correctSnapshot: action<SnapshotView>()({ input: correctSnapshotInput, access: LOGGERS, write: true, summary: '更正作品数据' }),
  itemHistory: action<ItemHistory>()({ input: itemHistoryInput, access: 'member', write: false, summary: '作品数据记录' }),
  pendingToday: action<PendingToday>()({ input: pendingTodayInput, access: 'member', write: false, summary: '今日待填报' }),
  logLive: action<LiveView>()({ input: logLiveInput, access: LOGGERS, write: true, summary: '填报直播数据' }),
  logLeads: action<LeadView>()({ input: logLeadsInput, access: LOGGERS, write: true, summary: '填报线索' }),
  correctLive: action<LiveView>()({ input: correctLiveInput, access: LOGGERS, write: true, summary: '更正直播数据' }),
  correctLeads: action<LeadView>()({ input: correctLeadsInput, access: LOGGERS, write: true, summary: '更正线索' }),
  recentLives: action<RecentLive[]>()({ input: recentLivesInput, access: 'member', write: false, summary: '近期直播' }),
  recentLeads: action<Correctable<LeadView>[]>()({ input: recentLeadsInput, access: 'member', write: false, summary: '近期线索' }),
  logFollowers: action<FollowerView>()({ input: logFollowersInput, access: LOGGERS, write: true, summary: '填报粉丝总数' }),
  importPreview: action<ImportPreview>()({ input: importPreviewInput, access: LOGGERS, write: false, summary: '预览导入' }),
  importConfirm: action<ImportResult>()({ input: importConfirmInput, access: LOGGERS, write: true, summary: '确认导入' }),
  rollups: action<DayRollup[]>()({ input: rollupsInput, access: 'member', write: false, summary: '每日汇总' }),
  rebuildRollups: action<RebuildResult>()({ input: emptyInput, access: ['admin'], write: true, summary: '重算每日汇总' }),
}
