// The `research` cloud function: what the team learns by testing (A/B experiments, PRODUCT.md capability 9)
// and by looking around (the competitor watch). Its two areas keep their actions in one block each.
import { action } from './action'
import { STAFF_ROLES } from '../roles'
import { emptyInput } from '../team/schemas'
import {
  addCompetitorInput,
  competitorComparisonInput,
  logCompetitorWeekInput,
  updateCompetitorInput,
  type CompetitorComparison,
  type CompetitorsPage,
  type CompetitorView,
  type LoggedWeekView,
} from '../research/competitors'

export const researchContract = {
  // ---- A/B experiments (handlers: cloudfunctions/research/experiments.ts) ----
  // ---- competitor watch (handlers: cloudfunctions/research/competitors.ts) ----
  // Staff roles (admin, manager, operator) read the accounts and the comparison, register, edit, archive
  // them and log their weeks; field staff have no part in it (they log our own numbers, not others').
  competitors: action<CompetitorsPage>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看竞品账号' }),
  addCompetitor: action<CompetitorView>()({ input: addCompetitorInput, access: STAFF_ROLES, write: true, summary: '添加竞品账号' }),
  updateCompetitor: action<CompetitorView>()({ input: updateCompetitorInput, access: STAFF_ROLES, write: true, summary: '修改竞品账号' }),
  logCompetitorWeek: action<LoggedWeekView>()({ input: logCompetitorWeekInput, access: STAFF_ROLES, write: true, summary: '记录竞品周数据' }),
  competitorComparison: action<CompetitorComparison>()({ input: competitorComparisonInput, access: STAFF_ROLES, write: false, summary: '查看竞品对比' }),
}
