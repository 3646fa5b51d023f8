// Migration: promotion spend logged before budgets (投流花费, no `category`) becomes the 广告投放 actuals.
// Readers already count an entry without a category as 广告投放 (core/steering/budget.ts, spendCategoryOf),
// so nothing reads differently before, during or after it; it makes the stored facts say so, so that exports
// and queries by category see them. Only the missing field is added: amounts, days and supersedes chains stay.
// Idempotent (it touches only entries without a category) and resumable (out of time, it stops between
// teams and the next hourly run carries on); it runs from the steering function's timer.
import { LEGACY_SPEND_CATEGORY } from '../../core/steering/budget'
import { SPEND, TEAMS } from '../common/db/collections'
import type { TeamRecord } from '../common/db/team'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'

const PAGE = 100
/** Time one run may spend (the function's timeout is 20 s). */
const BUDGET_MS = 12_000

/** Stamps 广告投放 on one team's entries without a category; answers how many it changed. */
export async function categorizeTeamSpend(db: DbLike, teamId: string): Promise<number> {
  return new Repo<{ _id: string; teamId: string }>(db, SPEND, teamId).updateWhere({ category: db.command.exists(false) }, { category: LEGACY_SPEND_CATEGORY })
}

/** Every team's legacy entries, team by team in `_id` order. */
export async function categorizeAllSpend(db: DbLike, limits: { budgetMs?: number } = {}): Promise<{ teams: number; updated: number; finished: boolean }> {
  const deadline = Date.now() + (limits.budgetMs ?? BUDGET_MS)
  const _ = db.command
  let teams = 0
  let updated = 0
  let after = ''
  for (;;) {
    const where = after ? { _id: _.gt(after) } : {}
    const page = (await db.collection(TEAMS).where(where).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE).get()).data as unknown as Pick<TeamRecord, '_id'>[]
    for (const t of page) {
      if (Date.now() > deadline) return { teams, updated, finished: false }
      updated += await categorizeTeamSpend(db, t._id)
      teams++
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  return { teams, updated, finished: true }
}
