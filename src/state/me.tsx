import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { manifest } from '../../core/api/manifest'
import { allows } from '../../core/roles'
import type { MeView } from '../../core/team/schemas'
import { api } from '../api'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'
import { setOutboxOwner } from './outbox'

export interface MeState {
  /** Who is signed in and in which team; null until the first answer. */
  me: MeView | null
  loading: boolean
  error: ApiError | null
  /** Asks the team function again; resolves with the new view, or the error that stopped it. */
  refresh: () => Promise<MeAnswer>
  /** Takes a view an action already returned (createTeam, joinTeam, updateProfile) without refetching. */
  setMe: (me: MeView | null) => void
}

export interface MeAnswer {
  me: MeView | null
  error: ApiError | null
}

const MeContext = createContext<MeState | null>(null)

/** Holds `team.me` once for the whole app, so pages don't each refetch it. */
export function MeProvider(props: { children?: ReactNode; initial?: MeView | null }) {
  const [me, setMeState] = useState<MeView | null>(props.initial ?? null)
  const [loading, setLoading] = useState(props.initial === undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const inFlight = useRef<Promise<MeAnswer> | null>(null)

  const refresh = useCallback(() => {
    if (inFlight.current) return inFlight.current
    setLoading(true)
    const p = api.team
      .me()
      .then((view): MeAnswer => {
        setMeState(view)
        setError(null)
        return { me: view, error: null }
      })
      .catch((e: unknown): MeAnswer => {
        const err = toApiError(e)
        setError(err)
        return { me: null, error: err }
      })
      .finally(() => {
        setLoading(false)
        inFlight.current = null
      })
    inFlight.current = p
    return p
  }, [])

  const setMe = useCallback((view: MeView | null) => {
    setMeState(view)
    setError(null)
    setLoading(false)
  }, [])

  const memberId = me?.member?.id ?? null
  useEffect(() => setOutboxOwner(memberId), [memberId])

  const value = useMemo<MeState>(() => ({ me, loading, error, refresh, setMe }), [me, loading, error, refresh, setMe])
  return <MeContext.Provider value={value}>{props.children}</MeContext.Provider>
}

export function useMe(): MeState {
  const state = useContext(MeContext)
  if (!state) throw new Error('useMe must be used inside <MeProvider>')
  return state
}

/** Whether the signed-in member holds the admin role. */
export function useIsAdmin(): boolean {
  const { me } = useMe()
  return me?.member?.roles.includes('admin') ?? false
}

/**
 * Whether the member may change the content calendar (create, edit, move, publish, archive).
 * Read from the content contract so the buttons follow the same rule the function enforces.
 */
export function useCanPlan(): boolean {
  const { me } = useMe()
  return allows(manifest.content.createItem.access, me?.member?.roles)
}
