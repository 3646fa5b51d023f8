import { useCallback, useRef, useState } from 'react'
import type { InboxEntry } from '../../core/review/schemas'
import { api, ApiError } from '../api'
import { newRequestId } from '../api/client'
import { fieldErrorMap, toastError, toastSuccess } from '../utils/feedback'
import type { ApiQuery } from './useApiQuery'
import type { InboxData } from './useInbox'

type Kind = 'approve' | 'requestChanges'

/**
 * After a decision, taps are ignored this long: the second tap of a double tap otherwise lands on the
 * disabled button's row (opening the page) or, once the decided row has gone, on the row that moved up
 * under the finger — which could approve an item nobody looked at.
 */
export const SETTLE_MS = 600

/**
 * Deciding from an inbox row with the same actions as the production page: against the version the
 * row was read at (a decision someone else made first is refused, not repeated), one request id per
 * row, version and decision (a retry or a second tap is answered, never decided twice), and one
 * decision at a time. A decided row leaves the list at once; the inbox is read again behind it.
 */
export function useInboxDecision(inbox: ApiQuery<InboxData>) {
  const [busyId, setBusyId] = useState<string | null>(null)
  const [asking, setAsking] = useState<InboxEntry | null>(null)
  const [error, setError] = useState<string | undefined>()
  // A ref, not the state: two taps in the same frame both see the state still idle.
  const busy = useRef(false)
  const quietUntil = useRef(0)
  const settling = () => busy.current || Date.now() < quietUntil.current
  const requestIds = useRef(new Map<string, string>())
  const { data, replace, refresh } = inbox

  const requestIdFor = (e: InboxEntry, kind: Kind) => {
    const key = `${kind}:${e.itemId}:${e.version}`
    if (!requestIds.current.has(key)) requestIds.current.set(key, newRequestId())
    return requestIds.current.get(key)!
  }

  const removeRow = useCallback(
    (e: InboxEntry) => {
      if (!data) return
      const waiting = data.waiting.filter((x) => x.itemId !== e.itemId)
      if (waiting.length === data.waiting.length) return
      replace({ ...data, waiting, waitingTotal: Math.max(0, data.waitingTotal - 1), overdueTotal: Math.max(0, data.overdueTotal - (e.overdue ? 1 : 0)) })
    },
    [data, replace],
  )

  const decide = async (e: InboxEntry, kind: Kind, comment = ''): Promise<void> => {
    if (settling()) return
    busy.current = true
    setBusyId(e.itemId)
    setError(undefined)
    const input = { itemId: e.itemId, version: e.version, versionNo: e.versionNo }
    const opts = { requestId: requestIdFor(e, kind) }
    try {
      if (kind === 'approve') await api.review.approve(input, opts)
      else await api.review.requestChanges({ ...input, comment }, opts)
      toastSuccess(kind === 'approve' ? '已通过' : '已要求修改')
      setAsking(null)
      // Only after a decision lands: a retry after a failure is the same request, safe to tap again.
      quietUntil.current = Date.now() + SETTLE_MS
      removeRow(e)
      void refresh()
    } catch (err) {
      const fields = fieldErrorMap(err)
      // A missing comment stays in the open dialog under its field; anything else closes it.
      if (fields.comment) {
        setError(fields.comment)
        return
      }
      toastError(err)
      setAsking(null)
      // Someone decided first, or the row is otherwise out of date: show the inbox as it now is.
      if (err instanceof ApiError && err.code !== 'NETWORK') void refresh()
    } finally {
      busy.current = false
      setBusyId(null)
    }
  }

  return {
    busyId,
    asking,
    error,
    approve: (e: InboxEntry) => decide(e, 'approve'),
    /** Opens a row's page, unless a decision is on its way or has just landed (a double tap's second tap). */
    guardOpen: (open: (itemId: string) => void) => (itemId: string) => {
      if (!settling()) open(itemId)
    },
    /** Opens the dialog that asks for the comment. */
    ask: (e: InboxEntry) => {
      if (settling()) return
      setError(undefined)
      setAsking(e)
    },
    requestChanges: (comment: string) => (asking ? decide(asking, 'requestChanges', comment) : Promise.resolve()),
    cancel: () => setAsking(null),
  }
}
