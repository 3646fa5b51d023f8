import { formatCount, formatPercent } from '../format'
import { DEFAULT_FLOWS } from '../review/flow'
import { rate } from './kpi'
import { inPeriod, latestDay, type KpiData, type KpiResult } from './kpiData'
import type { Period } from './range'
import type { KpiPart } from './schemas'

/**
 * 内容合格率 (first-pass approval rate): of the review gates' first outcomes in a range
 * (core/review/firstPass — an item's first decision at a gate; a resubmission's later one does not
 * count), the share that were approvals; overall and per gate.
 */

type Outcomes = NonNullable<KpiData['firstOutcomes']>

/** The short-video flow's gates (选题, 脚本, 拍摄, 剪辑, 终审): always listed, so a gate without decisions reads "—". */
const VIDEO_GATES = DEFAULT_FLOWS.short_video
/**
 * Where a gate sits in a flow, 0 (first) to 1 (last), from the default flows: other formats' gates
 * (脚本/流程, 彩排, 初稿) fall between the video's, and a team's own gates after them all.
 */
const GATE_POSITION = new Map<string, number>()
for (const flow of Object.values(DEFAULT_FLOWS)) {
  flow.forEach((g, i) => {
    if (!GATE_POSITION.has(g.key)) GATE_POSITION.set(g.key, i / Math.max(1, flow.length - 1))
  })
}

/**
 * The share of first outcomes in the period that were approvals; null without any (never 0%).
 *
 * @example
 * // topic: approved; script: changes requested (its approval after the resubmission is not a first outcome)
 * firstPassRate({ rollups: [], items: [], firstOutcomes: [topicOk, scriptBack] }, week) //=> { value: 0.5, asOf: '2026-11-12' }
 */
export function firstPassRate(data: KpiData, p: Period): KpiResult {
  const list = (data.firstOutcomes ?? []).filter((o) => inPeriod(o.day, p))
  return { value: rate(list.filter((o) => o.passed).length, list.length), asOf: latestDay(list.map((o) => o.day)) }
}

/**
 * The rate per gate: the short-video flow's five gates always, then any other gate with first outcomes
 * in the period, in flow order. Grouped by gate key; labelled with the latest name decisions were taken under.
 *
 * @example
 * firstPassByGate({ rollups: [], items: [], firstOutcomes: [topicOk, topicOk2, topicBack] }, week)[0]
 * //=> { key: 'topic', label: '选题', value: 0.667, display: '66.7%（2/3）', hits: 2, total: 3 }
 */
export function firstPassByGate(data: KpiData, p: Period): KpiPart[] {
  const rows = new Map<string, { label: string; hits: number; total: number }>(VIDEO_GATES.map((g) => [g.key, { label: g.name, hits: 0, total: 0 }]))
  for (const o of outcomesIn(data.firstOutcomes ?? [], p)) {
    const row = rows.get(o.gateKey) ?? { label: o.gateName, hits: 0, total: 0 }
    row.label = o.gateName
    row.total++
    if (o.passed) row.hits++
    rows.set(o.gateKey, row)
  }
  const position = (key: string) => GATE_POSITION.get(key) ?? 2
  return [...rows.entries()]
    .sort(([a], [b]) => position(a) - position(b) || (GATE_POSITION.has(a) ? 0 : a.localeCompare(b)))
    .map(([key, r]) => {
      const value = rate(r.hits, r.total)
      return { key, label: r.label, value, hits: r.hits, total: r.total, display: value === null ? '—' : `${formatPercent(value)}（${formatCount(r.hits)}/${formatCount(r.total)}）` }
    })
}

/** Outcomes in the period, oldest first (so a gate renamed during it reads by its latest name). */
function outcomesIn(list: Outcomes, p: Period): Outcomes {
  return list.filter((o) => inPeriod(o.day, p)).sort((a, b) => a.day.localeCompare(b.day))
}
