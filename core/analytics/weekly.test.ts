import { emptyRollup, type DayRollup } from '../results/rollup'
import type { Sums } from '../results/metrics'
import { addDays } from '../time/china'
import type { PlanBasis } from './horizons'
import { targetView } from './targets'
import { completedWeeks, streak, weekResult, type WeekVerdict } from './weekly'

const VERDICTS: WeekVerdict[] = ['hit', 'miss', 'missing', 'untargeted']

/** Every sequence of `n` weeks over the verdicts. */
function sequences(n: number): WeekVerdict[][] {
  if (n === 0) return [[]]
  return sequences(n - 1).flatMap((s) => VERDICTS.map((v) => [...s, v]))
}

/**
 * An independent statement of the rule: drop the weeks that are neither hit nor miss; an alert opens on
 * a miss whose previous judged week is a miss and whose week before that is not (so once per run).
 */
function oracle(seq: WeekVerdict[]): number[] {
  const judged = seq.map((v, i) => ({ v, i })).filter((x) => x.v === 'hit' || x.v === 'miss')
  const opens: number[] = []
  judged.forEach((x, j) => {
    if (x.v === 'miss' && judged[j - 1]?.v === 'miss' && judged[j - 2]?.v !== 'miss') opens.push(x.i)
  })
  return opens
}

describe('the two-week rule', () => {
  it('over every sequence of four weeks of hit / miss / 未录入 / no target, an alert opens exactly on the second consecutive miss, never twice for one run', () => {
    const all = sequences(4)
    expect(all).toHaveLength(256)
    for (const seq of all) {
      const steps = streak(seq.map((verdict, i) => ({ week: `W${i + 1}`, verdict })))
      const opened = steps.flatMap((s, i) => (s.opens ? [i] : []))
      expect([seq.join(','), opened]).toEqual([seq.join(','), oracle(seq)])
    }
  })

  it('names the run by the week it began, so the stored alert is the same whichever run of the job opens it', () => {
    const steps = streak([
      { week: '2026-W44', verdict: 'miss' },
      { week: '2026-W45', verdict: 'missing' },
      { week: '2026-W46', verdict: 'miss' },
      { week: '2026-W47', verdict: 'miss' },
      { week: '2026-W48', verdict: 'hit' },
      { week: '2026-W49', verdict: 'miss' },
    ])
    expect(steps.map((s) => [s.misses, s.runStart, s.opens, s.recovers])).toEqual([
      [1, '2026-W44', false, null],
      [1, '2026-W44', false, null], // 未录入 keeps the state
      [2, '2026-W44', true, null],
      [3, '2026-W44', false, null],
      [0, null, false, '2026-W44'], // back on target: the W44 run's alert reads 恢复中
      [1, '2026-W49', false, null],
    ])
  })
})

describe('weekly verdicts', () => {
  const plan: PlanBasis = { startDay: '2026-01-01', measured: {} }
  const roll = (d: string, total: Sums): DayRollup => ({ ...emptyRollup(d), total })
  const week = completedWeeks('2026-12-01', 1)[0]

  it('completed weeks are Monday to Sunday before this week, oldest first', () => {
    expect(completedWeeks('2026-12-01', 2)).toEqual([
      { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' },
      { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' },
    ])
    // On a Monday the week just ended is the last completed one.
    expect(completedWeeks('2026-11-30', 1)[0].week).toBe('2026-W48')
  })

  it('red is a miss; yellow (within tolerance) and green are hits; no numbers is 未录入', () => {
    const at = (completions: number) => weekResult('completionRate', { rollups: [roll(addDays(week.from, 2), { plays: 100, completions, itemsLogged: 1 })], items: [] }, week, targetView('completionRate', null), plan)
    expect([at(30).verdict, at(46).verdict, at(55).verdict]).toEqual(['miss', 'hit', 'hit'])
    expect(at(30)).toMatchObject({ week: '2026-W48', value: 0.3, target: 0.5 })
    expect(weekResult('completionRate', { rollups: [], items: [] }, week, targetView('completionRate', null), plan).verdict).toBe('missing')
  })

  it('a KPI without a target to judge by is neither hit nor miss', () => {
    const r = weekResult('inquiries', { rollups: [roll(week.from, { leads: 5 })], items: [] }, week, targetView('inquiries', null), plan)
    expect(r).toMatchObject({ verdict: 'untargeted', value: 5, target: null })
  })
})
