// Migration: promotion spend logged before budgets (投流花费, no `category`) becomes the 广告投放 actuals.
// Readers already count an entry without a category as 广告投放 (core/steering/budget.ts, spendCategoryOf),
// so nothing reads differently before, during or after it; it makes the stored facts say so, so that exports
// and queries by category see them. Only the missing field is added: amounts, days and supersedes chains stay.
// Idempotent (it touches only entries without a category) and resumable (out of time, it stops between
// teams and the next hourly run carries on); it runs from the steering function's timer.
import { LEGACY_SPEND_CATEGORY } from '../../core/steering/budget'
import { SPEND } from '../common/db/collections'
import { forEachTeam } from '../common/everyTeam'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'

/** Time one run may spend (the function's timeout is 20 s). */
const BUDGET_MS = 12_000

/** Stamps 广告投放 on one team's entries without a category; answers how many it changed. */
export async function categorizeTeamSpend(db: DbLike, teamId: string): Promise<number> {
  return new Repo<{ _id: string; teamId: string }>(db, SPEND, teamId).updateWhere({ category: db.command.exists(false) }, { category: LEGACY_SPEND_CATEGORY })
}

/** Every team's legacy entries, team by team in `_id` order. */
export async function categorizeAllSpend(db: DbLike, limits: { budgetMs?: number } = {}): Promise<{ teams: number; updated: number; finished: boolean }> {
  let updated = 0
  const walk = await forEachTeam(db, Date.now() + (limits.budgetMs ?? BUDGET_MS), async (teamId) => {
    updated += await categorizeTeamSpend(db, teamId)
  })
  return { ...walk, updated }
}
