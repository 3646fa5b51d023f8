/**
 * EJSON in and out of the emulator. The SDK speaks canonical Extended JSON (bson 4's EJSON); inside the
 * emulator documents are plain JS values (numbers, Dates, native RegExps) because that is what mingo
 * evaluates. Documents are stored in SQLite as canonical EJSON so Dates and number types round-trip.
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

/** Parse an EJSON string sent by the SDK (query, update, document, stage value). */
export function parseEJSON(text: string | undefined | null, now: Date): unknown {
  if (text === undefined || text === null || text === '') return undefined
  return toPlain(EJSON.parse(text, { relaxed: true }), now)
}

/** Canonical EJSON, as the SDK itself produces and parses. */
export function stringifyEJSON(value: unknown): string {
  return EJSON.stringify(value as Json, { relaxed: false })
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
