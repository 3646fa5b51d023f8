// The demo team's risk register: one risk in each of the plan's six categories plus a closed one, with their
// history (登记, a reasoned re-score, status changes), one review overdue, one due today, and a signal's
// suggestion waiting on the KPI-linked risk — so a new user opens 风险雷达 on a populated map and radar.
import { RISKS, RISK_CHANGES, RISK_SUGGESTIONS } from '../cloudfunctions/common/db/collections'
import type { RiskChangeRecord, RiskRecord, RiskSuggestionRecord } from '../cloudfunctions/common/db/steering'
import type { RiskStatus } from '../core/steering/risks'
import { addDays, dayKey } from '../core/time/china'
import type { Store } from './store'

type Person = { id: string; name: string }
type Seeded = Pick<RiskRecord, 'category' | 'title' | 'likelihood' | 'impact' | 'status' | 'plan' | 'trigger' | 'signal' | 'kpi'> & {
  key: string
  owner: Person
  by: Person
  reviewIn: number
  daysAgo: number
  /** Earlier score and status, when the risk changed since it was registered (with the reason). */
  was?: { likelihood: number; impact: number; status: RiskStatus; reason: string; daysAgo: number }
}

export function seedRisks(store: Store, teamId: string, people: { admin: Person; manager: Person; operators: Person[] }, now: Date): void {
  const { admin, manager } = people
  const [li, zhou] = people.operators
  const today = dayKey(now)
  const list: Seeded[] = [
    { key: 'market', category: 'market', title: '同城同行加大直播投流', likelihood: 4, impact: 3, status: 'watching', plan: '加密直播场次，突出上门安装服务', trigger: '竞品周涨粉率连续两周高于我们', signal: null, kpi: null, owner: manager, by: manager, reviewIn: 5, daysAgo: 30, was: { likelihood: 3, impact: 3, status: 'watching', reason: '同城净水小王开始每天直播', daysAgo: 6 } },
    { key: 'fatigue', category: 'fatigue', title: '同类测评选题过多，完播下滑', likelihood: 3, impact: 3, status: 'watching', plan: '每月轮换栏目，引入用户故事', trigger: '完播率连续两周红', signal: 'kpi', kpi: 'completionRate', owner: li, by: manager, reviewIn: -2, daysAgo: 28 },
    { key: 'policy', category: 'policy', title: '广告法用语与功效宣称合规', likelihood: 2, impact: 5, status: 'watching', plan: '发布前合规自查清单，敏感表述法务复核', trigger: '平台下发违规通知', signal: null, kpi: null, owner: admin, by: admin, reviewIn: 20, daysAgo: 35 },
    { key: 'production', category: 'production', title: '剪辑人手不足导致排期延误', likelihood: 3, impact: 4, status: 'occurred', plan: '外包一名剪辑，模板化片头片尾', trigger: '评审超时增多', signal: 'reviewsOverdue', kpi: null, owner: zhou, by: manager, reviewIn: 7, daysAgo: 21, was: { likelihood: 3, impact: 4, status: 'watching', reason: '本周 3 条视频延期发布', daysAgo: 3 } },
    { key: 'data', category: 'data', title: '数据未及时录入，周判定失真', likelihood: 2, impact: 3, status: 'watching', plan: '一线每日 18:00 前填报，运营次日核对', trigger: '作品缺少数据', signal: 'missingNumbers', kpi: null, owner: li, by: manager, reviewIn: 0, daysAgo: 14 },
    { key: 'teamwork', category: 'teamwork', title: '跨部门素材审批慢', likelihood: 2, impact: 2, status: 'proposed', plan: '', trigger: '销售部素材提供超过 3 天', signal: null, kpi: null, owner: zhou, by: zhou, reviewIn: 10, daysAgo: 2 },
    { key: 'holiday', category: 'market', title: '双十一档期流量被挤压', likelihood: 3, impact: 2, status: 'closed', plan: '错峰发布', trigger: '', signal: null, kpi: null, owner: manager, by: manager, reviewIn: -20, daysAgo: 40, was: { likelihood: 3, impact: 2, status: 'watching', reason: '档期已过', daysAgo: 10 } },
  ]
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000)
  const risks: RiskRecord[] = []
  const changes: RiskChangeRecord[] = []
  for (const s of list) {
    const _id = `demo_risk_${s.key}`
    const created = at(s.daysAgo)
    const first = s.was ?? s
    const change = (n: number, kind: RiskChangeRecord['kind'], from: RiskChangeRecord['from'], to: RiskChangeRecord['to'], reason: string, by: Person, when: Date): RiskChangeRecord => ({
      _id: `${_id}_c${n}`, teamId, riskId: _id, kind, from, to, reason, byName: by.name, at: when, suggestionId: null, createdAt: when, updatedAt: when, createdBy: by.id, version: 0,
    })
    const firstStatus = s.status === 'proposed' ? 'proposed' : first.status
    changes.push(change(0, 'created', null, { likelihood: first.likelihood, impact: first.impact, status: firstStatus }, s.status === 'proposed' ? '提议' : '登记', s.by, created))
    if (s.was) {
      const kind = s.was.status !== s.status ? 'status' : 'score'
      changes.push(change(1, kind, { likelihood: s.was.likelihood, impact: s.was.impact, status: s.was.status }, { likelihood: s.likelihood, impact: s.impact, status: s.status }, s.was.reason, manager, at(s.was.daysAgo)))
    }
    risks.push({
      _id, teamId, category: s.category, title: s.title, description: '', likelihood: s.likelihood, impact: s.impact, status: s.status, ownerId: s.owner.id, ownerName: s.owner.name,
      plan: s.plan, trigger: s.trigger, signal: s.signal, kpi: s.kpi, reviewDay: addDays(today, s.reviewIn), reviewRemindedFor: null, createdByName: s.by.name,
      createdAt: created, updatedAt: created, createdBy: s.by.id, version: s.was ? 1 : 0,
    })
  }
  const suggestedAt = at(1)
  const suggestion: RiskSuggestionRecord = {
    _id: 'demo_risk_fatigue_completionRate', teamId, riskId: 'demo_risk_fatigue', signalKind: 'kpi', fromLikelihood: 3, toLikelihood: 4, reason: '「完播率」连续两周未达标（预警中）',
    status: 'open', decidedBy: null, decidedByName: null, decidedAt: null, note: '', createdAt: suggestedAt, updatedAt: suggestedAt, createdBy: 'system', version: 0,
  }
  store.insert(RISKS, risks as unknown as Record<string, unknown>[])
  store.insert(RISK_CHANGES, changes as unknown as Record<string, unknown>[])
  store.insert(RISK_SUGGESTIONS, [suggestion] as unknown as Record<string, unknown>[])
}
