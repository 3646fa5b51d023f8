import {
  addCommentInput,
  approveInput,
  cycleRangeInput,
  formatInput,
  itemInput,
  markReadInput,
  notificationsInput,
  requestChangesInput,
  submitVersionInput,
  updateFlowInput,
  type FlowView,
  type InboxView,
  type ItemCycleView,
  type NotificationPage,
  type ProductionView,
  type RangeCycleView,
  type TimelineEntry,
  type VersionView,
} from '../review/schemas'
import { emptyInput } from '../team/schemas'
import { STAFF_ROLES } from '../roles'
import { action } from './action'

/** Who produces content: field staff neither submit nor review (the gate's reviewers are checked per item). */

/**
 * The `review` cloud function: review flows, production of items through their gates, the inbox,
 * notifications, the item timeline and cycle time. Publishing is `content.markPublished` (it checks
 * the production state), so there is one way to publish.
 */
export const reviewContract = {
  listFlows: action<FlowView[]>()({ input: emptyInput, access: ['admin'], write: false, summary: '查看评审流程' }),
  getFlow: action<FlowView>()({ input: formatInput, access: ['admin'], write: false, summary: '查看评审流程' }),
  updateFlow: action<FlowView>()({ input: updateFlowInput, access: ['admin'], write: true, summary: '修改评审流程' }),
  startProduction: action<ProductionView>()({ input: itemInput, access: STAFF_ROLES, write: true, summary: '开始制作' }),
  submitVersion: action<ProductionView>()({ input: submitVersionInput, access: STAFF_ROLES, write: true, summary: '提交版本' }),
  approve: action<ProductionView>()({ input: approveInput, access: STAFF_ROLES, write: true, summary: '审核通过' }),
  requestChanges: action<ProductionView>()({ input: requestChangesInput, access: STAFF_ROLES, write: true, summary: '要求修改' }),
  addComment: action<TimelineEntry>()({ input: addCommentInput, access: STAFF_ROLES, write: true, summary: '评论' }),
  getProduction: action<ProductionView>()({ input: itemInput, access: 'member', write: false, summary: '查看制作进度' }),
  versions: action<VersionView[]>()({ input: itemInput, access: 'member', write: false, summary: '查看版本' }),
  timeline: action<TimelineEntry[]>()({ input: itemInput, access: 'member', write: false, summary: '查看评审记录' }),
  inbox: action<InboxView>()({ input: emptyInput, access: 'member', write: false, summary: '待我处理' }),
  notifications: action<NotificationPage>()({ input: notificationsInput, access: 'member', write: false, summary: '查看通知' }),
  markRead: action<{ updated: number }>()({ input: markReadInput, access: 'member', write: true, summary: '标记通知已读' }),
  itemCycle: action<ItemCycleView>()({ input: itemInput, access: 'member', write: false, summary: '单条制作周期' }),
  cycleStats: action<RangeCycleView>()({ input: cycleRangeInput, access: 'member', write: false, summary: '制作周期统计' }),
}
