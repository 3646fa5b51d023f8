import { MEMBERS, TEAMS } from '../common/db/collections'
import type { MemberRecord, TeamDoc } from '../common/db/team'
import { Repo } from '../common/repo'
import type { DbLike } from '../common/sdk'

/**
 * Nightly: sets each team's guarded admin count to the number of active admins. The count and the
 * member's roles are two writes, so a process killed between them could leave the count off by one.
 */
export async function repairAdminCounts(db: DbLike): Promise<{ teams: number; fixed: number }> {
  const teams = await new Repo<TeamDoc>(db, TEAMS, null).find({}, { limit: 100_000 })
  let fixed = 0
  for (const team of teams) {
    const admins = await new Repo<MemberRecord>(db, MEMBERS, team._id).count({ status: 'active', roles: 'admin' })
    if (admins === team.adminCount) continue
    await new Repo<TeamDoc>(db, TEAMS, team._id).updateWhere({ _id: team._id }, { adminCount: admins })
    fixed++
  }
  return { teams: teams.length, fixed }
}
