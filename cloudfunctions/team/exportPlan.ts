// What a team's data export (exportTeamData.ts) reads from each collection of the storage registry,
// and what it leaves out. Keyed by CollectionName, so a new collection does not compile until it is
// decided here.
import {
  ALERTS,
  ANALYSES,
  REPORTS,
  EXPERIMENTS,
  EXPERIMENT_COUNTS,
  AUDIT,
  COLLECTION_NAMES,
  COMPETITORS,
  COMPETITOR_WEEKS,
  PHASE_PLANS,
  RISKS,
  RISK_CHANGES,
  RISK_SUGGESTIONS,
  FOLLOWER_TOTALS,
  IMPORTS,
  INVITES,
  ITEMS,
  ITEM_SERIES,
  KPI_WEEKS,
  LEADS,
  LIVE_SESSIONS,
  MEETINGS,
  MEMBERS,
  NOTIFICATIONS,
  PRODUCTIONS,
  REQUESTS,
  RESULTS_LOCKS,
  REVIEW_EVENTS,
  REVIEW_FIRSTS,
  REVIEW_FLOWS,
  REVIEW_VERSIONS,
  ROLLUPS,
  ROLLUP_SCRATCH,
  SEATS,
  SNAPSHOTS,
  SPEND,
  TARGET_HISTORY,
  TASKS,
  RETROSPECTIVES,
  TEAMS,
  THEMES,
  BUDGET_PLANS,
  BUDGET_REVISIONS,
  type CollectionName,
} from '../common/db/collections'

/**
 * How a collection's documents belong to a team. Every record type in common/db/ carries `teamId`
 * (ids like `${teamId}_${day}` of rollups, themes, flows, kpiWeeks, alerts and review_firsts carry it
 * too), so `teamId` is the key; the team's own document is also found by its `_id`.
 */
export type ExportRule = { label: string; key: 'teamId' | '_id' } | { excluded: string }

export const EXPORT_PLAN: Record<CollectionName, ExportRule> = {
  [TEAMS]: { label: '团队', key: '_id' },
  [MEMBERS]: { label: '成员', key: 'teamId' },
  [INVITES]: { label: '邀请码', key: 'teamId' },
  [SEATS]: { excluded: '每人一个的入队占位，编号由微信身份派生；成员记录已包含同样的归属' },
  [AUDIT]: { label: '审计日志', key: 'teamId' },
  [REQUESTS]: { excluded: '写请求的去重记录与重放结果，按调用者而非团队存放，不属于团队数据' },
  [REVIEW_FLOWS]: { label: '评审流程', key: 'teamId' },
  [PRODUCTIONS]: { label: '制作', key: 'teamId' },
  [REVIEW_VERSIONS]: { label: '提交版本', key: 'teamId' },
  [REVIEW_EVENTS]: { label: '审核记录', key: 'teamId' },
  [NOTIFICATIONS]: { label: '通知', key: 'teamId' },
  [REVIEW_FIRSTS]: { label: '首次结论（内容合格率）', key: 'teamId' },
  [ITEMS]: { label: '内容', key: 'teamId' },
  [THEMES]: { label: '月度主题', key: 'teamId' },
  [MEETINGS]: { label: '会议', key: 'teamId' },
  [TASKS]: { label: '待办', key: 'teamId' },
  [RETROSPECTIVES]: { label: '单条复盘', key: 'teamId' },
  [SNAPSHOTS]: { label: '数据快照', key: 'teamId' },
  [LIVE_SESSIONS]: { label: '直播场次', key: 'teamId' },
  [LEADS]: { label: '线索', key: 'teamId' },
  [FOLLOWER_TOTALS]: { label: '粉丝总数', key: 'teamId' },
  [IMPORTS]: { label: '导入记录', key: 'teamId' },
  [ITEM_SERIES]: { label: '内容数据序列', key: 'teamId' },
  [ROLLUPS]: { label: '日汇总', key: 'teamId' },
  [RESULTS_LOCKS]: { excluded: '重建日汇总时的临时锁，只是运行状态' },
  [ROLLUP_SCRATCH]: { excluded: '重建日汇总时的中间结果，重建结束即无用' },
  [SPEND]: { label: '实际花费（含投流花费）', key: 'teamId' },
  [TARGET_HISTORY]: { label: '目标修订记录', key: 'teamId' },
  [KPI_WEEKS]: { label: '周判定', key: 'teamId' },
  [ALERTS]: { label: '预警', key: 'teamId' },
  [ANALYSES]: { label: '专项分析', key: 'teamId' },
  [REPORTS]: { label: '报告', key: 'teamId' },
  [EXPERIMENTS]: { label: 'A/B 实验', key: 'teamId' },
  [EXPERIMENT_COUNTS]: { label: '实验推送计数', key: 'teamId' },
  [COMPETITORS]: { label: '竞品账号', key: 'teamId' },
  [COMPETITOR_WEEKS]: { label: '竞品周数据', key: 'teamId' },
  [PHASE_PLANS]: { label: '阶段计划', key: 'teamId' },
  [RISKS]: { label: '风险', key: 'teamId' },
  [RISK_CHANGES]: { label: '风险变更记录', key: 'teamId' },
  [RISK_SUGGESTIONS]: { label: '风险调整建议', key: 'teamId' },
  [BUDGET_PLANS]: { label: '年度预算', key: 'teamId' },
  [BUDGET_REVISIONS]: { label: '预算调整记录', key: 'teamId' },
}

export interface ExportedSpec {
  collection: CollectionName
  label: string
  key: 'teamId' | '_id'
}

/** The exported collections in the registry's order (teams and members first). */
export const EXPORTED: ExportedSpec[] = COLLECTION_NAMES.flatMap((collection) => {
  const rule = EXPORT_PLAN[collection]
  return 'excluded' in rule ? [] : [{ collection, label: rule.label, key: rule.key }]
})

/** The collections left out, each with why (the file's header repeats this). */
export const EXCLUDED: Record<string, string> = Object.fromEntries(
  COLLECTION_NAMES.flatMap((c) => {
    const rule = EXPORT_PLAN[c]
    return 'excluded' in rule ? [[c, rule.excluded]] : []
  }),
)

/** What the export masks, in words for the header (see redact()). */
export const REDACTED = [
  'members.openid（微信身份标识）',
  'audit.actorId 中的微信身份标识（早期创建团队的记录）',
  '仍可使用的邀请码（invites._id 及审计日志中指向它的 subjectId / subjectName，及早期记录的 target / targetName）',
]

const MASK = '******'

/** Masks a live invite code, keeping its first two characters so the admin can still tell codes apart. */
export const maskCode = (code: string) => `${code.slice(0, 2)}${MASK}`

/**
 * A document as it goes into the file. A member's openid is their WeChat identity and never leaves
 * the functions (MemberView leaves it out too); an audit entry written before its actor was a member
 * named them by openid (no actorName, as auditEntryView reads it); an open, unexpired invite code lets
 * anyone join the team, so it is masked wherever it appears.
 */
export function redact(collection: CollectionName, doc: Record<string, unknown>, liveCodes: ReadonlySet<string>): Record<string, unknown> {
  if (collection === MEMBERS) {
    const { openid: _openid, ...rest } = doc
    return rest
  }
  if (collection === INVITES && liveCodes.has(String(doc._id))) {
    return { ...doc, _id: maskCode(String(doc._id)), codeMasked: true }
  }
  if (collection === AUDIT) {
    const out = { ...doc }
    if (!out.actorName) out.actorId = ''
    for (const f of ['subjectId', 'subjectName', 'target', 'targetName'] as const) {
      if (typeof out[f] === 'string' && liveCodes.has(out[f] as string)) out[f] = maskCode(out[f] as string)
    }
    return out
  }
  return doc
}
