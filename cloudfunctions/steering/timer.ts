// The steering function's one timer trigger (CloudBase allows one per function): hourly at :45, after the
// analytics run at :30 has opened the hour's alerts and written the 日报. Each area adds its step here.
import type { DbLike } from '../common/sdk'
import { risksAllTeams } from './riskSignals'
import { categorizeAllSpend } from './spendMigration'

/** The spend migration's share of the run (a no-op once done); the risks take the rest of the 20 s timeout. */
const MIGRATION_MS = 3_000

export async function steeringTimer(db: DbLike, now: Date): Promise<Record<string, unknown>> {
  // First: stamps 广告投放 on spend logged before budgets (see spendMigration.ts); resumable, so a short share is enough.
  const spend = await categorizeAllSpend(db, { budgetMs: MIGRATION_MS })
  return { spend, risks: await risksAllTeams(db, now) }
}
