import { currentWeek, lastCompletedWeek, shiftWeek, weekLabel, weekMonday, weekShort, weekSunday, weeksEnding } from './weeks'

describe('weekMonday', () => {
  it('gives the Monday of an ISO week, across a year boundary', () => {
    expect(weekMonday('2026-W48')).toBe('2026-11-23')
    expect(weekMonday('2026-W01')).toBe('2025-12-29')
    expect(weekSunday('2026-W48')).toBe('2026-11-29')
  })

  it('knows which years have a 53rd week', () => {
    expect(weekMonday('2026-W53')).toBe('2026-12-28')
    expect(weekMonday('2025-W53')).toBeNull()
  })

  describe('edge cases', () => {
    it.each(['2026-W00', '2026-W54', '2026-48', '2026-w48', '', '2026-W4'])('%p names no week', (s) => {
      expect(weekMonday(s)).toBeNull()
      expect(weekSunday(s)).toBeNull()
    })
  })
})

describe('shiftWeek and weeksEnding', () => {
  it('steps over year ends, in both directions', () => {
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52')
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01')
    expect(shiftWeek('2026-W48', 0)).toBe('2026-W48')
  })

  it('lists n weeks oldest first, ending with the given one', () => {
    expect(weeksEnding('2026-W02', 3)).toEqual(['2025-W52', '2026-W01', '2026-W02'])
  })

  it('refuses to shift something that is not a week', () => {
    expect(() => shiftWeek('nope', 1)).toThrow()
  })
})

describe('currentWeek and lastCompletedWeek (China time)', () => {
  it('turns the week at Monday 00:00 in Beijing, not in UTC', () => {
    expect(currentWeek(new Date('2026-11-29T15:59:00Z'))).toBe('2026-W48') // Sunday 23:59
    expect(currentWeek(new Date('2026-11-29T16:00:00Z'))).toBe('2026-W49') // Monday 00:00
    expect(lastCompletedWeek(new Date('2026-11-29T16:00:00Z'))).toBe('2026-W48')
    expect(lastCompletedWeek(new Date('2026-11-29T15:59:00Z'))).toBe('2026-W47')
  })
})

describe('labels', () => {
  it('reads as the week number with its days', () => {
    expect(weekLabel('2026-W48')).toBe('第48周（11-23 至 11-29）')
    expect(weekLabel('2026-W01')).toBe('第1周（12-29 至 01-04）')
    expect(weekShort('2026-W48')).toBe('W48')
  })
})
