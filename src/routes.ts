/** Every page's path, in one place: navigation and app.config read these. */
export const ROUTES = {
  dashboard: '/pages/dashboard/index',
  calendar: '/pages/calendar/index',
  approvals: '/pages/approvals/index',
  log: '/pages/log/index',
  me: '/pages/me/index',
  welcome: '/pages/welcome/index',
  login: '/pages/login/index',
  members: '/package-team/members/index',
  invite: '/package-team/invite/index',
  profile: '/package-team/profile/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

export const TAB_ROUTES: readonly Route[] = [ROUTES.dashboard, ROUTES.calendar, ROUTES.approvals, ROUTES.log, ROUTES.me]
