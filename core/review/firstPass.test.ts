import { firstOutcomes, mergeOutcomes } from './firstPass'
import { day, ev } from '../../test/support/decisions'

describe('first outcomes at review gates', () => {
  it("counts each item and gate once, at its first outcome: a resubmission's later decision is not one", () => {
    const out = firstOutcomes([
      // given out of order: the later approval of A's topic comes first
      ev('A', 'topic', 'approved', 11),
      ev('A', 'topic', 'submitted', 9),
      ev('A', 'topic', 'changes_requested', 10),
      ev('A', 'topic', 'comment', 10, false, 12),
      ev('A', 'script', 'approved', 12),
      ev('B', 'topic', 'approved', 10),
    ])
    expect(out.map((o) => [o.itemId, o.gateKey, o.passed, o.day])).toEqual([
      ['A', 'topic', false, day(10)],
      ['B', 'topic', true, day(10)],
      ['A', 'script', true, day(12)],
    ])
  })

  it("on an 'all' gate one sign-off settles nothing: the round's outcome is the pass or the first request for changes", () => {
    const back = firstOutcomes([ev('A', 'final', 'approved', 10, false), ev('A', 'final', 'changes_requested', 11), ev('A', 'final', 'approved', 12, true)])
    expect(back.map((o) => [o.passed, o.day])).toEqual([[false, day(11)]])
    const through = firstOutcomes([ev('B', 'final', 'approved', 10, false), ev('B', 'final', 'approved', 11, true)])
    expect(through.map((o) => [o.passed, o.day])).toEqual([[true, day(11)]])
  })

  it('dates an outcome by its China-time day (01:00 on the 10th in China is still the 9th in UTC)', () => {
    expect(firstOutcomes([ev('A', 'topic', 'approved', 10, true, 1)])[0].day).toBe(day(10))
  })

  it('merging keeps what is stored and adds only what is new; nothing new gives null (a rerun writes nothing)', () => {
    const [a, b] = firstOutcomes([ev('A', 'topic', 'approved', 10), ev('B', 'topic', 'changes_requested', 11)])
    expect(mergeOutcomes([a], [a, b])).toEqual([a, b])
    expect(mergeOutcomes([a, b], [b, a])).toBeNull()
    // the first stays first: a different outcome under a stored key is ignored
    expect(mergeOutcomes([a], [{ ...a, passed: false }])).toBeNull()
    expect(mergeOutcomes([], [b, b])).toEqual([b])
  })
})
