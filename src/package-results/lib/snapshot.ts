import type { FieldError } from '../../../core/errors'
import { formatCount, formatMoney, formatSeconds } from '../../../core/format'
import { snapshotDateErrors } from '../../../core/results/dates'
import { POST_METRIC_LABELS, type PostMetric } from '../../../core/results/metrics'
import type { SnapshotMetrics } from '../../../core/results/schemas'
import type { SeriesPoint } from '../../../core/results/views'
import { monotoneViolations } from '../../../core/results/series'
import { fenToYuanText, readNumber, yuanToFen } from './numbers'

/** A form field of the snapshot form: each metric as typed, money in 元 instead of fen. */
export type SnapshotField = Exclude<PostMetric, 'gmvFen'> | 'gmvYuan'

export interface FieldSpec {
  field: SnapshotField
  label: string
  /** `digit` (decimal keyboard) for seconds and money, `number` for counts. */
  keyboard: 'number' | 'digit'
  unit?: string
}

const spec = (field: SnapshotField, keyboard: 'number' | 'digit' = 'number', unit?: string): FieldSpec => ({
  field,
  label: field === 'gmvYuan' ? '成交额' : field === 'avgWatchSeconds' ? '平均播放时长' : POST_METRIC_LABELS[field],
  keyboard,
  unit,
})

/** The data centre's numbers in the order its screen shows them, grouped so a long form stays scannable. */
export const SNAPSHOT_GROUPS: { title: string; fields: FieldSpec[] }[] = [
  { title: '播放', fields: [spec('impressions'), spec('plays'), spec('completions'), spec('avgWatchSeconds', 'digit', '秒')] },
  { title: '互动', fields: [spec('likes'), spec('comments'), spec('shares'), spec('favorites')] },
  { title: '粉丝', fields: [spec('newFollowersOrganic'), spec('newFollowersPaid'), spec('unfollows')] },
  { title: '转化', fields: [spec('inquiries'), spec('orders'), spec('gmvYuan', 'digit', '元')] },
]

export const SNAPSHOT_FIELDS: SnapshotField[] = SNAPSHOT_GROUPS.flatMap((g) => g.fields.map((f) => f.field))

export type SnapshotTexts = Partial<Record<SnapshotField, string>>

/** What the snapshot form holds (and what its draft stores). */
export interface SnapshotDraft {
  requestId: string
  date: string
  texts: SnapshotTexts
  /** Corrections only. */
  reason?: string
}

/** A metric's value as the form shows it (fen → 元). */
export function metricText(metrics: SnapshotMetrics, field: SnapshotField): string | undefined {
  if (field === 'gmvYuan') return metrics.gmvFen === undefined ? undefined : fenToYuanText(metrics.gmvFen)
  const v = metrics[field]
  return v === undefined ? undefined : String(v)
}

/** A metric's value as people read it beside the form or in a history line: '1,234', '¥1,299.90', '12.5 秒'. */
export function metricDisplay(metrics: SnapshotMetrics, field: SnapshotField): string | undefined {
  if (field === 'gmvYuan') return metrics.gmvFen === undefined ? undefined : formatMoney(metrics.gmvFen)
  const v = metrics[field]
  if (v === undefined) return undefined
  return field === 'avgWatchSeconds' ? formatSeconds(v) : formatCount(v)
}

/** Pre-fills a correction with the values being corrected. */
export function textsOf(metrics: SnapshotMetrics): SnapshotTexts {
  const out: SnapshotTexts = {}
  for (const f of SNAPSHOT_FIELDS) {
    const t = metricText(metrics, f)
    if (t !== undefined) out[f] = t
  }
  return out
}

/**
 * The typed texts as metrics. Blank fields are left out (only 播放 is required); a text that is not a
 * number becomes a field error here, because NaN would otherwise reach the schema as "应为数字" without
 * saying which text was wrong.
 */
export function readSnapshot(texts: SnapshotTexts): { metrics: Record<string, number>; errors: FieldError[] } {
  const metrics: Record<string, number> = {}
  const errors: FieldError[] = []
  for (const f of SNAPSHOT_FIELDS) {
    const n = f === 'gmvYuan' ? yuanToFen(texts[f]) : readNumber(texts[f])
    if (n === undefined) continue
    if (Number.isNaN(n)) errors.push({ path: f, message: `${labelOf(f)}：请输入数字` })
    else metrics[f === 'gmvYuan' ? 'gmvFen' : f] = n
  }
  return { metrics, errors }
}

function labelOf(f: SnapshotField): string {
  return SNAPSHOT_GROUPS.flatMap((g) => g.fields).find((s) => s.field === f)!.label
}

/**
 * Checks the form can warn about before sending, that the schema alone cannot: the date rules
 * (not in the future, not before publishing) and that cumulative numbers do not go below the
 * last logged values. The function checks the same again.
 */
export function snapshotPrecheck(opts: {
  date: string
  now: Date
  publishedDay: string | null
  last: SeriesPoint | null
  metrics: SnapshotMetrics
  correction: boolean
}): FieldError[] {
  const errors = opts.correction ? [] : snapshotDateErrors(opts.date, { now: opts.now, publishedAt: opts.publishedDay ? `${opts.publishedDay}T12:00:00+08:00` : null })
  const series = opts.last && opts.last.date < opts.date ? [opts.last] : []
  return [...errors, ...monotoneViolations(series, opts.date, opts.metrics, { correction: opts.correction }).map((v) => ({ path: v.metric, message: v.message }))]
}

/**
 * Field path (from the schema, the function or the precheck) → form field: `metrics.gmvFen` shows
 * under 成交额, `metrics.plays` under 播放.
 */
export function formErrors(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) {
    const key = f.path.replace(/^metrics\./, '').replace(/^gmvFen$/, 'gmvYuan')
    if (!(key in out)) out[key] = f.message
  }
  return out
}
