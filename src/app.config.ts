import { ROUTES } from './routes'
import { palette } from './styles/palette'

const strip = (route: string) => route.replace(/^\//, '')

/** The sign-in page exists only in the browser build: inside WeChat the platform supplies the identity. */
const browserOnlyPages = process.env.TARO_ENV === 'h5' ? [strip(ROUTES.login)] : []

export default defineAppConfig({
  pages: [
    strip(ROUTES.dashboard),
    strip(ROUTES.calendar),
    strip(ROUTES.approvals),
    strip(ROUTES.log),
    strip(ROUTES.me),
    ...browserOnlyPages,
  ],
  // Team management is visited rarely, and team setup (welcome: create or join a team) once per person:
  // both load on demand, with the form library they use.
  subPackages: [
    {
      root: 'package-team',
      pages: ['members/index', 'invite/index', 'profile/index', 'audit/index', 'export/index', 'welcome/index'],
    },
    // The calendar tab stays in the main package; its editor, item page, topic library, the four meetings
    // (四会) and 我的待办 load on demand.
    {
      root: 'package-content',
      pages: ['editor/index', 'item/index', 'ideas/index', 'meetings/index', 'meeting/index', 'tasks/index', 'cases/index', 'retro/index'],
    },
    // The 填报 tab stays in the main package; its forms, history and the import (with its CSV/XLSX
    // parsers) load on demand.
    {
      root: 'package-results',
      pages: ['snapshot/index', 'history/index', 'live/index', 'leads/index', 'followers/index', 'import/index'],
    },
    // Only the 审核 tab (the inbox) is in the main package; production, notifications and the flow editor load on demand.
    {
      root: 'package-review',
      pages: ['production/index', 'notifications/index', 'flows/index'],
    },
    // The 看板 tab (cards drawn with plain Views) stays in the main package; KPI detail, funnel, growth,
    // targets, special analyses and the reports (日报) load on demand, and only they import the chart library.
    {
      root: 'package-analytics',
      pages: ['kpi/index', 'funnel/index', 'growth/index', 'targets/index', 'analyses/index', 'analysis/index', 'reports/index', 'report/index', 'competitors/index', 'experiments/index', 'experiment/index', 'risks/index', 'risk/index', 'budget/index', 'phases/index', 'range/index'],
    },
  ],
  // H5 only: the router's slide animation hides the page under a new one on a ~300 ms timer that a
  // fast back does not cancel, so the page underneath came back hidden (a tab bar over nothing).
  // Without the animation the hide is immediate and a back at any speed shows the page underneath.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat only: inject just the components a page renders instead of every declared one at launch
  // (DevTools' 代码质量 check "组件按需注入"; test/weapp/wechat.test.ts holds us to it).
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: palette.bgPage,
    navigationBarBackgroundColor: palette.white,
    navigationBarTitleText: '视频号运营台',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: palette.textHelp,
    selectedColor: palette.brand,
    backgroundColor: palette.white,
    borderStyle: 'white',
    list: [
      { pagePath: strip(ROUTES.dashboard), text: '看板', iconPath: 'assets/tabbar/dashboard.png', selectedIconPath: 'assets/tabbar/dashboard-active.png' },
      { pagePath: strip(ROUTES.calendar), text: '日历', iconPath: 'assets/tabbar/calendar.png', selectedIconPath: 'assets/tabbar/calendar-active.png' },
      { pagePath: strip(ROUTES.approvals), text: '审核', iconPath: 'assets/tabbar/approvals.png', selectedIconPath: 'assets/tabbar/approvals-active.png' },
      { pagePath: strip(ROUTES.log), text: '填报', iconPath: 'assets/tabbar/log.png', selectedIconPath: 'assets/tabbar/log-active.png' },
      { pagePath: strip(ROUTES.me), text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
