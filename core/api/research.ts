// The `research` cloud function: what the team learns by testing (A/B experiments, PRODUCT.md capability 9)
// and by looking around (the competitor watch). Its two areas keep their actions in one block each.
import {
  changeStatusInput,
  createExperimentInput,
  decideExperimentInput,
  experimentInput,
  experimentsInput,
  logVariantCountsInput,
  planExperimentInput,
  updateExperimentInput,
  type ExperimentPage,
  type ExperimentView,
  type PlanView,
  type VariantView,
} from '../research/experiments'
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

/** Only managers (and admins) record what an experiment decided. */
const DECIDERS = ['admin', 'manager'] as const

export const researchContract = {
  // ---- A/B experiments (handlers: cloudfunctions/research/experiments.ts) ----
  // Everyone reads them (field staff log a push test's counts from the experiment page); staff plan and run them.
  experiments: action<ExperimentPage>()({ input: experimentsInput, access: 'member', write: false, summary: '查看实验列表' }),
  experiment: action<ExperimentView>()({ input: experimentInput, access: 'member', write: false, summary: '查看实验' }),
  planExperiment: action<PlanView>()({ input: planExperimentInput, access: STAFF_ROLES, write: false, summary: '估算实验样本量' }),
  createExperiment: action<ExperimentView>()({ input: createExperimentInput, access: STAFF_ROLES, write: true, summary: '新建实验' }),
  updateExperiment: action<ExperimentView>()({ input: updateExperimentInput, access: STAFF_ROLES, write: true, summary: '修改实验草稿' }),
  startExperiment: action<ExperimentView>()({ input: changeStatusInput, access: STAFF_ROLES, write: true, summary: '开始实验' }),
  endExperiment: action<ExperimentView>()({ input: changeStatusInput, access: STAFF_ROLES, write: true, summary: '结束实验' }),
  logVariantCounts: action<VariantView>()({ input: logVariantCountsInput, access: 'member', write: true, summary: '录入实验推送计数' }),
  decideExperiment: action<ExperimentView>()({ input: decideExperimentInput, access: DECIDERS, write: true, summary: '记录实验决策' }),
  // ---- competitor watch (handlers: cloudfunctions/research/competitors.ts) ----
  // Staff roles (admin, manager, operator) read the accounts and the comparison, register, edit, archive
  // them and log their weeks; field staff have no part in it (they log our own numbers, not others').
  competitors: action<CompetitorsPage>()({ input: emptyInput, access: STAFF_ROLES, write: false, summary: '查看竞品账号' }),
  addCompetitor: action<CompetitorView>()({ input: addCompetitorInput, access: STAFF_ROLES, write: true, summary: '添加竞品账号' }),
  updateCompetitor: action<CompetitorView>()({ input: updateCompetitorInput, access: STAFF_ROLES, write: true, summary: '修改竞品账号' }),
  logCompetitorWeek: action<LoggedWeekView>()({ input: logCompetitorWeekInput, access: STAFF_ROLES, write: true, summary: '记录竞品周数据' }),
  competitorComparison: action<CompetitorComparison>()({ input: competitorComparisonInput, access: STAFF_ROLES, write: false, summary: '查看竞品对比' }),
}
