/**
 * CloudBase/SCF timer-trigger cron: 7 fields "sec min hour day month weekday year", each supporting
 * `*`, numbers, `a-b`, lists `a,b`, steps `* /n` and `a-b/n`; months JAN-DEC, weekdays SUN-SAT
 * (0-6, 7 = Sunday too). When both day and weekday are restricted, either may match (classic cron).
 *
 * Times are evaluated in a fixed UTC offset, Beijing time (+08:00) by default, because that is the
 * clock CloudBase timers run on — independent of this machine's timezone.
 */

export interface Cron {
  readonly expr: string
  matches(at: Date): boolean
  /** First matching second strictly after `after`, searching up to ~5 years. */
  next(after: Date): Date | undefined
}

export const BEIJING_OFFSET_MIN = 8 * 60

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldSpec {
  min: number
  max: number
  names?: string[]
  nameBase?: number
}
const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: MONTHS, nameBase: 1 }, // month
  { min: 0, max: 7, names: DAYS, nameBase: 0 }, // weekday (7 = Sunday)
  { min: 1970, max: 2199 }, // year
]

function parseValue(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase()
  const named = spec.names ? spec.names.indexOf(upper) : -1
  const n = named >= 0 ? named + (spec.nameBase ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) throw new Error(`bad cron value "${text}"`)
  return n
}

/** The allowed values of one field, or undefined for "any". */
function parseField(text: string, spec: FieldSpec): Set<number> | undefined {
  if (text === '*' || text === '?') return undefined
  const out = new Set<number>()
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step "${part}"`)
    let lo: number
    let hi: number
    if (range === '*') {
      lo = spec.min
      hi = spec.max
    } else if (range.includes('-')) {
      const [a, b] = range.split('-')
      lo = parseValue(a, spec)
      hi = parseValue(b, spec)
    } else {
      lo = parseValue(range, spec)
      hi = stepText === undefined ? lo : spec.max
    }
    if (lo > hi) throw new Error(`bad cron range "${part}"`)
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

export function parseCron(expr: string, offsetMinutes = BEIJING_OFFSET_MIN): Cron {
  const parts = expr.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`cron "${expr}" must have 7 fields: sec min hour day month weekday year`)
  const [sec, min, hour, day, month, weekday, year] = parts.map((p, i) => parseField(p, FIELDS[i]))
  if (weekday?.has(7)) weekday.add(0)
  const has = (set: Set<number> | undefined, v: number) => !set || set.has(v)
  const shift = offsetMinutes * 60_000

  const dayMatches = (t: Date) => {
    if (day && weekday) return day.has(t.getUTCDate()) || weekday.has(t.getUTCDay())
    return has(day, t.getUTCDate()) && has(weekday, t.getUTCDay())
  }
  const matchesShifted = (t: Date) =>
    has(year, t.getUTCFullYear()) &&
    has(month, t.getUTCMonth() + 1) &&
    dayMatches(t) &&
    has(hour, t.getUTCHours()) &&
    has(min, t.getUTCMinutes()) &&
    has(sec, t.getUTCSeconds())

  return {
    expr,
    matches: (at) => matchesShifted(new Date(Math.floor(at.getTime() / 1000) * 1000 + shift)),
    next(after) {
      // Work in "shifted" time where UTC getters read the wall clock; skip whole units that cannot match.
      let t = Math.floor(after.getTime() / 1000) * 1000 + 1000 + shift
      const limit = t + 5 * 366 * 86_400_000
      while (t < limit) {
        const d = new Date(t)
        if (!has(year, d.getUTCFullYear()) || !has(month, d.getUTCMonth() + 1)) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
        } else if (!dayMatches(d)) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
        } else if (!has(hour, d.getUTCHours())) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1)
        } else if (!has(min, d.getUTCMinutes())) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes() + 1)
        } else if (!has(sec, d.getUTCSeconds())) {
          t += 1000
        } else {
          return new Date(t - shift)
        }
      }
      return undefined
    },
  }
}
