import { itemCycle, median, rangeCycle, type CycleFact } from './cycle'

const GATES = [
  { key: 'topic', name: '选题' },
  { key: 'script', name: '脚本' },
  { key: 'final', name: '终审' },
]
const t = (h: number) => new Date(Date.UTC(2026, 10, 2, 0) + h * 3_600_000)

// Hand-computed: topic 0–3 h (waits 1→3), script 3–12 h (waits 5→9 and 10→12), final 12–15 h (waits 13→15).
const FINISHED: CycleFact[] = [
  { type: 'started', gateIndex: 0, at: t(0) },
  { type: 'submitted', gateIndex: 0, at: t(1) },
  { type: 'approved', gateIndex: 0, at: t(3), passed: true },
  { type: 'submitted', gateIndex: 1, at: t(5) },
  { type: 'changes_requested', gateIndex: 1, at: t(9) },
  { type: 'comment', gateIndex: 1, at: t(9.5) },
  { type: 'submitted', gateIndex: 1, at: t(10) },
  { type: 'approved', gateIndex: 1, at: t(12), passed: true },
  { type: 'submitted', gateIndex: 2, at: t(13) },
  { type: 'approved', gateIndex: 2, at: t(14), passed: false },
  { type: 'approved', gateIndex: 2, at: t(15), passed: true },
  { type: 'published', gateIndex: 2, at: t(30) },
]

describe('itemCycle', () => {
  test('production time runs from topic approved to final approved', () => {
    const c = itemCycle(FINISHED, GATES, t(100))
    expect(c).toMatchObject({ productionHours: 12, done: true, topicApprovedAt: t(3), finalApprovedAt: t(15) })
  })

  test('splits each stage into waiting for review and working', () => {
    const c = itemCycle(FINISHED, GATES, t(100))
    expect(c.stages.map((s) => [s.key, s.hours, s.waitingHours, s.workingHours, s.submissions])).toEqual([
      ['topic', 3, 2, 1, 1],
      ['script', 9, 6, 3, 2],
      ['final', 3, 2, 1, 1],
    ])
  })

  test('waiting plus working over the production span equals production time', () => {
    const c = itemCycle(FINISHED, GATES, t(100))
    expect([c.waitingHours, c.workingHours]).toEqual([8, 4])
  })

  test('a partial approval of an all-reviewers gate does not end the wait', () => {
    const c = itemCycle(FINISHED, GATES, t(100))
    expect(c.stages[2].waitingHours).toBe(2)
  })

  test('an unfinished item counts up to now', () => {
    const c = itemCycle(FINISHED.slice(0, 9), GATES, t(20))
    expect(c).toMatchObject({ productionHours: 17, done: false, finalApprovedAt: null, waitingHours: 13, workingHours: 4 })
    expect(c.stages[2]).toMatchObject({ hours: 8, waitingHours: 7, workingHours: 1, passedAt: null })
  })

  test('before the topic is approved there is no production time yet', () => {
    const c = itemCycle(FINISHED.slice(0, 2), GATES, t(4))
    expect(c).toMatchObject({ productionHours: null, waitingHours: 0, workingHours: 0 })
    expect(c.stages[0]).toMatchObject({ hours: 4, waitingHours: 3, workingHours: 1 })
    expect(c.stages[1].startedAt).toBeNull()
  })

  describe('edge cases', () => {
    test('facts given out of order are read in time order', () => {
      const c = itemCycle([...FINISHED].reverse(), GATES, t(100))
      expect(c.productionHours).toBe(12)
    })

    test('facts about gates the flow snapshot lacks are ignored', () => {
      const c = itemCycle([...FINISHED, { type: 'submitted', gateIndex: 7, at: t(16) }], GATES, t(100))
      expect(c.productionHours).toBe(12)
    })

    test('times may be ISO strings', () => {
      const c = itemCycle(FINISHED.map((f) => ({ ...f, at: new Date(f.at).toISOString() })), GATES, t(100))
      expect(c.productionHours).toBe(12)
    })

    test('a one-gate flow has zero production time once its only gate passes', () => {
      const c = itemCycle(FINISHED.slice(0, 3), GATES.slice(0, 1), t(100))
      expect(c).toMatchObject({ productionHours: 0, done: true })
    })

    test('no facts: nothing started', () => {
      const c = itemCycle([], GATES, t(1))
      expect(c).toMatchObject({ productionHours: null, done: false })
      expect(c.stages.every((s) => s.hours === 0)).toBe(true)
    })
  })
})

describe('rangeCycle', () => {
  const fast: CycleFact[] = [
    { type: 'started', gateIndex: 0, at: t(0) },
    { type: 'submitted', gateIndex: 0, at: t(0) },
    { type: 'approved', gateIndex: 0, at: t(1), passed: true },
    { type: 'submitted', gateIndex: 1, at: t(2) },
    { type: 'approved', gateIndex: 1, at: t(3), passed: true },
    { type: 'submitted', gateIndex: 2, at: t(5) },
    { type: 'approved', gateIndex: 2, at: t(7), passed: true },
  ]

  test('averages finished items: 12 h and 6 h give 9 h, waiting 8+3 of 18 h', () => {
    const r = rangeCycle([itemCycle(FINISHED, GATES, t(100)), itemCycle(fast, GATES, t(100))])
    expect(r).toMatchObject({ items: 2, avgProductionHours: 9, medianProductionHours: 9, avgWaitingHours: 5.5, avgWorkingHours: 3.5 })
    expect(r.waitingShare).toBeCloseTo(11 / 18)
    expect(r.byStage.find((s) => s.key === 'script')).toEqual({ key: 'script', name: '脚本', items: 2, avgHours: 5.5, avgWaitingHours: 3.5, avgWorkingHours: 2 })
  })

  test('skips unfinished items', () => {
    const r = rangeCycle([itemCycle(FINISHED, GATES, t(100)), itemCycle(FINISHED.slice(0, 5), GATES, t(100))])
    expect(r.items).toBe(1)
  })

  test('no items: nulls, never NaN', () => {
    expect(rangeCycle([])).toEqual({ items: 0, avgProductionHours: null, medianProductionHours: null, avgWaitingHours: null, avgWorkingHours: null, waitingShare: null, byStage: [] })
  })
})

describe('median', () => {
  test('odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([9, 5])).toBe(7)
    expect(median([])).toBeNull()
  })
})
