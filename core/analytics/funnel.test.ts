import { funnel } from './funnel'

describe('funnel', () => {
  const f = funnel({ exposure: 1000, play: 400, completion: 140, interaction: 60, follow: 20, inquiry: 5, order: 1 })
  it('rates each step against the one before', () => {
    expect(f.stages.map((s) => s.rate)).toEqual([null, 0.4, 0.35, 60 / 140, 20 / 60, 0.25, 0.2])
  })
  it('names the biggest drop-off in words', () => expect(f.biggestDrop?.text).toBe('最大流失：咨询→成交'))
  it('skips empty steps instead of dividing by zero', () => {
    const empty = funnel({ exposure: 0, play: 0, completion: 0, interaction: 0, follow: 0, inquiry: 0, order: 0 })
    expect(empty.biggestDrop).toBeNull()
    expect(empty.stages.every((s) => s.rate === null)).toBe(true)
  })
})

describe('edge cases at the bounds', () => {
  it('a zero step in the middle leaves only the next rate empty, and a drop to zero is the biggest', () => {
    const f = funnel({ exposure: 1000, play: 400, completion: 140, interaction: 0, follow: 5, inquiry: 5, order: 1 })
    expect(f.stages.map((s) => s.rate)).toEqual([null, 0.4, 0.35, 0, null, 1, 0.2])
    expect(f.biggestDrop).toMatchObject({ from: 'completion', to: 'interaction', rate: 0 })
  })
})
