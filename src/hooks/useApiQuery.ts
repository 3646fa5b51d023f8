import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'

export interface ApiQuery<T> {
  data: T | undefined
  error: ApiError | null
  /** True while a request is in flight (also during a refresh that keeps old data on screen). */
  loading: boolean
  refresh: () => Promise<void>
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

  useEffect(() => {
    if (enabled) void refresh()
  }, [enabled, refresh, ...deps])

  return { ...state, refresh }
}
