import { useCallback, useEffect, useRef, useState } from 'react'
import { listIdeasInput, type ItemCard } from '../../core/content/schemas'
import { textLimitOf } from '../../core/validation'
import { api } from '../api'
import type { ApiError } from '../api/client'
import type { IdeaFilterValues } from '../components/IdeaFilters'
import { toApiError } from '../utils/feedback'

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300
/** Longer words are kept in the box (the filters say so) but not searched: the function would refuse them. */
const SEARCH_MAX = textLimitOf(listIdeasInput.shape.q)?.max ?? Infinity

/**
 * The topic library, 20 ideas a page as the content function pages them: filters restart the
 * list, `loadMore` appends the next page, and answers for an older filter are dropped.
 */
export function useIdeas() {
  const [filters, setFilters] = useState<IdeaFilterValues>({ q: '' })
  const [items, setItems] = useState<ItemCard[] | null>(null)
  const [next, setNext] = useState<{ hasMore: boolean; offset: number }>({ hasMore: false, offset: 0 })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef(0)

  const load = useCallback(async (f: IdeaFilterValues, offset: number) => {
    const id = ++latest.current
    setLoading(true)
    try {
      const page = await api.content.listIdeas({
        offset,
        ...(f.q.trim() ? { q: f.q.trim() } : {}),
        ...(f.category ? { category: f.category } : {}),
        ...(f.source ? { source: f.source } : {}),
      })
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

  // Typing waits for a pause; tapping a chip reloads at once.
  const qRef = useRef(filters.q)
  useEffect(() => {
    const typed = qRef.current !== filters.q
    qRef.current = filters.q
    if (filters.q.trim().length > SEARCH_MAX) return
    const t = setTimeout(() => void load(filters, 0), typed ? SEARCH_DELAY_MS : 0)
    return () => clearTimeout(t)
  }, [filters, load])

  return {
    filters,
    setFilters,
    items,
    hasMore: next.hasMore,
    loading,
    error,
    refresh: () => load(filters, 0),
    loadMore: () => (next.hasMore && !loading ? load(filters, next.offset) : Promise.resolve()),
    /** Drops an idea that just left the library (scheduled), without reloading the page. */
    remove: (id: string) => {
      setItems((prev) => prev?.filter((i) => i.id !== id) ?? prev)
      // The next page starts one earlier now, or it would skip an idea.
      setNext((n) => ({ ...n, offset: Math.max(0, n.offset - 1) }))
    },
  }
}
