import { CATEGORY_LABELS, FORMAT_LABELS, LAYER_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../content/schemas'
import { CHANNEL_LABELS } from '../results/metrics'
import { DEPARTMENT_LABELS, ROLE_LABELS } from '../roles'
import { inChina } from '../time/china'
import type { AuditChangeView } from './schemas'

/** What one audit record keeps of a change: the touched fields before and after, bounded in size. */
export type AuditValues = Record<string, unknown>

/** Bounds of what an audit record stores, so one write never makes a large record. */
export const AUDIT_MAX_FIELDS = 20
export const AUDIT_MAX_CHARS = 300
const MAX_ITEMS = 20
const CUT = '…'

/** Keys that name a record rather than change it: the target is recorded on its own. */
const NOT_A_CHANGE = /^(id|_id|version|teamId|.*Id)$/

/**
 * The fields of an action's input that say what it changes: ids and the optimistic-lock version left out.
 *
 * @example
 * inputChanges({ id: 'i1', version: 3, title: '新标题', plannedAt: undefined }) //=> { title: '新标题' }
 */
export function inputChanges(input: unknown): AuditValues {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {}
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && !NOT_A_CHANGE.test(k)))
}

/**
 * A copy of `values` safe to store: at most AUDIT_MAX_FIELDS fields, long text cut at AUDIT_MAX_CHARS,
 * long lists cut at 20 items, nested objects kept as (cut) JSON text. Dates stay dates.
 *
 * @example
 * boundValues({ note: 'x'.repeat(1000) }).note.length //=> 301 (300 characters and '…')
 */
export function boundValues(values: AuditValues, only?: readonly string[]): AuditValues {
  const keys = (only ?? Object.keys(values)).filter((k) => Object.prototype.hasOwnProperty.call(values, k) && values[k] !== undefined)
  return Object.fromEntries(keys.slice(0, AUDIT_MAX_FIELDS).map((k) => [k, boundValue(values[k])]))
}

function boundValue(v: unknown): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'string') return cut(v)
  if (Array.isArray(v)) {
    const items = v.slice(0, MAX_ITEMS).map((x) => (x !== null && typeof x === 'object' && !(x instanceof Date) ? cut(safeJson(x)) : boundValue(x)))
    return v.length > MAX_ITEMS ? [...items, `${CUT}共 ${v.length} 项`] : items
  }
  return cut(safeJson(v))
}

function cut(s: string): string {
  return s.length > AUDIT_MAX_CHARS ? s.slice(0, AUDIT_MAX_CHARS) + CUT : s
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/** Words for stored codes, by field name: the same labels the rest of the app shows. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  roles: ROLE_LABELS,
  department: DEPARTMENT_LABELS,
  format: FORMAT_LABELS,
  layer: LAYER_LABELS,
  category: CATEGORY_LABELS,
  source: SOURCE_LABELS,
  channel: CHANNEL_LABELS,
  status: { ...STATUS_LABELS, active: '在团队中', removed: '已移除', open: '有效', used: '已使用', revoked: '已撤销' },
}

/** Field names the input schemas do not describe (fields a handler records from the stored record). */
const FIELD_LABELS: Record<string, string> = { status: '状态', name: '姓名', roles: '角色', department: '部门', title: '标题', plannedAt: '计划发布时间' }

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * A stored value in words: codes as their Chinese labels, instants in China time, lists joined.
 *
 * @example
 * auditValueText('roles', ['admin', 'field']) //=> '管理员、一线/外勤'
 * auditValueText('plannedAt', '2026-12-01T12:00:00.000Z') //=> '2026-12-01 20:00'
 * auditValueText('note', null) //=> null (shown as "—")
 */
export function auditValueText(field: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null
  if (Array.isArray(v)) return v.length ? v.map((x) => auditValueText(field, x) ?? '—').join('、') : null
  if (v instanceof Date) return inChina(v).format('YYYY-MM-DD HH:mm')
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') {
    const label = VALUE_LABELS[field]?.[v]
    if (label) return label
    if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return inChina(v).format('YYYY-MM-DD HH:mm')
    return v
  }
  if (typeof v === 'number') return String(v)
  return safeJson(v)
}

/**
 * The fields that changed between `before` and `after`, labelled and written out. A field only in
 * `after` was set (before "—"); one only in `before` was cleared. Unchanged fields are left out.
 *
 * @example
 * auditChanges({ roles: ['field'] }, { roles: ['field', 'operator'] }, () => '角色')
 * //=> [{ field: 'roles', label: '角色', before: '一线/外勤', after: '一线/外勤、运营' }]
 */
export function auditChanges(
  before: AuditValues | undefined,
  after: AuditValues | undefined,
  labelOf: (field: string) => string | undefined,
): AuditChangeView[] {
  const b = before ?? {}
  const a = after ?? {}
  const fields = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))]
  return fields
    .map((field) => ({
      field,
      label: labelOf(field) ?? FIELD_LABELS[field] ?? field,
      before: auditValueText(field, b[field]),
      after: auditValueText(field, a[field]),
    }))
    .filter((c) => c.before !== c.after)
}
