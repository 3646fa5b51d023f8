import { api } from '../api'
import { useApiQuery } from './useApiQuery'

/**
 * Where a planned item's production stands, so the item page can name who reviews its current gate.
 * Before production starts the function answers NOT_FOUND and the page shows nothing of it.
 */
export function useItemReview(itemId: string | undefined, planned: boolean) {
  return useApiQuery(() => api.review.getProduction({ itemId: itemId ?? '' }), [itemId], { enabled: Boolean(itemId) && planned })
}
