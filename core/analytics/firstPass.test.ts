import { firstOutcomes, type DecisionFact } from '../review/firstPass'
import { kpiCard } from './cards'
import { firstPassByGate, firstPassRate } from './firstPass'
import type { KpiData } from './kpiData'
import { KPI_DEFS } from './kpiDefs'
import { targetView } from './targets'
import { at, day, ev } from '../../test/support/decisions'

const week = { from: day(9), to: day(15) }
const data = (events: DecisionFact[]): KpiData => ({ rollups: [], items: [], firstOutcomes: firstOutcomes(events) })

describe('内容合格率', () => {
  // 4 first outcomes in the week: A topic back (then approved on the 11th: not counted), A script ok,
  // B topic ok, C topic ok; D topic ok on the 8th falls before the week.
  const events = [
    ev('A', 'topic', 'changes_requested', 10),
    ev('A', 'topic', 'approved', 11),
    ev('A', 'script', 'approved', 12),
    ev('B', 'topic', 'approved', 13),
    ev('C', 'topic', 'approved', 14),
    ev('D', 'topic', 'approved', 8),
  ]

  it('is the share of first outcomes that were approvals: 3 of 4', () => {
    expect(firstPassRate(data(events), week)).toEqual({ value: 0.75, asOf: day(14) })
    // the day before: D's topic alone
    expect(firstPassRate(data(events), { from: day(8), to: day(8) })).toEqual({ value: 1, asOf: day(8) })
    // the resubmission's approval on the 11th counts nothing on its day
    expect(firstPassRate(data(events), { from: day(11), to: day(11) })).toEqual({ value: null, asOf: null })
  })

  it('is null without decisions, and when none were read (never 0%)', () => {
    expect(firstPassRate(data([]), week)).toEqual({ value: null, asOf: null })
    expect(firstPassRate({ rollups: [], items: [] }, week)).toEqual({ value: null, asOf: null })
  })

  it('per gate: the five video gates always, in flow order, then other gates with outcomes', () => {
    const rows = firstPassByGate(data([...events, ev('E', 'draft', 'changes_requested', 12), ev('F', 'final', 'approved', 15)]), week)
    expect(rows.map((r) => [r.key, r.label, r.hits, r.total, r.display])).toEqual([
      ['topic', '选题', 2, 3, '66.7%（2/3）'],
      ['script', '脚本', 1, 1, '100.0%（1/1）'],
      ['shooting', '拍摄', 0, 0, '—'],
      ['draft', '初稿', 0, 1, '0.0%（0/1）'],
      ['editing', '剪辑', 0, 0, '—'],
      ['final', '终审', 1, 1, '100.0%（1/1）'],
    ])
    expect(rows[0].value).toBeCloseTo(2 / 3)
    expect(rows[2].value).toBeNull()
  })

  it("per gate: a team's own gate comes after the default ones, by the name it was decided under", () => {
    const own: DecisionFact = { itemId: 'G', type: 'approved', gateIndex: 2, gateKey: 'legal', gateName: '法务', passed: true, at: at(10) }
    const rows = firstPassByGate({ rollups: [], items: [], firstOutcomes: firstOutcomes([own, ev('G', 'topic', 'approved', 9)]) }, week)
    expect(rows.map((r) => r.key)).toEqual(['topic', 'script', 'shooting', 'editing', 'final', 'legal'])
    expect(rows[5]).toMatchObject({ label: '法务', display: '100.0%（1/1）' })
  })

  it('its card: an assumed default of ≥ 70%, flat for any range, higher is better', () => {
    expect(KPI_DEFS.firstPassRate).toMatchObject({ assumed: true, target: 0.7, direction: 'higher', reviewedEvery: 'month', unit: 'ratio' })
    expect(KPI_DEFS.firstPassRate.formula).toMatch(/假设.*70%/)
    const c = kpiCard('firstPassRate', { data: data(events), range: { ...week, days: 7 }, previous: { from: day(2), to: day(8) }, target: targetView('firstPassRate', null), plan: { startDay: '2026-01-01', measured: {} } })
    expect(c).toMatchObject({ value: 0.75, display: '75.0%', target: 0.7, targetDisplay: '≥ 70.0%', light: 'green', previous: 1, horizonText: null, asOfText: '数据截至 11-14' })
  })
})
