import { createApi } from './client'
import { transport } from './transport'

/** The app's one typed client: `api.team.listMembers()` → typed data or an ApiError. */
export const api = createApi(transport)
export { ApiError } from './client'
