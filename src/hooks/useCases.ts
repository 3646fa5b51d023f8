import { useCallback, useEffect, useRef, useState } from 'react'
import { listCasesInput, type CaseLine, type Outcome } from '../../core/content/retrospectives'
import type { Category, Format, Layer } from '../../core/content/schemas'
import { textLimitOf } from '../../core/validation'
import { api } from '../api'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'

export interface CaseFilterValues {
  q: string
  layer?: Layer
  category?: Category
  format?: Format
  outcome?: Outcome
}

const SEARCH_DELAY_MS = 300
const SEARCH_MAX = textLimitOf(listCasesInput.shape.q)?.max ?? Infinity

/** The case library, a page at a time as the content function pages it; filters restart the list. */
export function useCases() {
  const [filters, setFilters] = useState<CaseFilterValues>({ q: '' })
  const [items, setItems] = useState<CaseLine[] | null>(null)
  const [next, setNext] = useState({ hasMore: false, offset: 0 })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef(0)

  const load = useCallback(async (f: CaseFilterValues, offset: number) => {
    const id = ++latest.current
    setLoading(true)
    try {
      const { q, ...chips } = f
      const page = await api.content.listCases({ offset, ...(q.trim() ? { q: q.trim() } : {}), ...chips })
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
  }
}
