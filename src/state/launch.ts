import type { MeView } from '../../core/team/schemas'
import type { ApiError } from '../api/client'
import { ROUTES, type Route } from '../routes'

export interface LaunchFacts {
  /** H5 talks to the local cloud with a session token; weapp is identified by the platform. */
  platform: 'weapp' | 'h5' | string
  hasSession: boolean
  me: MeView | null
  error: ApiError | null
}

/**
 * Where the person must go before the tab pages make sense, or null to stay.
 *
 * @example
 * launchRedirect({ platform: 'h5', hasSession: false, me: null, error: null })          // '/pages/login/index'
 * launchRedirect({ platform: 'weapp', hasSession: false, me: { member: null, team: null }, error: null }) // '/package-team/welcome/index'
 */
export function launchRedirect(facts: LaunchFacts): Route | null {
  const { platform, hasSession, me, error } = facts
  if (platform === 'h5' && !hasSession) return ROUTES.login
  if (error?.code === 'UNAUTHENTICATED') return platform === 'h5' ? ROUTES.login : null
  if (me && !me.member) return ROUTES.welcome
  return null
}
