import dayjs from 'dayjs'
import { addDays, dayKey, daysBetween, isCalendarDay, isoWeekKey, monthDays, startOfDay, weekDays, weekStart } from './china'

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

describe('the arithmetic versions agree with dayjs', () => {
  // dayKey, addDays, weekStart and isoWeekKey avoid dayjs on the hot path; dayjs states the rule.
  const ref = {
    dayKey: (d: Date) => dayjs(d).utcOffset(480).format('YYYY-MM-DD'),
    addDays: (day: string, n: number) => dayjs.utc(`${day}T00:00:00Z`).add(n, 'day').format('YYYY-MM-DD'),
    weekStart: (day: string) => dayjs.utc(`${day}T00:00:00Z`).isoWeekday(1).format('YYYY-MM-DD'),
    isoWeekKey: (day: string) => {
      const d = dayjs.utc(`${day}T00:00:00Z`)
      return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`
    },
  }
  // Every 37 h 8 min over 1999–2032: each hour of the day, weekday and year boundary comes up.
  const instants = Array.from({ length: 8_000 }, (_, i) => new Date(Date.UTC(1999, 0, 1) + i * 37.1337 * 3600_000))

  it('dayKey of an instant', () => {
    for (const d of instants) expect(dayKey(d)).toBe(ref.dayKey(d))
  })

  it('addDays, weekStart and isoWeekKey of a day', () => {
    for (const d of instants.filter((_, i) => i % 4 === 0)) {
      const day = ref.dayKey(d)
      for (const n of [-400, -8, -1, 0, 1, 6, 7, 366]) expect(addDays(day, n)).toBe(ref.addDays(day, n))
      expect(weekStart(day)).toBe(ref.weekStart(day))
      expect(isoWeekKey(day)).toBe(ref.isoWeekKey(day))
    }
  })
})
