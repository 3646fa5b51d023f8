import { nextPeriod, periodDays, periodLabel, periodOf, reminderDue } from './periods'

describe('target periods', () => {
  it('names the quarter and month a day falls in, and the next one across a year end', () => {
    expect([periodOf('quarter', '2026-01-01'), periodOf('quarter', '2026-03-31'), periodOf('quarter', '2026-04-01'), periodOf('quarter', '2026-12-31')]).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4'])
    expect(periodOf('month', '2026-02-28')).toBe('2026-02')
    expect(nextPeriod('quarter', '2026-12-31')).toBe('2027-Q1')
    expect(nextPeriod('quarter', '2026-05-15')).toBe('2026-Q3')
    expect(nextPeriod('month', '2026-12-01')).toBe('2027-01')
    expect(nextPeriod('month', '2028-01-31')).toBe('2028-02')
  })

  it('knows each period\u2019s first and last day (leap years included)', () => {
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(periodDays('2027-Q1')).toEqual({ from: '2027-01-01', to: '2027-03-31' })
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('reminds in the last two weeks of a quarter and the last week of a month, not before', () => {
    expect(['2026-12-17', '2026-12-18', '2026-12-31', '2027-01-01'].map((d) => reminderDue('quarter', d))).toEqual([false, true, true, false])
    expect(['2026-11-23', '2026-11-24', '2026-11-30', '2026-12-01'].map((d) => reminderDue('month', d))).toEqual([false, true, true, false])
  })

  it('reads in Chinese', () => {
    expect(periodLabel('2027-Q1')).toBe('2027 年第 1 季度')
    expect(periodLabel('2027-01')).toBe('2027 年 1 月')
  })
})
