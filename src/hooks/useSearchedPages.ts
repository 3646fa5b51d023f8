import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300

/** One page of a searched list as the functions answer it (topic library, case library). */
export interface SearchedPage<T> {
  items: T[]
  hasMore: boolean
  nextOffset: number
}

/**
 * A searched, filtered list a page at a time: filters restart the list, `loadMore` appends the next page,
 * answers for an older filter are dropped, typing waits for a pause while tapping a chip reloads at once.
 * Words longer than `searchMax` are kept in the box (the filters say so) but not searched: the function
 * would refuse them.
 */
export function useSearchedPages<F extends { q: string }, T>(fetchPage: (filters: F, offset: number) => Promise<SearchedPage<T>>, initial: F, searchMax: number) {
  const [filters, setFilters] = useState<F>(initial)
  const [items, setItems] = useState<T[] | null>(null)
  const [next, setNext] = useState<{ hasMore: boolean; offset: number }>({ hasMore: false, offset: 0 })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback(async (f: F, offset: number) => {
    const id = ++latest.current
    setLoading(true)
    try {
      const page = await fetchRef.current(f, offset)
      if (id !== latest.current) return
      setItems((prev) => (offset === 0 || !prev ? page.items : [...prev, ...page.items]))
      setNext({ hasMore: page.hasMore, offset: page.nextOffset })
      setError(null)
    } catch (e) {
      if (id === latest.current) setError(toApiError(e))
    } finally {
      if (id === latest.current) setLoading(false)
    }
  }, [])

  const qRef = useRef(filters.q)
  useEffect(() => {
    const typed = qRef.current !== filters.q
    qRef.current = filters.q
    if (filters.q.trim().length > searchMax) return
    const t = setTimeout(() => void load(filters, 0), typed ? SEARCH_DELAY_MS : 0)
    return () => clearTimeout(t)
  }, [filters, load, searchMax])

  return {
    filters,
    setFilters,
    items,
    setItems,
    setNext,
    hasMore: next.hasMore,
    loading,
    error,
    refresh: () => load(filters, 0),
    loadMore: () => (next.hasMore && !loading ? load(filters, next.offset) : Promise.resolve()),
  }
}
