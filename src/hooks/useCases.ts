import { listCasesInput, type CaseLine, type Outcome } from '../../core/content/retrospectives'
import type { Category, Format, Layer } from '../../core/content/labels'
import { textLimitOf } from '../../core/validation'
import { api } from '../api'
import { useSearchedPages } from './useSearchedPages'

export interface CaseFilterValues {
  q: string
  layer?: Layer
  category?: Category
  format?: Format
  outcome?: Outcome
}

const SEARCH_MAX = textLimitOf(listCasesInput.shape.q)?.max ?? Infinity

/** The case library, a page at a time as the content function pages it; filters restart the list. */
export function useCases() {
  return useSearchedPages<CaseFilterValues, CaseLine>(
    ({ q, ...chips }, offset) => api.content.listCases({ offset, ...(q.trim() ? { q: q.trim() } : {}), ...chips }),
    { q: '' },
    SEARCH_MAX,
  )
}
