// The steering function's one timer trigger (CloudBase allows one per function): hourly at :45, after the
// analytics run at :30 has opened the hour's alerts and written the 日报. Each area adds its step here.
import type { DbLike } from '../common/sdk'
import { risksAllTeams } from './riskSignals'

export async function steeringTimer(db: DbLike, now: Date): Promise<Record<string, unknown>> {
  return { risks: await risksAllTeams(db, now) }
}
