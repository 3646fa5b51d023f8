import { defaultSlot, firstOpenDay, publishInstant, suggestedSlot } from './slots'

describe('publishInstant', () => {
  it('is the China-time hour on the day, 20:00 by default', () => {
    expect(publishInstant('2026-12-02').toISOString()).toBe('2026-12-02T12:00:00.000Z')
    expect(publishInstant('2026-12-02', '08:30').toISOString()).toBe('2026-12-02T00:30:00.000Z')
  })
})

describe('firstOpenDay', () => {
  it('is today until the publish time has passed in China, then tomorrow', () => {
    expect(firstOpenDay(new Date('2026-12-02T11:59:59.999Z'))).toBe('2026-12-02')
    expect(firstOpenDay(new Date('2026-12-02T12:00:00.000Z'))).toBe('2026-12-03')
    expect(firstOpenDay(new Date('2026-12-02T15:59:00.000Z'))).toBe('2026-12-03')
    // 00:30 in China is already the next day there, though still the 2nd in UTC.
    expect(firstOpenDay(new Date('2026-12-02T16:30:00.000Z'))).toBe('2026-12-03')
  })
  it('follows another publish time, and the year end', () => {
    expect(firstOpenDay(new Date('2026-12-02T00:29:00.000Z'), '08:30')).toBe('2026-12-02')
    expect(firstOpenDay(new Date('2026-12-31T13:00:00.000Z'))).toBe('2027-01-01')
  })
})

describe('defaultSlot', () => {
  it('is 20:00 on the first open day', () => {
    expect(defaultSlot(new Date('2026-12-02T03:00:00Z'))).toEqual({ day: '2026-12-02', time: '20:00' })
    expect(defaultSlot(new Date('2026-12-02T13:00:00Z'))).toEqual({ day: '2026-12-03', time: '20:00' })
  })
})

describe('suggestedSlot', () => {
  const now = new Date('2026-12-02T11:00:00Z') // 19:00 in China
  it("keeps an item's slot while it is ahead", () => {
    expect(suggestedSlot({ day: '2026-12-02', time: '19:30' }, now)).toEqual({ day: '2026-12-02', time: '19:30' })
  })
  it('moves a past slot to the first day its hour is ahead, keeping the hour', () => {
    expect(suggestedSlot({ day: '2026-12-02', time: '19:00' }, now)).toEqual({ day: '2026-12-03', time: '19:00' })
    expect(suggestedSlot({ day: '2026-11-28', time: '21:00' }, now)).toEqual({ day: '2026-12-02', time: '21:00' })
  })
  it('suggests the default slot for an item without one', () => {
    expect(suggestedSlot(undefined, now)).toEqual({ day: '2026-12-02', time: '20:00' })
  })
})
