// Migration: productions stored the final-approval instant as `scheduledAt`; it is `finalApprovedAt`, the name
// items and the cycle views use (docs/glossary.md). This renames the field on stored productions, value kept
// (null stays null). Idempotent (it touches only documents that still carry `scheduledAt`, and a decision on a
// production never writes the old name again) and resumable (out of time, it stops between documents; the next
// hourly run carries on). It runs first in the review function's timer. Until a team's productions are done,
// 制作周期's list leaves out the items finally approved before the deploy (at most one hour).
import { PRODUCTIONS } from '../common/db/collections'
import type { ProductionRecord } from '../common/db/review'
import { forEachTeam } from '../common/everyTeam'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'

const PAGE = 100

type Legacy = Pick<ProductionRecord, '_id'> & { scheduledAt: Date | null }

/** Renames the field on one team's productions, until none is left or the deadline passes; answers how many it changed. */
export async function renameTeamScheduledAt(db: DbLike, teamId: string, deadline = Infinity): Promise<{ updated: number; finished: boolean }> {
  const _ = db.command
  const repo = new Repo<Legacy>(db, PRODUCTIONS, teamId)
  let updated = 0
  for (;;) {
    const page = await repo.find({ scheduledAt: _.exists(true) }, { orderBy: ['scheduledAt', 'asc'], limit: PAGE, fields: { _id: true, scheduledAt: true } })
    for (const p of page) {
      if (Date.now() > deadline) return { updated, finished: false }
      // One document at a time, on the condition it still has the old field: a rerun or a concurrent run changes nothing twice.
      updated += await repo.updateWhere({ _id: p._id, scheduledAt: _.exists(true) }, { finalApprovedAt: p.scheduledAt, scheduledAt: _.remove() })
    }
    if (page.length < PAGE) return { updated, finished: true }
  }
}

/** Every team's productions, team by team in `_id` order. */
export async function renameAllScheduledAt(db: DbLike, limits: { budgetMs: number }): Promise<{ teams: number; updated: number; finished: boolean }> {
  const deadline = Date.now() + limits.budgetMs
  let updated = 0
  const walk = await forEachTeam(db, deadline, async (teamId) => {
    const r = await renameTeamScheduledAt(db, teamId, deadline)
    updated += r.updated
    return r.finished
  })
  return { ...walk, updated }
}
