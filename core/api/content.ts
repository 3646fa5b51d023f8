import type { MonthView, WeekView } from '../content/calendar'
import type { Mix, WeekCadence, MixCheck } from '../content/mix'
import {
  createItemInput,
  dayItemsInput,
  getItemInput,
  itemRefInput,
  listIdeasInput,
  markPublishedInput,
  monthViewInput,
  rangeInput,
  rescheduleItemInput,
  setMonthThemeInput,
  updateItemInput,
  weekViewInput,
  type ItemCard,
  type ItemDetail,
} from '../content/schemas'
import {
  endMeetingInput,
  listMeetingsInput,
  meetingRefInput,
  openMeetingInput,
  removeDecisionInput,
  saveDecisionInput,
  scheduleIdeasInput,
  setReviewPlanInput,
  updateMeetingInput,
  type MeetingLine,
  type MeetingView,
} from '../content/meetings'
import { taskRefInput, type MyTasks, type TaskView } from '../content/tasks'
import { listCasesInput, retrospectiveRefInput, saveRetrospectiveInput, type CasePage, type RetrospectiveView } from '../content/retrospectives'
import { emptyInput } from '../team/schemas'
import { STAFF_ROLES } from '../roles'
import { action } from './action'


export interface MixStats {
  from: string
  to: string
  mix: Mix
  mixCheck: MixCheck
  cadence: WeekCadence[]
}

export interface IdeaPage {
  items: ItemCard[]
  hasMore: boolean
  nextOffset: number
}

export interface CsvExport {
  fileName: string
  /** UTF-8 text starting with a BOM so Excel reads the Chinese correctly. */
  csv: string
  rows: number
}

export interface OwnerOption {
  id: string
  name: string
}

/** The `content` cloud function: the content calendar, the topic library (选题库), the four meetings (四会) and 待办. */
export const contentContract = {
  createItem: action<ItemDetail>()({ input: createItemInput, access: STAFF_ROLES, write: true, summary: '新建内容' }),
  updateItem: action<ItemDetail>()({ input: updateItemInput, access: STAFF_ROLES, write: true, summary: '编辑内容' }),
  rescheduleItem: action<ItemDetail>()({ input: rescheduleItemInput, access: STAFF_ROLES, write: true, summary: '调整排期' }),
  archiveItem: action<ItemDetail>()({ input: itemRefInput, access: STAFF_ROLES, write: true, summary: '归档内容' }),
  markPublished: action<ItemDetail>()({ input: markPublishedInput, access: STAFF_ROLES, write: true, summary: '标记已发布' }),
  setMonthTheme: action<{ month: string; theme: string }>()({ input: setMonthThemeInput, access: STAFF_ROLES, write: true, summary: '设置月度主题' }),
  getItem: action<ItemDetail>()({ input: getItemInput, access: 'member', write: false, summary: '查看内容' }),
  monthView: action<MonthView>()({ input: monthViewInput, access: 'member', write: false, summary: '月历' }),
  weekView: action<WeekView>()({ input: weekViewInput, access: 'member', write: false, summary: '周历' }),
  dayItems: action<ItemCard[]>()({ input: dayItemsInput, access: 'member', write: false, summary: '当日内容' }),
  listIdeas: action<IdeaPage>()({ input: listIdeasInput, access: 'member', write: false, summary: '选题库' }),
  mixStats: action<MixStats>()({ input: rangeInput, access: 'member', write: false, summary: '内容结构与节奏' }),
  exportCsv: action<CsvExport>()({ input: rangeInput, access: 'member', write: false, summary: '导出日历' }),
  owners: action<OwnerOption[]>()({ input: emptyInput, access: 'member', write: false, summary: '可选负责人' }),

  // ── The four meetings (四会) and 待办 (cloudfunctions/content/meetings.ts, tasks.ts) ──
  // Staff hold and edit meetings; every member reads the meetings they attend and their own tasks, and
  // closes a task they own (managers and admins anyone's: checked in the handler).
  listMeetings: action<MeetingLine[]>()({ input: listMeetingsInput, access: 'member', write: false, summary: '会议列表' }),
  getMeeting: action<MeetingView>()({ input: meetingRefInput, access: 'member', write: false, summary: '查看会议' }),
  openMeeting: action<MeetingView>()({ input: openMeetingInput, access: STAFF_ROLES, write: true, summary: '开会' }),
  updateMeeting: action<MeetingView>()({ input: updateMeetingInput, access: STAFF_ROLES, write: true, summary: '编辑会议' }),
  saveDecision: action<MeetingView>()({ input: saveDecisionInput, access: STAFF_ROLES, write: true, summary: '记录决议' }),
  removeDecision: action<MeetingView>()({ input: removeDecisionInput, access: STAFF_ROLES, write: true, summary: '删除决议' }),
  scheduleIdeas: action<MeetingView>()({ input: scheduleIdeasInput, access: STAFF_ROLES, write: true, summary: '选题会排期' }),
  setReviewPlan: action<MeetingView>()({ input: setReviewPlanInput, access: STAFF_ROLES, write: true, summary: '复盘会：下月结构与主题' }),
  endMeeting: action<MeetingView>()({ input: endMeetingInput, access: STAFF_ROLES, write: true, summary: '结束会议' }),
  myTasks: action<MyTasks>()({ input: emptyInput, access: 'member', write: false, summary: '我的待办' }),
  completeTask: action<TaskView>()({ input: taskRefInput, access: 'member', write: true, summary: '完成待办' }),
  reopenTask: action<TaskView>()({ input: taskRefInput, access: 'member', write: true, summary: '重新打开待办' }),

  // ── Item retrospectives (单条复盘) and the case library (案例库) (cloudfunctions/content/retrospectives.ts) ──
  // Every member reads them (field staff learn from cases too); writing one is for its item's owner or a
  // manager or admin (checked in the handler, as closing a task is).
  getRetrospective: action<RetrospectiveView>()({ input: retrospectiveRefInput, access: 'member', write: false, summary: '查看复盘' }),
  saveRetrospective: action<RetrospectiveView>()({ input: saveRetrospectiveInput, access: 'member', write: true, summary: '填写复盘' }),
  listCases: action<CasePage>()({ input: listCasesInput, access: 'member', write: false, summary: '案例库' }),
}
