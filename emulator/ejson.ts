/**
 * EJSON in and out of the emulator. The SDK speaks canonical Extended JSON (bson 4's EJSON); inside the
 * emulator documents are plain JS values (numbers, Dates, native RegExps) because that is what mingo
 * evaluates. Documents are stored in SQLite, and answered to the SDK, as relaxed EJSON so Dates round-trip.
 */
import { EJSON, BSONRegExp, Long, Double, Int32 } from 'bson'

export type Doc = { _id: string } & Record<string, unknown>
export type Json = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

/** Convert BSON wrapper values to the plain JS values mingo understands; resolve server dates. */
export function toPlain(value: unknown, now: Date): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (value instanceof BSONRegExp) {
    // JS has no x/l options; dropping them keeps the pattern usable.
    return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''))
  }
  if (value instanceof Long) return value.toNumber()
  if (value instanceof Double || value instanceof Int32) return value.valueOf()
  if (Array.isArray(value)) return value.map((v) => toPlain(v, now))
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value // ObjectId, Decimal128, Binary: kept as is
  const obj = value as Json
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const spec = obj[SERVER_DATE] as { offset?: unknown } | null
    const offset = Number(spec && spec.offset) || 0
    return new Date(now.getTime() + offset)
  }
  const out: Json = {}
  for (const k of keys) out[k] = toPlain(obj[k], now)
  return out
}

/** Extended JSON type wrappers the fast path does not decode; a text carrying one goes through bson. */
const RARE_WRAPPERS = new Set(['$oid', '$binary', '$numberDecimal', '$timestamp', '$symbol', '$code', '$minKey', '$maxKey', '$dbPointer', '$uuid', '$regex', '$undefined'])

class NeedsBson extends Error {}

/**
 * Parse an EJSON string sent by the SDK (query, update, document, stage value) or stored in SQLite.
 * Why not just bson's EJSON.parse: profiling a snapshot write showed a third of its time in it. Canonical
 * and relaxed EJSON are plain JSON with a few one-key wrapper objects, so JSON.parse and one walk decode
 * the common ones (numbers, dates, regexps, server dates); a text with a rarer type falls back to bson.
 */
export function parseEJSON(text: string | undefined | null, now: Date): unknown {
  if (text === undefined || text === null || text === '') return undefined
  try {
    return decode(JSON.parse(text), now)
  } catch (e) {
    if (!(e instanceof NeedsBson)) throw e
    return toPlain(EJSON.parse(text, { relaxed: true }), now)
  }
}

/** Replaces wrapper objects in place (a walk is several times faster than a JSON.parse reviver). */
function decode(value: unknown, now: Date): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i], now)
    return value
  }
  const obj = value as Json
  let only: string | undefined
  let many = false
  for (const k in obj) {
    if (only !== undefined) {
      many = true
      break
    }
    only = k
  }
  if (!many && only !== undefined && only.charCodeAt(0) === 36 /* $ */) {
    const v = obj[only]
    switch (only) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
        return Number(v)
      case '$date':
        if (typeof v === 'string' || typeof v === 'number') return new Date(v)
        if (v && typeof v === 'object' && typeof (v as Json).$numberLong === 'string') return new Date(Number((v as Json).$numberLong))
        throw new NeedsBson()
      case '$regularExpression': {
        const r = v as { pattern: string; options: string }
        // JS has no x/l options; dropping them keeps the pattern usable.
        return new RegExp(r.pattern, r.options.replace(/[^imsu]/g, ''))
      }
      case SERVER_DATE: {
        const spec = decode(v, now) as { offset?: unknown } | null
        return new Date(now.getTime() + (Number(spec && spec.offset) || 0))
      }
      default:
        if (RARE_WRAPPERS.has(only)) throw new NeedsBson()
    }
  }
  for (const k in obj) obj[k] = decode(obj[k], now)
  return obj
}

/**
 * Relaxed EJSON (plain numbers, ISO dates), which the SDK's EJSON.parse reads back to the same values.
 * Hand-written for the same reason as `parseEJSON`; a value holding anything but plain objects, arrays,
 * numbers, strings, booleans, Dates and RegExps (an ObjectId…) goes through bson.
 */
export function stringifyEJSON(value: unknown): string {
  const rare = { found: false }
  const text = JSON.stringify(encode(value ?? null, rare))
  return rare.found ? EJSON.stringify(value as Json, { relaxed: true }) : text
}

/** A copy JSON.stringify can write as relaxed EJSON (a walk then native stringify beats a replacer). */
function encode(value: unknown, rare: { found: boolean }): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value) ? { $numberDouble: String(value) } : value
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { $date: value.toISOString() }
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: value.flags.split('').sort().join('') } }
  if (Array.isArray(value)) return value.map((v) => encode(v, rare))
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    rare.found = true
    return null
  }
  const out: Json = {}
  for (const k in value as Json) {
    const v = (value as Json)[k]
    if (v !== undefined) out[k] = encode(v, rare)
  }
  return out
}

/**
 * Deep copy of a plain document. Cached documents are shared, so every write works on a copy.
 * Dates and RegExps are copied; other class instances (ObjectId…) are immutable and shared.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as unknown as T
  if (Array.isArray(value)) return value.map((v) => clone(v)) as unknown as T
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const out: Json = {}
  for (const k of Object.keys(value as Json)) out[k] = clone((value as Json)[k])
  return out as T
}
