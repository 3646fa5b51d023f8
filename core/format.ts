import type { KpiDef } from './analytics/kpiDefs'

/**
 * Numbers as people read them — the one place that decides how a number looks on a screen, in a
 * function's display string or in an export:
 *
 * - counts are whole numbers with thousands separators: "12,345"; a change in a count is signed: "+155";
 * - rates (ratios stored as 0..1) are percent with one decimal: "35.2%";
 * - money is stored in fen (integers) and shown in 元 with two decimals: "¥1,234.50";
 * - durations are minutes under an hour, hours under four days, then days: "25 分钟", "72 小时", "4.5 天";
 * - a KPI value is read in its unit (a rate, hours, or a count with its word: "12 条"), and its target
 *   with the side that meets it: "≥ 50.0%".
 *
 * Rules every function here keeps:
 * - no value (null, undefined, NaN, ±Infinity) is "—", never "NaN" or "0";
 * - halves round away from zero on the decimal a person sees (0.3525 → "35.3%", 2.5 → "3", -2.5 → "-3"),
 *   after dropping binary noise (1.005 元 is 100.49999… fen in floating point, and still rounds up);
 * - a value that rounds to zero has no sign: -0.004 is "0", never "-0";
 * - digits are grouped by hand, not by `toLocaleString`/`Intl`, which the mini-program's JS engines do
 *   not implement alike (some ignore the locale and print "12345").
 *
 * Honesty: formatting only rounds what is shown. A KPI's light is always decided on the raw value
 * (core/analytics/kpi.ts `light`), so 49.96% against a 50% target shows "50.0%" — what rounding gives —
 * next to the light word 接近, not 达标. Nothing may compare a formatted or rounded number with a target.
 */

/** What is shown where there is no number. */
export const NO_VALUE = '—'

const HOURS_SHOWN_AS_DAYS = 96

/** A finite number (what the functions below format), as opposed to null, undefined, NaN or ±Infinity. */
function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/** The decimal digits of a non-negative whole number, also past 1e21 where `String` switches to "1e+21". */
function wholeDigits(n: number): string {
  const s = String(n)
  const e = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s)
  if (!e) return s
  const digits = e[1] + (e[2] ?? '')
  return digits + '0'.repeat(Math.max(0, Number(e[3]) + 1 - digits.length))
}

/** "1234567" → "1,234,567" (a string of digits only). */
function groupDigits(digits: string): string {
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ','
    out += digits[i]
  }
  return out
}

/** |v| × 10^decimals rounded half away from zero: the whole number of the last shown decimal. */
function scaledAbs(v: number, decimals: number): number {
  const x = Math.abs(v) * 10 ** decimals
  if (Number.isInteger(x)) return x
  // Drop floating-point noise first: 1.005 * 100 is 100.49999999999999, people mean 100.5. Only below
  // 1e15, where 15 significant digits still hold the whole part.
  return Math.round(x < 1e15 ? Number(x.toPrecision(15)) : x)
}

/**
 * |v| rounded half away from zero to `decimals` places, as its digits and whether it is zero after
 * rounding (so the caller can drop the sign of a negative zero).
 */
function roundedParts(v: number, decimals: number): { int: string; frac: string; zero: boolean } {
  const scaled = scaledAbs(v, decimals)
  const digits = wholeDigits(scaled).padStart(decimals + 1, '0')
  const cut = digits.length - decimals
  return { int: digits.slice(0, cut), frac: digits.slice(cut), zero: scaled === 0 }
}

/**
 * `v` with thousands separators and exactly `decimals` decimals; "-" only when it does not round to zero.
 *
 * @example
 * formatNumber(1234.56, 1) //=> '1,234.6'
 * formatNumber(-0.04, 1)   //=> '0.0'
 * formatNumber(null, 1)    //=> '—'
 */
export function formatNumber(v: number | null | undefined, decimals = 0): string {
  if (!finite(v)) return NO_VALUE
  const p = roundedParts(v, decimals)
  return `${v < 0 && !p.zero ? '-' : ''}${groupDigits(p.int)}${decimals > 0 ? `.${p.frac}` : ''}`
}

/**
 * A count: a whole number with thousands separators.
 *
 * @example
 * formatCount(12345)   //=> '12,345'
 * formatCount(155.34)  //=> '155'
 * formatCount(-1230)   //=> '-1,230'
 * formatCount(null)    //=> '—'
 */
export function formatCount(n: number | null | undefined): string {
  return formatNumber(n, 0)
}

/**
 * A change in a count, always signed unless it is zero.
 *
 * @example
 * formatDelta(155.34) //=> '+155'
 * formatDelta(-3)     //=> '-3'
 * formatDelta(0.4)    //=> '0'
 */
export function formatDelta(n: number | null | undefined): string {
  const s = formatCount(n)
  return finite(n) && n > 0 && s !== '0' ? `+${s}` : s
}

/**
 * A rate or share (a ratio, 0.352 = 35.2%) as a percent with one decimal.
 *
 * @example
 * formatPercent(0.3521)  //=> '35.2%'
 * formatPercent(0.4996)  //=> '50.0%' (the light still compares 0.4996 with the target)
 * formatPercent(-0.0141) //=> '-1.4%'
 * formatPercent(null)    //=> '—'
 */
export function formatPercent(ratio: number | null | undefined): string {
  if (!finite(ratio)) return NO_VALUE
  return `${formatNumber(ratio * 100, 1)}%`
}

/**
 * A change as a ratio of its base (0.25 = 25% more), signed unless it rounds to zero.
 *
 * @example
 * formatPercentChange(0.25)    //=> '+25.0%'
 * formatPercentChange(-0.032)  //=> '-3.2%'
 * formatPercentChange(0.0001)  //=> '0.0%'
 * formatPercentChange(null)    //=> '—'
 */
export function formatPercentChange(ratio: number | null | undefined): string {
  const s = formatPercent(ratio)
  return finite(ratio) && ratio > 0 && s !== '0.0%' ? `+${s}` : s
}

/**
 * Money stored in fen (integers, so sums stay exact), shown in 元 with two decimals.
 *
 * @example
 * formatMoney(123450)  //=> '¥1,234.50'
 * formatMoney(300)     //=> '¥3.00'
 * formatMoney(-1299)   //=> '-¥12.99'
 * formatMoney(null)    //=> '—'
 */
export function formatMoney(fen: number | null | undefined): string {
  if (!finite(fen)) return NO_VALUE
  const yuan = formatNumber(fen / 100, 2)
  return yuan.startsWith('-') ? `-¥${yuan.slice(1)}` : `¥${yuan}`
}

/** One decimal, without a trailing ".0": durations read "24 小时", not "24.0 小时". */
function tenths(v: number): string {
  const s = formatNumber(v, 1)
  return s.endsWith('.0') ? s.slice(0, -2) : s
}

/**
 * A duration given in hours: whole minutes under an hour, hours (one decimal) under four days, then
 * days (one decimal) — past a few days people count days.
 *
 * @example
 * formatHours(0.5)   //=> '30 分钟'
 * formatHours(31.54) //=> '31.5 小时'
 * formatHours(72)    //=> '72 小时'
 * formatHours(108)   //=> '4.5 天'
 * formatHours(null)  //=> '—'
 */
export function formatHours(hours: number | null | undefined): string {
  if (!finite(hours)) return NO_VALUE
  // Decide the unit on the value as rounded for it, so 59.99 minutes is "1 小时", not "60 分钟".
  if (scaledAbs(hours * 60, 0) < 60) return `${formatCount(hours * 60)} 分钟`
  if (scaledAbs(hours, 1) < HOURS_SHOWN_AS_DAYS * 10) return `${tenths(hours)} 小时`
  return `${tenths(hours / 24)} 天`
}

/**
 * A short duration given in seconds (average watch time): seconds with one decimal under a minute,
 * then minutes and whole seconds; an hour or more as `formatHours` says it.
 *
 * @example
 * formatSeconds(12.54) //=> '12.5 秒'
 * formatSeconds(125)   //=> '2 分 5 秒'
 * formatSeconds(120)   //=> '2 分钟'
 * formatSeconds(null)  //=> '—'
 */
export function formatSeconds(seconds: number | null | undefined): string {
  if (!finite(seconds)) return NO_VALUE
  if (scaledAbs(seconds, 1) < 600) return `${tenths(seconds)} 秒`
  const whole = scaledAbs(seconds, 0)
  if (whole >= 3600) return formatHours(seconds / 3600)
  const sign = seconds < 0 ? '-' : ''
  const m = Math.floor(whole / 60)
  const s = whole % 60
  return s ? `${sign}${m} 分 ${s} 秒` : `${sign}${m} 分钟`
}

// ---- KPIs -----------------------------------------------------------------------------------------

/**
 * A KPI value as people read it, in the KPI's unit: a ratio as a percent, hours as a duration, a count
 * with its unit word. Only the display is rounded: the light compares the raw value, so 49.96% against
 * 50% reads "50.0%" with 接近, never 达标.
 *
 * @example
 * formatKpiValue(KPI_DEFS.completionRate, 0.3521) //=> '35.2%'
 * formatKpiValue(KPI_DEFS.output, 12)             //=> '12 条'
 * formatKpiValue(KPI_DEFS.cycleHours, 30.54)      //=> '30.5 小时'
 * formatKpiValue(KPI_DEFS.completionRate, null)   //=> '—'
 */
export function formatKpiValue(def: Pick<KpiDef, 'unit' | 'unitWord'>, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE
  if (def.unit === 'ratio') return formatPercent(v)
  if (def.unit === 'hours') return formatHours(v)
  const n = formatCount(v)
  return def.unitWord ? `${n} ${def.unitWord}` : n
}

/**
 * A KPI target with the side that meets it; "—" without a target. A count target scaled to a part week
 * (5 a week over 5 days = 3.57) reads as the whole number that meets it ("≥ 4 条"); the light compares
 * the exact value, which agrees for whole counts.
 *
 * @example
 * formatKpiTarget(KPI_DEFS.completionRate, 0.5) //=> '≥ 50.0%'
 * formatKpiTarget(KPI_DEFS.cycleHours, 24)      //=> '≤ 24 小时'
 * formatKpiTarget(KPI_DEFS.output, 25 / 7)      //=> '≥ 4 条'
 * formatKpiTarget(KPI_DEFS.output, null)        //=> '—'
 */
export function formatKpiTarget(def: Pick<KpiDef, 'unit' | 'unitWord' | 'direction'>, t: number | null): string {
  if (t === null) return NO_VALUE
  const shown = def.unit === 'count' && !Number.isInteger(t) ? (def.direction === 'higher' ? Math.ceil(t) : Math.floor(t)) : t
  return `${def.direction === 'higher' ? '≥' : '≤'} ${formatKpiValue(def, shown)}`
}

/**
 * The day a figure's data runs to, as a card's footnote.
 *
 * @example
 * formatAsOf('2026-11-26') //=> '数据截至 11-26'
 * formatAsOf(null)         //=> '暂无数据'
 */
export function formatAsOf(day: string | null): string {
  return day ? `数据截至 ${day.slice(5)}` : '暂无数据'
}

const KB = 1024

/**
 * A file's size: whole bytes under 1 KB, then KB, then MB, with one decimal (1 KB = 1024 bytes).
 *
 * @example
 * formatBytes(512)       //=> '512 B'
 * formatBytes(1536)      //=> '1.5 KB'
 * formatBytes(2_621_440) //=> '2.5 MB'
 * formatBytes(-1)        //=> '—'
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (!finite(bytes) || bytes < 0) return NO_VALUE
  if (bytes < KB) return `${Math.round(bytes)} B`
  // Compared after rounding, so 1023.96 KB reads 1 MB rather than 1,024 KB.
  if (scaledAbs(bytes / KB, 1) < KB * 10) return `${tenths(bytes / KB)} KB`
  return `${tenths(bytes / KB / KB)} MB`
}
