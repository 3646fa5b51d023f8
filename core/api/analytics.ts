import { dashboardInput, funnelInput, growthInput, kpiDetailInput, logSpendInput, type Dashboard, type FunnelView, type GrowthView, type KpiDetail, type SpendView } from '../analytics/schemas'
import { setBaselineInput, setKpiSettingInput, setTargetInput, targetHistoryInput, type TargetHistoryEntry, type TargetView } from '../analytics/targetSchemas'
import { setConversionPathInput, type ConversionPathView } from '../analytics/conversionPath'
import { analysisInput, closeAnalysisInput, reportEventInput, type AlertView, type AnalysisSummary, type AnalysisView } from '../analytics/alerts'
import { generateReportInput, reportInput, reportsInput, type ReportFile, type ReportPage, type ReportView } from '../reports/schemas'
import { emptyInput } from '../team/schemas'
import { STAFF_ROLES } from '../roles'
import { action } from './action'

/** Managers set targets (PRODUCT.md roles): the next period's ahead of it; this period's only through a special analysis. */
const TARGET_SETTERS = ['admin', 'manager'] as const
/** A target whose period has started changes directly only by an admin's override with a reason; the admin also classes KPIs and names their owners. */
const OVERRIDERS = ['admin'] as const

/** The `analytics` cloud function: KPI cards, funnel, growth and targets, all from daily rollups. */
export const analyticsContract = {
  dashboard: action<Dashboard>()({ input: dashboardInput, access: 'member', write: false, summary: '查看看板' }),
  kpiDetail: action<KpiDetail>()({ input: kpiDetailInput, access: STAFF_ROLES, write: false, summary: '查看指标详情' }),
  funnel: action<FunnelView>()({ input: funnelInput, access: STAFF_ROLES, write: false, summary: '查看转化漏斗' }),
  growth: action<GrowthView>()({ input: growthInput, access: STAFF_ROLES, write: false, summary: '查看粉丝增长' }),
  targets: action<TargetView[]>()({ input: emptyInput, access: 'member', write: false, summary: '查看目标' }),
  setTarget: action<TargetView>()({ input: setTargetInput, access: OVERRIDERS, write: true, summary: '管理员修改本期目标' }),
  planTarget: action<TargetView>()({ input: setTargetInput, access: TARGET_SETTERS, write: true, summary: '设定下期目标' }),
  setKpiSetting: action<TargetView>()({ input: setKpiSettingInput, access: OVERRIDERS, write: true, summary: '设定指标分类与负责人' }),
  setBaseline: action<TargetView>()({ input: setBaselineInput, access: TARGET_SETTERS, write: true, summary: '录入指标基线' }),
  conversionPath: action<ConversionPathView>()({ input: emptyInput, access: 'member', write: false, summary: '查看转化路径' }),
  setConversionPath: action<ConversionPathView>()({ input: setConversionPathInput, access: STAFF_ROLES, write: true, summary: '修改转化路径' }),
  targetHistory: action<TargetHistoryEntry[]>()({ input: targetHistoryInput, access: STAFF_ROLES, write: false, summary: '目标调整记录' }),
  logSpend: action<SpendView>()({ input: logSpendInput, access: STAFF_ROLES, write: true, summary: '填报投流花费' }),
  // The two-week rule: everyone sees the alerts; managers (each KPI's owners) close special analyses and record market events.
  alerts: action<AlertView[]>()({ input: emptyInput, access: 'member', write: false, summary: '查看预警' }),
  analyses: action<AnalysisSummary[]>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看专项分析' }),
  analysis: action<AnalysisView>()({ input: analysisInput, access: STAFF_ROLES, write: false, summary: '查看专项分析详情' }),
  closeAnalysis: action<AnalysisView>()({ input: closeAnalysisInput, access: TARGET_SETTERS, write: true, summary: '专项分析结案' }),
  reportEvent: action<AnalysisSummary>()({ input: reportEventInput, access: TARGET_SETTERS, write: true, summary: '记录市场事件' }),
  // Reports (日报/周报/月报): everyone reads them (field staff get the short version); managers make one on demand, only an admin regenerates.
  reports: action<ReportPage>()({ input: reportsInput, access: 'member', write: false, summary: '查看报告列表' }),
  report: action<ReportView>()({ input: reportInput, access: 'member', write: false, summary: '查看报告' }),
  generateReport: action<ReportView>()({ input: generateReportInput, access: TARGET_SETTERS, write: true, summary: '生成报告' }),
  // Its KPI table as an .xlsx in cloud storage (field staff have no table to take out: their version is the list to log).
  exportReport: action<ReportFile>()({ input: reportInput, access: STAFF_ROLES, write: true, summary: '导出报告表格' }),
}
