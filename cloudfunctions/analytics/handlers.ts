import type { analyticsContract } from '../../core/api/analytics'
import type { Handlers } from '../common/action'
import { dashboardHandlers } from './dashboard'
import { growthHandlers } from './growth'

// Split by area: KPI cards, details and targets in dashboard.ts; funnel, growth and spend in growth.ts.
export const handlers: Handlers<typeof analyticsContract> = { ...dashboardHandlers, ...growthHandlers }
