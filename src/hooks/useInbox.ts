import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import type { InboxView, NotificationView } from '../../core/review/schemas'
import { api } from '../api'
import { useApiQuery } from './useApiQuery'

export interface InboxData extends InboxView {
  /** The reviewer's request, by item: the latest changes_requested notification's text. */
  comments: Record<string, string>
}

/**
 * The inbox does not carry the reviewer's comment of an item sent back for changes; the author's
 * notification of that request does, so the first page of notifications is read alongside.
 */
function commentsFrom(notes: readonly NotificationView[]): Record<string, string> {
  const out: Record<string, string> = {}
  // Newest first: the first request per item is its latest.
  for (const n of notes) if (n.kind === 'changes_requested' && !(n.itemId in out)) out[n.itemId] = n.body
  return out
}

async function loadInbox(): Promise<InboxData> {
  const [inbox, notes] = await Promise.all([api.review.inbox(), api.review.notifications({ offset: 0 })])
  return { ...inbox, unread: notes.unread, comments: commentsFrom(notes.items) }
}

/** Shows the number of reviews waiting on the 审核 tab itself (tab pages only; failures are harmless). */
function showTabBadge(count: number): void {
  const index = 2
  try {
    if (count > 0) void Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) }).catch(() => undefined)
    else void Taro.removeTabBarBadge({ index }).catch(() => undefined)
  } catch {
    // Not a tab page in this context (tests, an embedded view).
  }
}

/** The member's review inbox; `enabled` is false for field staff, who have nothing to review. */
export function useInbox(enabled: boolean) {
  const query = useApiQuery(loadInbox, [], { enabled })
  const waiting = query.data?.waitingTotal ?? 0
  useEffect(() => {
    if (query.data) showTabBadge(waiting)
  }, [query.data, waiting])
  return query
}
