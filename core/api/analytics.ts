import {
  dashboardInput,
  funnelInput,
  growthInput,
  kpiDetailInput,
  logSpendInput,
  setTargetInput,
  targetHistoryInput,
  type Dashboard,
  type FunnelView,
  type GrowthView,
  type KpiDetail,
  type SpendView,
  type TargetHistoryEntry,
  type TargetView,
} from '../analytics/schemas'
import { emptyInput } from '../team/schemas'
import { STAFF_ROLES } from '../roles'
import { action } from './action'

/** Managers and operators see everything; field staff see the KPI cards only. */
/** Managers set targets (PRODUCT.md roles). */
const TARGET_SETTERS = ['admin', 'manager'] as const

/** The `analytics` cloud function: KPI cards, funnel, growth and targets, all from daily rollups. */
export const analyticsContract = {
  dashboard: action<Dashboard>()({ input: dashboardInput, access: 'member', write: false, summary: '查看看板' }),
  kpiDetail: action<KpiDetail>()({ input: kpiDetailInput, access: STAFF_ROLES, write: false, summary: '查看指标详情' }),
  funnel: action<FunnelView>()({ input: funnelInput, access: STAFF_ROLES, write: false, summary: '查看转化漏斗' }),
  growth: action<GrowthView>()({ input: growthInput, access: STAFF_ROLES, write: false, summary: '查看粉丝增长' }),
  targets: action<TargetView[]>()({ input: emptyInput, access: 'member', write: false, summary: '查看目标' }),
  setTarget: action<TargetView>()({ input: setTargetInput, access: TARGET_SETTERS, write: true, summary: '调整目标' }),
  targetHistory: action<TargetHistoryEntry[]>()({ input: targetHistoryInput, access: STAFF_ROLES, write: false, summary: '目标调整记录' }),
  logSpend: action<SpendView>()({ input: logSpendInput, access: STAFF_ROLES, write: true, summary: '填报投流花费' }),
}
