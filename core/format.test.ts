import fc from 'fast-check'
import { KPI_DEFS } from './analytics/kpiDefs'
import { formatAsOf, formatBytes, formatCount, formatDelta, formatHours, formatKpiTarget, formatKpiValue, formatMoney, formatNumber, formatPercent, formatPercentChange, formatSeconds, NO_VALUE } from './format'

describe('formatCount', () => {
  it('groups thousands', () => expect(formatCount(12345)).toBe('12,345'))
  it('leaves numbers under a thousand ungrouped', () => expect(formatCount(999)).toBe('999'))
  it('shows a whole number for a fractional count', () => expect(formatCount(155.34)).toBe('155'))
  it('keeps the sign of a negative count', () => expect(formatCount(-1230)).toBe('-1,230'))

  describe('edge cases', () => {
    it('shows zero as 0', () => expect(formatCount(0)).toBe('0'))
    it('never shows -0 for negative zero', () => expect(formatCount(-0)).toBe('0'))
    it('never shows -0 for a negative value that rounds to zero', () => expect(formatCount(-0.4)).toBe('0'))
    it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('shows — for %p', (v) => expect(formatCount(v)).toBe(NO_VALUE))
    it('rounds a half away from zero', () => {
      expect(formatCount(2.5)).toBe('3')
      expect(formatCount(-2.5)).toBe('-3')
    })
    it('rounds 999.5 up into the next group', () => expect(formatCount(999.5)).toBe('1,000'))
    it('groups the largest safe integer digit by digit', () => expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991'))
    it('groups numbers past 1e21 instead of printing an exponent', () => expect(formatCount(1.5e21)).toBe('1,500,000,000,000,000,000,000'))
  })

  it('property: digits are the rounded value, grouped by threes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const s = formatCount(n)
        expect(s).toMatch(/^-?\d{1,3}(,\d{3})*$/)
        expect(Number(s.replace(/,/g, ''))).toBe(n === 0 ? 0 : n)
      }),
    )
  })
})

describe('formatDelta', () => {
  it('signs a gain', () => expect(formatDelta(155.34)).toBe('+155'))
  it('signs a loss', () => expect(formatDelta(-1234)).toBe('-1,234'))

  describe('edge cases', () => {
    it('shows no sign for zero', () => expect(formatDelta(0)).toBe('0'))
    it('shows no sign for a gain that rounds to zero', () => expect(formatDelta(0.4)).toBe('0'))
    it('shows no sign for a loss that rounds to zero', () => expect(formatDelta(-0.4)).toBe('0'))
    it('shows — without a value', () => expect(formatDelta(null)).toBe(NO_VALUE))
  })
})

describe('formatPercent', () => {
  it('shows a ratio as a percent with one decimal', () => expect(formatPercent(0.3521)).toBe('35.2%'))
  it('keeps a trailing zero so every rate has one decimal', () => expect(formatPercent(0.35)).toBe('35.0%'))
  it('shows 49.96% as 50.0% (what rounding gives; the light is decided on the raw value)', () => expect(formatPercent(0.4996)).toBe('50.0%'))
  it('shows 49.94% as 49.9%', () => expect(formatPercent(0.4994)).toBe('49.9%'))

  describe('edge cases', () => {
    it('shows zero as 0.0%', () => expect(formatPercent(0)).toBe('0.0%'))
    it('keeps the sign of a negative rate', () => expect(formatPercent(-0.0141)).toBe('-1.4%'))
    it('never shows -0.0%', () => expect(formatPercent(-0.0001)).toBe('0.0%'))
    it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('shows — for %p', (v) => expect(formatPercent(v)).toBe(NO_VALUE))
    it('rounds a half up despite binary noise (0.3525 is stored as 0.35249…)', () => expect(formatPercent(0.3525)).toBe('35.3%'))
    it('groups thousands of percent', () => expect(formatPercent(123.4567)).toBe('12,345.7%'))
  })
})

describe('formatPercentChange', () => {
  it('signs a rise', () => expect(formatPercentChange(0.25)).toBe('+25.0%'))
  it('signs a fall', () => expect(formatPercentChange(-0.032)).toBe('-3.2%'))

  describe('edge cases', () => {
    it('shows no change as 0.0%', () => expect(formatPercentChange(0)).toBe('0.0%'))
    it('shows no sign for a rise that rounds to zero', () => expect(formatPercentChange(0.0001)).toBe('0.0%'))
    it('shows no sign for a fall that rounds to zero', () => expect(formatPercentChange(-0.0001)).toBe('0.0%'))
    it('shows — without a base', () => expect(formatPercentChange(null)).toBe(NO_VALUE))
  })
})

describe('formatMoney', () => {
  it('shows fen as 元 with two decimals and thousands separators', () => expect(formatMoney(123450)).toBe('¥1,234.50'))
  it('keeps .00 on whole 元', () => expect(formatMoney(300)).toBe('¥3.00'))
  it('puts the minus before the currency sign', () => expect(formatMoney(-1299)).toBe('-¥12.99'))

  describe('edge cases', () => {
    it('shows zero as ¥0.00', () => expect(formatMoney(0)).toBe('¥0.00'))
    it('never shows -¥0.00 for negative zero', () => expect(formatMoney(-0)).toBe('¥0.00'))
    it('shows one fen', () => expect(formatMoney(1)).toBe('¥0.01'))
    it('rounds a half fen away from zero', () => {
      expect(formatMoney(0.5)).toBe('¥0.01')
      expect(formatMoney(-0.5)).toBe('-¥0.01')
    })
    it('shows — without a value', () => expect(formatMoney(undefined)).toBe(NO_VALUE))
    it('shows — for NaN', () => expect(formatMoney(Number.NaN)).toBe(NO_VALUE))
    it('is exact for ten billion 元', () => expect(formatMoney(1_000_000_000_099)).toBe('¥10,000,000,000.99'))
  })
})

describe('formatHours', () => {
  it('shows hours with one decimal', () => expect(formatHours(31.54)).toBe('31.5 小时'))
  it('drops a trailing .0', () => expect(formatHours(24)).toBe('24 小时'))
  it('shows three days in hours', () => expect(formatHours(72)).toBe('72 小时'))
  it('shows four days and more in days', () => expect(formatHours(108)).toBe('4.5 天'))
  it('shows under an hour in whole minutes', () => expect(formatHours(0.5)).toBe('30 分钟'))

  describe('edge cases', () => {
    it('shows zero as 0 分钟', () => expect(formatHours(0)).toBe('0 分钟'))
    it('never shows -0', () => expect(formatHours(-0.001)).toBe('0 分钟'))
    it('switches to hours when the minutes round to 60', () => expect(formatHours(0.9999)).toBe('1 小时'))
    it('switches to days when the hours round to 96', () => expect(formatHours(95.96)).toBe('4 天'))
    it('shows 95.94 hours in hours', () => expect(formatHours(95.94)).toBe('95.9 小时'))
    it('shows — without a value', () => expect(formatHours(null)).toBe(NO_VALUE))
    it('rounds a half hour-tenth up', () => expect(formatHours(2.25)).toBe('2.3 小时'))
    it('groups a very long duration in days', () => expect(formatHours(24 * 12345)).toBe('12,345 天'))
  })
})

describe('formatSeconds', () => {
  it('shows seconds with one decimal under a minute', () => expect(formatSeconds(12.54)).toBe('12.5 秒'))
  it('shows minutes and seconds from a minute on', () => expect(formatSeconds(125)).toBe('2 分 5 秒'))
  it('shows whole minutes without seconds', () => expect(formatSeconds(120)).toBe('2 分钟'))
  it('shows an hour or more as hours', () => expect(formatSeconds(5400)).toBe('1.5 小时'))

  describe('edge cases', () => {
    it('shows zero as 0 秒', () => expect(formatSeconds(0)).toBe('0 秒'))
    it('never shows -0', () => expect(formatSeconds(-0.01)).toBe('0 秒'))
    it('switches to minutes when the seconds round to 60', () => expect(formatSeconds(59.96)).toBe('1 分钟'))
    it('shows — for NaN', () => expect(formatSeconds(Number.NaN)).toBe(NO_VALUE))
  })
})

describe('formatNumber', () => {
  it('pads to the decimals asked for', () => expect(formatNumber(2, 2)).toBe('2.00'))
  it('rounds 1.005 to 1.01 (binary 1.00499…)', () => expect(formatNumber(1.005, 2)).toBe('1.01'))
  it('pads a small value with leading zeros', () => expect(formatNumber(0.05, 2)).toBe('0.05'))
})

describe('formatKpiValue', () => {
  it('shows a count with thousands separators and its unit word', () => expect(formatKpiValue(KPI_DEFS.followers, 1234567)).toBe('1,234,567 人'))
  it('shows a count as a whole number', () => expect(formatKpiValue(KPI_DEFS.output, 15 / 7)).toBe('2 条'))
  it('shows a ratio as a percent with one decimal', () => expect(formatKpiValue(KPI_DEFS.completionRate, 0.3521)).toBe('35.2%'))
  it('shows hours with one decimal', () => expect(formatKpiValue(KPI_DEFS.cycleHours, 30.54)).toBe('30.5 小时'))
  it('shows a freshness under an hour in minutes', () => expect(formatKpiValue(KPI_DEFS.freshnessHours, 0.25)).toBe('15 分钟'))

  describe('edge cases', () => {
    it('shows — for no value', () => expect(formatKpiValue(KPI_DEFS.netAdds, null)).toBe('—'))
    it('never shows -0 for a net loss that rounds to zero', () => expect(formatKpiValue(KPI_DEFS.netAdds, -0)).toBe('0 人'))
    it('keeps the sign of a net loss', () => expect(formatKpiValue(KPI_DEFS.netAdds, -1234)).toBe('-1,234 人'))
  })
})

describe('formatAsOf', () => {
  it('says the day the data runs to', () => expect(formatAsOf('2026-11-26')).toBe('数据截至 11-26'))
})

describe('formatKpiTarget', () => {
  it('shows a part-week count target as the whole number that meets it', () => {
    expect(formatKpiTarget(KPI_DEFS.output, (5 * 5) / 7)).toBe('≥ 4 条')
    expect(formatKpiTarget(KPI_DEFS.netAdds, 1428.57)).toBe('≥ 1,429 人')
    expect(formatKpiTarget(KPI_DEFS.completionRate, 0.5)).toBe('≥ 50.0%')
    expect(formatKpiTarget(KPI_DEFS.cycleHours, 24)).toBe('≤ 24 小时')
  })
})

describe('formatBytes', () => {
  it('shows whole bytes under a kilobyte', () => expect(formatBytes(512)).toBe('512 B'))
  it('shows kilobytes with one decimal', () => expect(formatBytes(1536)).toBe('1.5 KB'))
  it('shows megabytes with one decimal', () => expect(formatBytes(2_621_440)).toBe('2.5 MB'))

  describe('edge cases', () => {
    it('shows zero as 0 B', () => expect(formatBytes(0)).toBe('0 B'))
    it('switches to KB at exactly 1024 bytes', () => expect(formatBytes(1024)).toBe('1 KB'))
    it('shows a size that rounds to 1024 KB as 1 MB', () => expect(formatBytes(1024 * 1024 - 10)).toBe('1 MB'))
    it.each([null, undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])('shows — for %p', (v) => expect(formatBytes(v)).toBe(NO_VALUE))
  })
})
