import { addDays, dayKey, daysBetween, isCalendarDay, isoWeekKey, monthDays, startOfDay, weekDays } from './china'

describe('China-time days', () => {
  it('puts an instant on its Beijing day, not the server day', () => {
    expect(dayKey(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02')
    expect(dayKey(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01')
  })

  it('starts a day at Beijing midnight', () => {
    expect(startOfDay('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z')
  })

  it('labels ISO weeks across year ends', () => {
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01')
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53')
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01')
  })

  it('lists the week Monday first and the month in full', () => {
    expect(weekDays('2026-11-27')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(monthDays('2028-02')).toHaveLength(29)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
  })
})

describe('isCalendarDay', () => {
  it('takes real days, leap days included', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2000-02-29')).toBe(true)
    expect(isCalendarDay('2026-12-31')).toBe(true)
  })
  describe('edge cases', () => {
    it('refuses days past the end of the month', () => {
      expect(isCalendarDay('2024-02-30')).toBe(false)
      expect(isCalendarDay('2023-02-29')).toBe(false)
      expect(isCalendarDay('1900-02-29')).toBe(false)
      expect(isCalendarDay('2026-04-31')).toBe(false)
    })
    it('refuses month and day zero and month 13', () => {
      expect(isCalendarDay('2026-00-10')).toBe(false)
      expect(isCalendarDay('2026-01-00')).toBe(false)
      expect(isCalendarDay('2026-13-01')).toBe(false)
    })
    it('refuses what is not zero-padded YYYY-MM-DD', () => {
      expect(isCalendarDay('2026-1-05')).toBe(false)
      expect(isCalendarDay(' 2026-01-05')).toBe(false)
      expect(isCalendarDay('2026-01-05T00:00')).toBe(false)
    })
  })
})
