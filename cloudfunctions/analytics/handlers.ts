import type { analyticsContract } from '../../core/api/analytics'
import type { Handlers } from '../common/action'
import { alertHandlers } from './alerts'
import { dashboardHandlers } from './dashboard'
import { growthHandlers } from './growth'

// Split by area: KPI cards, details and targets in dashboard.ts; funnel, growth and spend in growth.ts;
// alerts and special analyses in alerts.ts (the weekly job that opens them is weekly.ts).
export const handlers: Handlers<typeof analyticsContract> = { ...dashboardHandlers, ...growthHandlers, ...alertHandlers }
