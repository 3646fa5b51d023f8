import type { FieldError } from '../errors'
import { dayKey, type DayKey } from '../time/china'

/**
 * The date rules of a snapshot: not after today and not before the item went out, both in China time.
 * Shared by the form (to warn before sending) and the function (to refuse).
 *
 * @example
 * const now = new Date('2026-11-27T02:00:00Z') // 10:00 in Beijing
 * snapshotDateErrors('2026-11-28', { now, publishedAt: new Date('2026-11-20T10:00:00Z') })
 * //=> [{ path: 'date', message: '数据日期：不能晚于今天（2026-11-27）' }]
 */
export function snapshotDateErrors(
  date: DayKey,
  opts: { now: Date; publishedAt: Date | string | null; path?: string },
): FieldError[] {
  const path = opts.path ?? 'date'
  const today = dayKey(opts.now)
  if (date > today) return [{ path, message: `数据日期：不能晚于今天（${today}）` }]
  if (!opts.publishedAt) return [{ path, message: '数据日期：内容还没有发布，不能填报数据' }]
  const published = dayKey(opts.publishedAt)
  if (date < published) return [{ path, message: `数据日期：不能早于发布日期（${published}）` }]
  return []
}

/**
 * A plain day's rule (leads, follower totals): not after today in China time.
 *
 * @example
 * dayNotInFutureErrors('2026-11-27', { now: new Date('2026-11-26T17:00:00Z') }) //=> [] (01:00 on the 27th in Beijing)
 */
export function dayNotInFutureErrors(date: DayKey, opts: { now: Date; path?: string; label?: string }): FieldError[] {
  const today = dayKey(opts.now)
  if (date <= today) return []
  return [{ path: opts.path ?? 'date', message: `${opts.label ?? '日期'}：不能晚于今天（${today}）` }]
}
