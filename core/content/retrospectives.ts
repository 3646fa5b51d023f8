import { z } from 'zod'
import { idSchema as id, visibleText } from '../atoms'
import { formatCount, formatPercent } from '../format'
import type { SnapshotMetrics } from '../results/schemas'
import { addDays, type DayKey } from '../time/china'
import { CATEGORIES, CATEGORY_LABELS, FORMATS, FORMAT_LABELS, LAYERS, LAYER_LABELS, type Category, type Format, type Layer } from './schemas'

/**
 * Item retrospective (单条复盘) and the case library (案例库). Seven days after an item is published its
 * owner writes what worked and what to change, against the item's day-7 numbers and the team's averages;
 * written ones with an outcome are the team's cases.
 */

/** The retrospective is due this many days after the publish day (China time): day 7 is complete. */
export const RETRO_AFTER_DAYS = 7
/** The owner has this many days after it appears to write it (the task's due day). */
export const RETRO_WRITE_DAYS = 3
/** Day 7 counts the publish day as day 1: the values in force on publish day + 6. */
export const DAY7_OFFSET = RETRO_AFTER_DAYS - 1
/** The team average compares with items published in this many days before the item. */
export const AVERAGE_WINDOW_DAYS = 30
/**
 * How far back a missed run still creates retrospectives: items whose day 7 fell in the last 7 days get a
 * task; items up to the averaging window back get a record only (their numbers feed the averages).
 */
export const TASK_CATCH_UP_DAYS = 7

export const OUTCOMES = ['above', 'met', 'below'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const OUTCOME_LABELS: Record<Outcome, string> = { above: '超出预期', met: '符合预期', below: '未达预期' }

export const RETRO_TEXT_MAX = 500
const RETRO_TAG_MAX = 12

export const saveRetrospectiveInput = z
  .object({
    id: id('复盘'),
    version: z.number().int().min(0).describe('版本'),
    worked: visibleText('做得好的', RETRO_TEXT_MAX),
    change: visibleText('要改进的', RETRO_TEXT_MAX),
    tags: z.array(visibleText('标签', RETRO_TAG_MAX)).max(8).describe('标签'),
    outcome: z.enum(OUTCOMES).describe('结果'),
  })
  .strict()
export type SaveRetrospectiveInput = z.infer<typeof saveRetrospectiveInput>

export const retrospectiveRefInput = z.object({ id: id('复盘') }).strict()

export const CASES_PAGE = 20
export const listCasesInput = z
  .object({
    q: z.string().trim().max(30).describe('搜索').optional(),
    layer: z.enum(LAYERS).describe('内容层级').optional(),
    category: z.enum(CATEGORIES).describe('选题类别').optional(),
    format: z.enum(FORMATS).describe('内容形式').optional(),
    outcome: z.enum(OUTCOMES).describe('结果').optional(),
    offset: z.number().int().min(0).max(10_000).describe('位置').default(0),
    limit: z.number().int().min(1).max(CASES_PAGE).describe('条数').default(CASES_PAGE),
  })
  .strict()
export type ListCasesInput = z.infer<typeof listCasesInput>

/** The day-7 sums one item stores: counts, so averages and rates pool correctly. */
export interface Day7Sums {
  /** The date of the values used (≤ publish day + 6), or null when nothing was logged by day 7. */
  asOf: DayKey | null
  plays: number
  /** Null when a metric was never logged (a rate over it would be a made-up 0). */
  completions: number | null
  interactions: number | null
  newFollowers: number | null
  inquiries: number | null
}

/** The day an item's retrospective becomes due. @example retroDueDay('2026-12-01') //=> '2026-12-08' */
export function retroDueDay(publishedDay: DayKey): DayKey {
  return addDays(publishedDay, RETRO_AFTER_DAYS)
}

/** The record and task id of an item's retrospective: one per item. @example retroId('i1') //=> 'retro_i1' */
export function retroId(itemId: string): string {
  return `retro_${itemId}`
}

const sumOf = (m: SnapshotMetrics, keys: (keyof SnapshotMetrics)[]): number | null =>
  keys.some((k) => m[k] !== undefined) ? keys.reduce((s, k) => s + ((m[k] as number | undefined) ?? 0), 0) : null

/**
 * An item's day-7 sums from its series (cumulative values in force by date): the last point dated on or
 * before publish day + 6.
 *
 * @example
 * day7Sums([{ date: '2026-12-02', metrics: { plays: 100 } }, { date: '2026-12-07', metrics: { plays: 900, completions: 300 } }, { date: '2026-12-09', metrics: { plays: 2000 } }], '2026-12-01')
 * //=> { asOf: '2026-12-07', plays: 900, completions: 300, interactions: null, newFollowers: null, inquiries: null }
 */
export function day7Sums(points: readonly { date: DayKey; metrics: SnapshotMetrics }[], publishedDay: DayKey): Day7Sums {
  const last = addDays(publishedDay, DAY7_OFFSET)
  let at: { date: DayKey; metrics: SnapshotMetrics } | null = null
  for (const p of points) if (p.date <= last && (!at || p.date > at.date)) at = p
  if (!at) return { asOf: null, plays: 0, completions: null, interactions: null, newFollowers: null, inquiries: null }
  const m = at.metrics
  return {
    asOf: at.date,
    plays: m.plays,
    completions: sumOf(m, ['completions']),
    interactions: sumOf(m, ['likes', 'comments', 'shares', 'favorites']),
    newFollowers: sumOf(m, ['newFollowersOrganic', 'newFollowersPaid']),
    inquiries: sumOf(m, ['inquiries']),
  }
}

export type RetroMetric = 'plays' | 'completionRate' | 'interactionRate' | 'newFollowers' | 'inquiries'
export const RETRO_METRICS: readonly RetroMetric[] = ['plays', 'completionRate', 'interactionRate', 'newFollowers', 'inquiries']
const METRIC_LABELS: Record<RetroMetric, string> = { plays: '播放', completionRate: '完播率', interactionRate: '互动率', newFollowers: '新增关注', inquiries: '咨询' }

/** One item's (or the average's) value of each compared metric; null when not logged. */
export type RetroValues = Record<RetroMetric, number | null>

/** An item's values: rates over its own plays. */
export function valuesOf(s: Day7Sums): RetroValues {
  const rate = (n: number | null) => (n === null || s.plays <= 0 ? null : Math.min(1, n / s.plays))
  if (!s.asOf) return { plays: null, completionRate: null, interactionRate: null, newFollowers: null, inquiries: null }
  return { plays: s.plays, completionRate: rate(s.completions), interactionRate: rate(s.interactions), newFollowers: s.newFollowers, inquiries: s.inquiries }
}

/**
 * The team's average at day 7 over items with numbers: counts are the mean per item, rates pool the sums
 * (total completions ÷ total plays, as the dashboard's rates do), each over the items that logged that metric.
 *
 * @example
 * averageValues([{ asOf: 'd', plays: 100, completions: 50, … }, { asOf: 'd', plays: 300, completions: 60, … }])
 * //=> { plays: 200, completionRate: 0.275, … }
 */
export function averageValues(list: readonly Day7Sums[]): { values: RetroValues; items: number } {
  const logged = list.filter((s) => s.asOf !== null)
  const mean = (pick: (s: Day7Sums) => number | null) => {
    const xs = logged.map(pick).filter((x): x is number => x !== null)
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null
  }
  const pooled = (pick: (s: Day7Sums) => number | null) => {
    const with_ = logged.filter((s) => pick(s) !== null)
    const plays = with_.reduce((a, s) => a + s.plays, 0)
    return plays > 0 ? with_.reduce((a, s) => a + pick(s)!, 0) / plays : null
  }
  return {
    items: logged.length,
    values: { plays: mean((s) => s.plays), completionRate: pooled((s) => s.completions), interactionRate: pooled((s) => s.interactions), newFollowers: mean((s) => s.newFollowers), inquiries: mean((s) => s.inquiries) },
  }
}

export interface ComparisonRow {
  metric: RetroMetric
  label: string
  value: string
  average: string
  /** Relative difference to the average in words ('高 25%', '低 10%', '持平'), or '—'. */
  versus: string
  direction: 'higher' | 'lower' | 'same' | null
}

const show = (metric: RetroMetric, v: number | null) => (metric === 'completionRate' || metric === 'interactionRate' ? formatPercent(v) : formatCount(v === null ? null : Math.round(v)))

/**
 * The item against the team average, metric by metric; within ±5% of the average reads 持平.
 *
 * @example
 * compareToAverage({ plays: 1200, … }, { plays: 1000, … })[0] //=> { metric: 'plays', label: '播放', value: '1,200', average: '1,000', versus: '高 20%', direction: 'higher' }
 */
export function compareToAverage(item: RetroValues, avg: RetroValues): ComparisonRow[] {
  return RETRO_METRICS.map((metric) => {
    const v = item[metric]
    const a = avg[metric]
    const base = { metric, label: METRIC_LABELS[metric], value: show(metric, v), average: show(metric, a) }
    if (v === null || a === null || a === 0) return { ...base, versus: '—', direction: null }
    const rel = (v - a) / a
    if (Math.abs(rel) < 0.05) return { ...base, versus: '持平', direction: 'same' }
    return { ...base, versus: `${rel > 0 ? '高' : '低'} ${Math.round(Math.abs(rel) * 100)}%`, direction: rel > 0 ? 'higher' : 'lower' }
  })
}

/** The averaging window for an item: the 30 days before its publish day. */
export function averageWindow(publishedDay: DayKey): { from: DayKey; to: DayKey } {
  return { from: addDays(publishedDay, -AVERAGE_WINDOW_DAYS), to: addDays(publishedDay, -1) }
}

/** What a case carries for the library's filters and search. */
export interface CaseFacts {
  title: string
  layer: Layer
  category: Category
  format: Format
  outcome: Outcome | null
  worked: string
  change: string
  tags: string[]
}

/**
 * Whether a case matches the library's text search: the query, case-insensitive, in its title, what
 * worked, what to change or a tag. An empty query matches every case.
 *
 * @example
 * matchesText({ title: '门店开箱', worked: '前三秒有冲突', change: '', tags: ['开箱'] }, '冲突') //=> true
 */
export function matchesText(c: Pick<CaseFacts, 'title' | 'worked' | 'change' | 'tags'>, q: string | undefined): boolean {
  const needle = (q ?? '').trim().toLowerCase()
  if (!needle) return true
  return [c.title, c.worked, c.change, ...c.tags].some((s) => s.toLowerCase().includes(needle))
}

/** The library's structured filters, as database equality fields (only those set). */
export function caseFilters(input: Pick<ListCasesInput, 'layer' | 'category' | 'format' | 'outcome'>): Partial<Pick<CaseFacts, 'layer' | 'category' | 'format' | 'outcome'>> {
  const out: Record<string, string> = {}
  for (const k of ['layer', 'category', 'format', 'outcome'] as const) if (input[k]) out[k] = input[k]!
  return out
}

/** The item's classification in words. @example tagLine('intro', 'brand', 'short_video') //=> '基础认知 · 品牌 · 短视频' */
export function tagLine(layer: Layer, category: Category, format: Format): string {
  return [LAYER_LABELS[layer], CATEGORY_LABELS[category], FORMAT_LABELS[format]].join(' · ')
}

export type RetroStatus = 'due' | 'written'

/** The retrospective page: the item, its day-7 numbers against the team's, and what was written. */
export interface RetrospectiveView {
  id: string
  itemId: string
  title: string
  tagLine: string
  ownerName: string
  publishedDay: DayKey
  dueDay: DayKey
  status: RetroStatus
  version: number
  /** Day-7 date of the item's numbers, or null when none were logged by then. */
  asOf: DayKey | null
  comparison: ComparisonRow[]
  /** The averaging window in words, e.g. '11-01 至 11-30 发布的 12 条内容的第 7 天'. */
  averageNote: string
  worked: string
  change: string
  tags: string[]
  outcome: Outcome | null
  outcomeLabel: string | null
  writtenByName: string | null
  writtenAt: string | null
  /** Whether the caller may write it (its owner, a manager or an admin). */
  mayWrite: boolean
}

/** One case in the library: a summary. */
export interface CaseLine {
  id: string
  title: string
  tagLine: string
  publishedDay: DayKey
  outcome: Outcome
  outcomeLabel: string
  /** The first line of what worked, shortened. */
  worked: string
  tags: string[]
  /** e.g. '完播率 32.0%（均值 25.1%）'. */
  keyNumber: string
  ownerName: string
}

export interface CasePage {
  items: CaseLine[]
  hasMore: boolean
  nextOffset: number
}

/** Shortens a text to one line of at most `max` characters. @example firstLine('a\nb', 10) //=> 'a' */
export function firstLine(s: string, max = 40): string {
  const line = s.split('\n')[0].trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
