import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditArea, AuditEntryView } from '../../core/audit/schemas'
import { api } from '../api'
import type { ApiError } from '../api/client'
import { toApiError } from '../utils/feedback'

export interface AuditFilterValues {
  memberId?: string
  area?: AuditArea
  action?: string
}

/**
 * The team's audit log, a page of 20 at a time as the team function pages it: a filter change
 * restarts the list, `loadMore` follows the cursor, and answers for an older filter are dropped.
 */
export function useAuditLog() {
  const [filters, setFilters] = useState<AuditFilterValues>({})
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef(0)

  const load = useCallback(async (f: AuditFilterValues, from: string | null) => {
    const id = ++latest.current
    setLoading(true)
    try {
      const page = await api.team.listAudit({
        ...(from ? { cursor: from } : {}),
        ...(f.memberId ? { memberId: f.memberId } : {}),
        ...(f.area ? { area: f.area } : {}),
        ...(f.area && f.action ? { action: f.action } : {}),
      })
      if (id !== latest.current) return
      setEntries((prev) => (from === null || !prev ? page.entries : [...prev, ...page.entries]))
      setCursor(page.nextCursor)
      setError(null)
    } catch (e) {
      if (id === latest.current) setError(toApiError(e))
    } finally {
      if (id === latest.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load(filters, null)
  }, [filters, load])

  return {
    filters,
    setFilters,
    entries,
    hasMore: cursor !== null,
    loading,
    error,
    refresh: () => load(filters, null),
    loadMore: () => (cursor !== null && !loading ? load(filters, cursor) : Promise.resolve()),
  }
}
