import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'

export interface ApiQuery<T> {
  data: T | undefined
  error: ApiError | null
  /** True while a request is in flight (also during a refresh that keeps old data on screen). */
  loading: boolean
  refresh: () => Promise<void>
  /** Shows data an action already returned (e.g. the item a write or a CONFLICT answered with) without asking again. */
  replace: (data: T) => void
}

/**
 * Runs `fetcher` when `deps` change and on `refresh()`. Keeps the last data during a refresh,
 * and ignores answers that arrive after a newer request started or after unmount.
 */
export function useApiQuery<T>(fetcher: () => Promise<T>, deps: DependencyList, options: { enabled?: boolean } = {}): ApiQuery<T> {
  const enabled = options.enabled ?? true
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  })
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const latest = useRef(0)
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )

  const refresh = useCallback(async () => {
    const id = ++latest.current
    setState((s) => ({ ...s, loading: true }))
    try {
      const data = await fetcherRef.current()
      if (mounted.current && id === latest.current) setState({ data, error: null, loading: false })
    } catch (e) {
      if (mounted.current && id === latest.current) setState((s) => ({ data: s.data, error: toApiError(e), loading: false }))
    }
  }, [])

  const replace = useCallback((data: T) => {
    latest.current++
    setState({ data, error: null, loading: false })
  }, [])

  useEffect(() => {
    if (enabled) void refresh()
  }, [enabled, refresh, ...deps])

  return { ...state, refresh, replace }
}
