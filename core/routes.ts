/**
 * Every page's path, in one place, as plain data: the app's navigation and app.config read these, and
 * so do the cloud functions when a message links to a page (a subscribe message's `page`).
 */
export const ROUTES = {
  dashboard: '/pages/dashboard/index',
  calendar: '/pages/calendar/index',
  approvals: '/pages/approvals/index',
  log: '/pages/log/index',
  me: '/pages/me/index',
  welcome: '/package-team/welcome/index',
  login: '/pages/login/index',
  members: '/package-team/members/index',
  invite: '/package-team/invite/index',
  profile: '/package-team/profile/index',
  audit: '/package-team/audit/index',
  teamExport: '/package-team/export/index',
  itemEditor: '/package-content/editor/index',
  itemDetail: '/package-content/item/index',
  ideas: '/package-content/ideas/index',
  meetings: '/package-content/meetings/index',
  meeting: '/package-content/meeting/index',
  tasks: '/package-content/tasks/index',
  cases: '/package-content/cases/index',
  retrospective: '/package-content/retro/index',
  production: '/package-review/production/index',
  notifications: '/package-review/notifications/index',
  flows: '/package-review/flows/index',
  kpiDetail: '/package-analytics/kpi/index',
  funnel: '/package-analytics/funnel/index',
  growth: '/package-analytics/growth/index',
  targets: '/package-analytics/targets/index',
  analyses: '/package-analytics/analyses/index',
  analysis: '/package-analytics/analysis/index',
  reports: '/package-analytics/reports/index',
  report: '/package-analytics/report/index',
  experiments: '/package-analytics/experiments/index',
  experiment: '/package-analytics/experiment/index',
  competitors: '/package-analytics/competitors/index',
  phases: '/package-analytics/phases/index',
  risks: '/package-analytics/risks/index',
  risk: '/package-analytics/risk/index',
  budget: '/package-analytics/budget/index',
  rangePicker: '/package-analytics/range/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

/**
 * A route with its query string; values are encoded, empty ones left out.
 *
 * @example
 * withQuery(ROUTES.itemDetail, { id: 'a b', from: undefined }) //=> '/package-content/item/index?id=a%20b'
 */
export function withQuery(route: Route, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `${route}?${parts.join('&')}` : route
}

/**
 * A route as a mini-program message names it (`subscribeMessage.send({ page })`): no leading slash.
 *
 * @example
 * messagePage(ROUTES.itemDetail, { id: 'i1' }) //=> 'package-content/item/index?id=i1'
 */
export function messagePage(route: Route, query: Record<string, string | undefined> = {}): string {
  return withQuery(route, query).replace(/^\//, '')
}
