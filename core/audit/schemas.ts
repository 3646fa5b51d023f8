import { z } from 'zod'
import { idSchema } from '../atoms'

/** The cloud functions whose writes leave audit entries, in the order the audit screen lists them. */
export const AUDIT_AREAS = ['team', 'content', 'review', 'results', 'analytics', 'research', 'steering'] as const
export type AuditArea = (typeof AUDIT_AREAS)[number]

export const AUDIT_PAGE_SIZE = 20
export const AUDIT_PAGE_MAX = 50

/**
 * Where the previous page ended: the last entry's time (ms) and id. Opaque to the page; paging by
 * time+id (not by skip) keeps pages stable while new entries arrive at the top.
 */
const cursorSchema = z
  .string()
  .regex(/^\d{1,15}_[A-Za-z0-9_-]{1,64}$/, '位置标记不正确')
  .describe('位置')

export const listAuditInput = z
  .object({
    cursor: cursorSchema.optional(),
    memberId: idSchema('成员').optional(),
    area: z.enum(AUDIT_AREAS).optional().describe('模块'),
    action: z
      .string()
      .regex(/^[A-Za-z]{1,64}$/, '操作名称不正确')
      .optional()
      .describe('操作'),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_SIZE).describe('每页条数'),
  })
  .strict()

/** One changed field as the page shows it: Chinese label, values already written out; null is "—". */
export interface AuditChangeView {
  field: string
  label: string
  before: string | null
  after: string | null
}

/** A summary of one audit record: never the raw record (no openids, no request ids). */
export interface AuditEntryView {
  id: string
  at: string
  actorId: string | null
  actorName: string
  area: string
  areaLabel: string
  action: string
  actionLabel: string
  /** Who or what the action was about, in words (a member's name, an item's title), when recorded. */
  subjectName: string | null
  /** Changed fields; null for entries written before before/after were recorded. */
  changes: AuditChangeView[] | null
}

export interface AuditPage {
  entries: AuditEntryView[]
  /** Pass back as `cursor` for the next page; null when this is the last. */
  nextCursor: string | null
}

/**
 * The cursor of an entry.
 *
 * @example
 * auditCursor(new Date('2026-12-01T00:00:00Z'), 'abc') //=> '1796083200000_abc'
 */
export function auditCursor(at: Date, id: string): string {
  return `${at.getTime()}_${id}`
}

/** The time and id a cursor names (it was validated by `listAuditInput`). */
export function parseAuditCursor(cursor: string): { at: Date; id: string } {
  const i = cursor.indexOf('_')
  return { at: new Date(Number(cursor.slice(0, i))), id: cursor.slice(i + 1) }
}
