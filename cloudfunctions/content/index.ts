import { contentContract } from '../../core/api/content'
import { defineFunction } from '../common/action'
import { handlers } from './handlers'
import { retrospectivesAllTeams } from './retroTimer'

export const main = defineFunction('content', contentContract, handlers, {
  // Hourly: retrospectives (单条复盘) of items whose day 7 is complete (retroTimer.ts).
  onTimer: ({ db, now }) => retrospectivesAllTeams(db, now),
})
