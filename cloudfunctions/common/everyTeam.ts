// The walk every hourly timer makes: all teams, 100 a page in `_id` order, within the run's time.
import { TEAMS } from './db/collections'
import type { DbLike, Where } from './sdk'

const PAGE = 100

/**
 * Hands each team's id (of those matching `where`) to `visit`, stopping between teams once `deadline` (a
 * Date.now() instant) has passed, or when `visit` answers false (it ran out of time inside the team). The
 * next run starts over from the first team, so `visit` must be idempotent; a team already done should cost
 * it little. Answers the teams visited to the end and whether the walk finished.
 */
export async function forEachTeam(
  db: DbLike,
  deadline: number,
  visit: (teamId: string) => Promise<boolean | void>,
  where: Where = {},
): Promise<{ teams: number; finished: boolean }> {
  const _ = db.command
  let teams = 0
  let after = ''
  for (;;) {
    const page = (await db.collection(TEAMS).where({ ...where, ...(after ? { _id: _.gt(after) } : {}) }).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE).get())
      .data as unknown as { _id: string }[]
    for (const t of page) {
      if (Date.now() > deadline) return { teams, finished: false }
      if ((await visit(t._id)) === false) return { teams, finished: false }
      teams++
    }
    if (page.length < PAGE) return { teams, finished: true }
    after = page[page.length - 1]._id
  }
}
