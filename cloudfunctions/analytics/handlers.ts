import type { analyticsContract } from '../../core/api/analytics'
import type { Handlers } from '../common/action'
import { alertHandlers } from './alerts'
import { dashboardHandlers } from './dashboard'
import { growthHandlers } from './growth'
import { kpiSettingHandlers } from './kpiSettings'
import { reportExportHandlers } from './reportExport'
import { reportHandlers } from './reportActions'
import { targetHandlers } from './targets'

// Split by area: KPI cards and details in dashboard.ts; targets (this period's, the next's, history) in targets.ts; KPI classes, owners and entered baselines in kpiSettings.ts; funnel, growth and spend in growth.ts;
// alerts and special analyses in alerts.ts (the weekly job that opens them is weekly.ts); reports (日报/周报/月报) in reportActions.ts (generation: reports.ts, reportsPeriodic.ts; the .xlsx: reportExport.ts).
export const handlers: Handlers<typeof analyticsContract> = { ...dashboardHandlers, ...targetHandlers, ...kpiSettingHandlers, ...growthHandlers, ...alertHandlers, ...reportHandlers, ...reportExportHandlers }
