import { useCallback, useRef } from 'react'
import type { ItemDetail } from '../../core/content/schemas'
import { api, ApiError } from '../api'
import { toastError } from '../utils/feedback'
import { useApiQuery } from './useApiQuery'

/** A CONFLICT's `current` when it is an item (the function sends what won). */
function currentItem(e: ApiError): ItemDetail | null {
  const c = e.current as Partial<ItemDetail> | undefined
  return c && typeof c.id === 'string' && typeof c.version === 'number' ? (c as ItemDetail) : null
}

/**
 * One item by id, and what to do when a write on it fails: a CONFLICT where someone saved first
 * (the item the function sends back has another version than the one on screen) says so and shows
 * theirs; a CONFLICT about the item's state (not through final approval, archived) and anything
 * else is toasted as the function phrased it.
 */
export function useItem(id: string | undefined) {
  const query = useApiQuery(() => api.content.getItem({ id: id ?? '' }), [id], { enabled: Boolean(id) })
  const { refresh, replace } = query
  const shownVersion = useRef<number | undefined>(undefined)
  shownVersion.current = query.data?.version

  const onWriteError = useCallback(
    async (e: unknown): Promise<ItemDetail | null> => {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const current = currentItem(e)
        // Same version as on screen: nobody else saved, the function refused for a reason of its own.
        const savedByOther = current !== null && current.version !== shownVersion.current
        toastError(savedByOther ? new ApiError('CONFLICT', '内容已被他人修改，已载入最新版本') : e)
        if (current) replace(current)
        else await refresh()
        return current
      }
      toastError(e)
      return null
    },
    [refresh, replace],
  )
  return { ...query, onWriteError }
}
