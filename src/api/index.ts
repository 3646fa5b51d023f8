import { createApi, type Transport } from './client'
import { transport as platformTransport } from './transport'

let current: Transport = platformTransport

/** Delegates to the current transport so tests (and a future offline queue) can swap it. */
const switchable: Transport = { call: (fn, body) => current.call(fn, body) }

/** The app's one typed client: `api.team.listMembers()` → typed data or an ApiError. */
export const api = createApi(switchable)

/** Replaces the platform transport (tests pass a fake local cloud); `null` restores the platform one. */
export function setApiTransport(transport: Transport | null): void {
  current = transport ?? platformTransport
}

export { ApiError } from './client'
export type { Transport, CallBody } from './client'
