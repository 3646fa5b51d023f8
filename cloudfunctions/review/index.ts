import { reviewContract } from '../../core/api/review'
import { defineFunction } from '../common/action'
import { renameAllScheduledAt } from './finalApprovedMigration'
import { fillAllTeams } from './firstPass'
import { handlers } from './handlers'

/** The rename's share of the hourly run (a no-op once done); the 内容合格率 backfill keeps its 6 s of the 10 s timeout. */
const RENAME_MS = 2_000

export const main = defineFunction('review', reviewContract, handlers, {
  onTimer: async ({ db, now }) => {
    const renamed = await renameAllScheduledAt(db, { budgetMs: RENAME_MS })
    return { ...(await fillAllTeams(db, now)), renamed }
  },
})
