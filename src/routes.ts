import { ROUTES, withQuery, type Route } from '../core/routes'

/** The page paths live in core/routes.ts (the cloud functions link to pages too); the app reads them from here. */
export { ROUTES, withQuery, type Route }

export const TAB_ROUTES: readonly Route[] = [ROUTES.dashboard, ROUTES.calendar, ROUTES.approvals, ROUTES.log, ROUTES.me]
