import { dayNotInFutureErrors, snapshotDateErrors } from './dates'

describe('snapshotDateErrors and dayNotInFutureErrors', () => {
  const now = new Date('2026-11-27T02:00:00Z')
  it('refuses a date after today in China time', () => {
    expect(snapshotDateErrors('2026-11-28', { now, publishedAt: '2026-11-20T00:00:00Z' })).toEqual([{ path: 'date', message: '数据日期：不能晚于今天（2026-11-27）' }])
  })
  it('refuses a date before the item was published', () => {
    expect(snapshotDateErrors('2026-11-19', { now, publishedAt: '2026-11-20T00:00:00Z' })[0].message).toBe('数据日期：不能早于发布日期（2026-11-20）')
  })
  it('refuses an item not yet published', () => {
    expect(snapshotDateErrors('2026-11-19', { now, publishedAt: null })).toHaveLength(1)
  })
  it('uses China time at the day boundary', () => {
    expect(dayNotInFutureErrors('2026-11-27', { now: new Date('2026-11-26T16:30:00Z') })).toEqual([])
  })
})

describe('edge cases: a value equal to its bound is accepted', () => {
  it("a snapshot dated today, and one dated the publish day", () => {
    const now = new Date('2026-11-27T02:00:00Z')
    expect(snapshotDateErrors('2026-11-27', { now, publishedAt: '2026-11-20T00:00:00Z' })).toEqual([])
    expect(snapshotDateErrors('2026-11-20', { now, publishedAt: '2026-11-20T00:00:00Z' })).toEqual([])
  })
})
