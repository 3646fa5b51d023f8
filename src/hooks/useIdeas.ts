import { listIdeasInput, type ItemCard } from '../../core/content/schemas'
import { textLimitOf } from '../../core/validation'
import { api } from '../api'
import type { IdeaFilterValues } from '../components/IdeaFilters'
import { useSearchedPages } from './useSearchedPages'

/** Longer words are kept in the box (the filters say so) but not searched: the function would refuse them. */
const SEARCH_MAX = textLimitOf(listIdeasInput.shape.q)?.max ?? Infinity

/** The topic library, 20 ideas a page as the content function pages them (see useSearchedPages). */
export function useIdeas() {
  const { setItems, setNext, ...list } = useSearchedPages<IdeaFilterValues, ItemCard>(
    (f, offset) =>
      api.content.listIdeas({
        offset,
        ...(f.q.trim() ? { q: f.q.trim() } : {}),
        ...(f.category ? { category: f.category } : {}),
        ...(f.source ? { source: f.source } : {}),
      }),
    { q: '' },
    SEARCH_MAX,
  )
  return {
    ...list,
    /** Drops an idea that just left the library (scheduled), without reloading the page. */
    remove: (id: string) => {
      setItems((prev) => prev?.filter((i) => i.id !== id) ?? prev)
      // The next page starts one earlier now, or it would skip an idea.
      setNext((n) => ({ ...n, offset: Math.max(0, n.offset - 1) }))
    },
  }
}
