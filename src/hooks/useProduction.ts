import { useCallback, useRef, useState } from 'react'
import type { ProductionView } from '../../core/review/schemas'
import { api, ApiError } from '../api'
import { fieldErrorMap, toastError, toastSuccess } from '../utils/feedback'
import { useApiQuery } from './useApiQuery'

/**
 * One item's production: where it stands, its timeline and cycle time, the item itself (title
 * before production starts, and the version markPublished needs), and one way to run a write.
 */
export function useProduction(itemId: string) {
  const production = useApiQuery(() => api.review.getProduction({ itemId }), [itemId], { enabled: Boolean(itemId) })
  const started = Boolean(production.data)
  const item = useApiQuery(() => api.content.getItem({ id: itemId }), [itemId], { enabled: Boolean(itemId) })
  const timeline = useApiQuery(() => api.review.timeline({ itemId }), [itemId, started], { enabled: started })
  const cycle = useApiQuery(() => api.review.itemCycle({ itemId }), [itemId, started], { enabled: started })
  const notStarted = !production.data && production.error?.code === 'NOT_FOUND'

  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const busyRef = useRef(false)

  const reloadAll = useCallback(async () => {
    await Promise.all([production.refresh(), item.refresh(), started ? timeline.refresh() : undefined, started ? cycle.refresh() : undefined])
  }, [production, item, timeline, cycle, started])

  /**
   * Runs one write. Its answer (the production as it now is) replaces what is shown and the records
   * are read again. A CONFLICT (another reviewer decided first, or the state moved on) shows the
   * function's message and reloads; field problems stay under their fields.
   */
  const run = useCallback(
    async (write: () => Promise<ProductionView | unknown>, done: string): Promise<boolean> => {
      if (busyRef.current) return false
      busyRef.current = true
      setBusy(true)
      setErrors({})
      try {
        const answer = await write()
        if (answer && typeof answer === 'object' && 'gates' in answer) production.replace(answer as ProductionView)
        toastSuccess(done)
        void Promise.all([production.data ? undefined : production.refresh(), item.refresh(), timeline.refresh(), cycle.refresh()])
        return true
      } catch (e) {
        setErrors(fieldErrorMap(e))
        toastError(e)
        if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'FORBIDDEN')) await reloadAll()
        return false
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [production, item, timeline, cycle, reloadAll],
  )

  return { production, item, timeline, cycle, notStarted, busy, errors, setErrors, run, reloadAll }
}
