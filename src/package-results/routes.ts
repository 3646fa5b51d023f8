/** The results sub-package's pages (app.config registers them under `package-results`). */
export const RESULTS_ROUTES = {
  snapshot: '/package-results/snapshot/index',
  history: '/package-results/history/index',
  live: '/package-results/live/index',
  leads: '/package-results/leads/index',
  followers: '/package-results/followers/index',
  import: '/package-results/import/index',
} as const

export type ResultsRoute = (typeof RESULTS_ROUTES)[keyof typeof RESULTS_ROUTES]

/** A results route with its query string; values are encoded, empty ones left out. */
export function resultsUrl(route: ResultsRoute, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `${route}?${parts.join('&')}` : route
}
