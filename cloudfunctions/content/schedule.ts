// Putting an item on a day: the one rule for rescheduling an item and for a 选题会 moving ideas onto the
// calendar, so both write the same fields and the same history line.
import { PAST_GRACE_MS, type ScheduleChange } from '../../core/content/schemas'
import { AppError, fieldError } from '../../core/errors'
import { dayKey } from '../../core/time/china'
import type { ItemRecord } from '../common/db/content'

export function notInPast(now: Date, at: Date, path = 'plannedAt'): Date {
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) throw fieldError(path, '计划发布时间：不能早于现在')
  return at
}

/**
 * The fields an item takes when it moves to `plannedAt`, and the history line to append. A published item
 * stays where it went out (and nothing moves into the past); a scheduled one (final review passed) stays scheduled at its new time.
 */
export function scheduling(
  item: ItemRecord,
  plannedAt: Date,
  by: { id: string; name: string },
  reason: string,
  now: Date,
  path = 'plannedAt',
): { fields: { plannedAt: Date; day: string; status: 'planned' | 'scheduled' }; change: ScheduleChange } {
  if (item.status === 'published') throw new AppError('CONFLICT', '内容已发布，不能改期')
  if (item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  notInPast(now, plannedAt, path)
  // A "move" to the same minute would write a history line and an audit entry that say nothing.
  if (item.plannedAt && new Date(item.plannedAt).getTime() === plannedAt.getTime()) {
    throw fieldError('plannedAt', '计划发布时间：和原来的时间相同，没有改期')
  }
  const change: ScheduleChange = {
    from: item.plannedAt ? new Date(item.plannedAt).toISOString() : null,
    to: plannedAt.toISOString(),
    byId: by.id,
    byName: by.name,
    reason,
    at: now.toISOString(),
  }
  return { fields: { plannedAt, day: dayKey(plannedAt), status: item.status === 'scheduled' ? 'scheduled' : 'planned' }, change }
}
