import { LAYER_LABELS } from '../content/schemas'
import type { Sums } from '../results/metrics'
import type { DayRollup } from '../results/rollup'
import { dailyIncrements } from '../results/series'
import type { SeriesPoint } from '../results/schemas'
import { addDays, daysBetween, type DayKey } from '../time/china'
import { formatCount, formatDelta, formatHours, formatPercent, formatPercentChange } from '../format'
import { change, DEFAULT_TOLERANCE, light, rate, type Direction } from './kpi'
import { dayCount, trendBuckets, type Period } from './range'
import { KPIS, type DetailPoint, type KpiCard, type KpiKey, type KpiUnit, type Mover, type TargetView } from './schemas'

/**
 * The dashboard's KPIs (PRODUCT.md capability 4 and the baseline/target table): what each means, its
 * default target, and how it is computed from daily rollups and the items published in a range.
 * Everything a KPI card shows is computed and formatted here; pages only draw it.
 */

/** The content layer counted by 基础认知 share ("80% of posts are plain product intros"). */
export const INTRO_LAYER = 'intro'

/** Where a KPI's numbers come from, for "数据截至": the latest day in the range with such data. */
export type KpiSource = 'posts' | 'followers' | 'leads' | 'live' | 'items' | 'cycle' | 'logs'

/** An item as the dashboard reads it (a projection of the items collection). */
export interface ItemFact {
  id: string
  title: string
  status: string
  layer: string
  /** China-time day it went out (null unless published). */
  publishedDay: DayKey | null
  /** Production cycle time (topic approved → final approved) in seconds; absent without a production. */
  cycleSeconds?: number | null
  /** China-time day of its final approval, when it had a production. */
  finalApprovedDay?: DayKey | null
}

export interface KpiData {
  /** Day rollups covering at least the period (and, for follower totals, the days before it that were read). */
  rollups: readonly DayRollup[]
  items: readonly ItemFact[]
}

export interface KpiResult {
  value: number | null
  /** Latest day in the period (or, for a level, on or before its end) with data behind the value. */
  asOf: DayKey | null
}

export interface KpiDef {
  key: KpiKey
  label: string
  unit: KpiUnit
  /** Word after a count ("条", "人", "次"); empty for ratios and hours. */
  unitWord: string
  direction: Direction
  /** Default target; for count KPIs with `weekly`, per ISO week. */
  target: number
  tolerance: number
  /** Count targets per week, scaled to the range (target × days / 7). */
  weekly: boolean
  reviewedEvery: 'quarter' | 'month'
  sources: KpiSource[]
  /** How it is computed, in words. */
  formula: string
  /** The post metric(s) an item adds to the numerator (for "the items that moved it"); none for account-level KPIs. */
  numerator?: { plus: (keyof Sums)[]; minus?: (keyof Sums)[] }
  compute(data: KpiData, period: Period): KpiResult
}

const HOUR_S = 3600

function inPeriod(day: DayKey | null | undefined, p: Period): boolean {
  return !!day && day >= p.from && day <= p.to
}

/** Sums of the rollups' totals over the period, and the latest day each source has data. */
function periodSums(rollups: readonly DayRollup[], p: Period) {
  const sums: Record<string, number> = {}
  const latest: Partial<Record<KpiSource, DayKey>> = {}
  const mark = (s: KpiSource, day: DayKey) => {
    if (!latest[s] || latest[s]! < day) latest[s] = day
  }
  for (const r of rollups) {
    if (!inPeriod(r.day, p)) continue
    for (const [k, v] of Object.entries(r.total)) sums[k] = (sums[k] ?? 0) + (v as number)
    if (r.total.itemsLogged) mark('posts', r.day)
    if (r.total.leads) mark('leads', r.day)
    if (r.total.liveSessions) mark('live', r.day)
    if (r.total.logsTimed) mark('logs', r.day)
    if (r.followers) mark('followers', r.day)
  }
  const get = (k: keyof Sums) => sums[k] ?? 0
  return { get, latest }
}

function latestOf(latest: Partial<Record<KpiSource, DayKey>>, sources: KpiSource[]): DayKey | null {
  let out: DayKey | null = null
  for (const s of sources) if (latest[s] && (!out || latest[s]! > out)) out = latest[s]!
  return out
}

/** A ratio of rollup sums over the period; null without a denominator (never NaN). */
function ratioKpi(num: (get: (k: keyof Sums) => number) => number, den: (get: (k: keyof Sums) => number) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    return { value: rate(num(get), den(get)), asOf: latestOf(latest, sources) }
  }
}

/** A count of rollup sums over the period; null when none of its sources has data in the period. */
function countKpi(count: (get: (k: keyof Sums) => number) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    const asOf = latestOf(latest, sources)
    return { value: asOf ? count(get) : null, asOf }
  }
}

/** New followers the data centre calls organic, plus livestream ones (not split by source: counted organic, as the growth page does). */
const organic = (get: (k: keyof Sums) => number) => get('newFollowersOrganic') + get('liveNewFollowers')
const paid = (get: (k: keyof Sums) => number) => get('newFollowersPaid')
const interactions = (get: (k: keyof Sums) => number) => get('likes') + get('comments') + get('shares') + get('favorites')

/** The follower total in force at the end of `p`: the latest logged on or before `p.to` among the rollups read. */
function followerTotal(rollups: readonly DayRollup[], onOrBefore: DayKey, notBefore?: DayKey): { total: number; day: DayKey } | null {
  let best: DayRollup | null = null
  for (const r of rollups) {
    if (!r.followers || r.day > onOrBefore || (notBefore && r.day < notBefore)) continue
    if (!best || r.day > best.day) best = r
  }
  return best ? { total: best.followers!.total, day: best.day } : null
}

function publishedIn(items: readonly ItemFact[], p: Period): ItemFact[] {
  return items.filter((i) => i.status === 'published' && inPeriod(i.publishedDay, p))
}

function latestDay(days: (DayKey | null | undefined)[]): DayKey | null {
  let out: DayKey | null = null
  for (const d of days) if (d && (!out || d > out)) out = d
  return out
}

export const KPI_DEFS: Record<KpiKey, KpiDef> = {
  output: {
    key: 'output',
    label: '发布数量',
    unit: 'count',
    unitWord: '条',
    direction: 'higher',
    target: 5,
    tolerance: DEFAULT_TOLERANCE,
    weekly: true,
    reviewedEvery: 'quarter',
    sources: ['items'],
    formula: '发布数量 = 范围内已发布的内容条数（按发布日期，北京时间）；目标按每周 5 条折算到范围天数',
    compute(data, p) {
      const list = publishedIn(data.items, p)
      return { value: list.length, asOf: latestDay(list.map((i) => i.publishedDay)) }
    },
  },
  completionRate: {
    key: 'completionRate',
    label: '完播率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.5,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '完播率 = 完播次数 ÷ 播放次数（各作品累计数按日差分后汇总）',
    numerator: { plus: ['completions'] },
    compute: ratioKpi((g) => g('completions'), (g) => g('plays'), ['posts']),
  },
  interactionRate: {
    key: 'interactionRate',
    label: '互动率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.35,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '互动率 =（点赞 + 评论 + 转发 + 收藏）÷ 播放次数（按日差分汇总）',
    numerator: { plus: ['likes', 'comments', 'shares', 'favorites'] },
    compute: ratioKpi(interactions, (g) => g('plays'), ['posts']),
  },
  followers: {
    key: 'followers',
    label: '粉丝总数',
    unit: 'count',
    unitWord: '人',
    direction: 'higher',
    target: 100_000,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['followers'],
    formula: '粉丝总数 = 范围结束日或之前最近一次填报的账号粉丝总数（不随范围天数折算）',
    compute(data, p) {
      const t = followerTotal(data.rollups, p.to)
      return { value: t?.total ?? null, asOf: t?.day ?? null }
    },
  },
  netAdds: {
    key: 'netAdds',
    label: '净增粉丝',
    unit: 'count',
    unitWord: '人',
    direction: 'higher',
    target: 2_000,
    tolerance: DEFAULT_TOLERANCE,
    weekly: true,
    reviewedEvery: 'month',
    sources: ['posts', 'live'],
    // Assumption (no baseline in PRODUCT.md): 2,000 a week is the default pace toward 100,000 followers; teams adjust it.
    formula: '净增粉丝 = 作品新增关注（自然 + 投流）+ 直播新增关注 − 取消关注；默认目标每周 2,000 人（假设的稳健节奏，可按团队调整），按范围天数折算',
    numerator: { plus: ['newFollowersOrganic', 'newFollowersPaid'], minus: ['unfollows'] },
    compute: countKpi((g) => organic(g) + paid(g) - g('unfollows'), ['posts', 'live']),
  },
  organicGrowthRate: {
    key: 'organicGrowthRate',
    label: '自然增长率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.35,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['posts', 'live'],
    formula: '自然增长率 = 范围内自然新增关注（含直播新增）÷ 范围开始时的粉丝总数（开始前最近一次填报）；没有开始总数时不计算',
    numerator: { plus: ['newFollowersOrganic'] },
    compute(data, p) {
      const start = followerTotal(data.rollups, addDays(p.from, -1))
      const { get, latest } = periodSums(data.rollups, p)
      const asOf = latestOf(latest, ['posts', 'live'])
      return { value: start && asOf ? rate(organic(get), start.total) : null, asOf }
    },
  },
  paidShare: {
    key: 'paidShare',
    label: '投流涨粉占比',
    unit: 'ratio',
    unitWord: '',
    direction: 'lower',
    target: 0.4,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['posts', 'live'],
    formula: '投流涨粉占比 = 投流新增关注 ÷（自然新增关注 + 直播新增关注 + 投流新增关注），越低越好',
    numerator: { plus: ['newFollowersPaid'] },
    compute: ratioKpi(paid, (g) => organic(g) + paid(g), ['posts', 'live']),
  },
  inquiries: {
    key: 'inquiries',
    label: '咨询量',
    unit: 'count',
    unitWord: '次',
    direction: 'higher',
    target: 900,
    tolerance: DEFAULT_TOLERANCE,
    weekly: true,
    reviewedEvery: 'quarter',
    sources: ['leads', 'posts'],
    // PRODUCT.md gives "+200% vs baseline" without a number; the demo team's baseline is about 300 a week.
    formula: '咨询量 = 线索填报（所有来源渠道）+ 作品数据中的咨询数；默认目标每周 900 次（按基线约每周 300 次 +200%，请按本团队基线调整），按范围天数折算',
    numerator: { plus: ['inquiries'] },
    compute: countKpi((g) => g('leads') + g('inquiries'), ['leads', 'posts']),
  },
  orderConversion: {
    key: 'orderConversion',
    label: '咨询成交率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.1875,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '咨询成交率 = 作品订单数 ÷ 作品咨询数（默认目标 18.75% = 基线 15% × 1.25）',
    numerator: { plus: ['orders'] },
    compute: ratioKpi((g) => g('orders'), (g) => g('inquiries'), ['posts']),
  },
  liveConversion: {
    key: 'liveConversion',
    label: '直播转化率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.08,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'month',
    sources: ['live'],
    formula: '直播转化率 = 直播订单数 ÷ 直播观看人数（范围内各场合计）',
    compute: ratioKpi((g) => g('liveOrders'), (g) => g('liveUniqueViewers'), ['live']),
  },
  cycleHours: {
    key: 'cycleHours',
    label: '制作周期',
    unit: 'hours',
    unitWord: '',
    direction: 'lower',
    target: 24,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'month',
    sources: ['cycle'],
    formula: '制作周期 = 范围内终审通过的内容，从选题通过到终审通过的平均小时数（未走审核流程的内容不计入），越低越好',
    compute(data, p) {
      const done = data.items.filter((i) => typeof i.cycleSeconds === 'number' && inPeriod(approvedDay(i), p))
      if (!done.length) return { value: null, asOf: null }
      const mean = done.reduce((t, i) => t + i.cycleSeconds!, 0) / done.length / HOUR_S
      return { value: mean, asOf: latestDay(done.map(approvedDay)) }
    },
  },
  freshnessHours: {
    key: 'freshnessHours',
    label: '数据时效',
    unit: 'hours',
    unitWord: '',
    direction: 'lower',
    target: 24,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'month',
    sources: ['logs'],
    formula: '数据时效 = 每次填报作品数据的时间 − 数据日期当天结束（北京时间）的平均小时数，当天填报记 0，越低越好',
    compute(data, p) {
      const { get, latest } = periodSums(data.rollups, p)
      const v = rate(get('logLagMinutes'), get('logsTimed'))
      return { value: v === null ? null : v / 60, asOf: latestOf(latest, ['logs']) }
    },
  },
  introShare: {
    key: 'introShare',
    label: `${LAYER_LABELS.intro}占比`,
    unit: 'ratio',
    unitWord: '',
    direction: 'lower',
    target: 0.6,
    tolerance: DEFAULT_TOLERANCE,
    weekly: false,
    reviewedEvery: 'month',
    sources: ['items'],
    formula: `${LAYER_LABELS.intro}占比 = 范围内已发布内容中「${LAYER_LABELS.intro}」（产品介绍）层级的条数 ÷ 已发布条数，越低越好`,
    compute(data, p) {
      const list = publishedIn(data.items, p)
      return { value: rate(list.filter((i) => i.layer === INTRO_LAYER).length, list.length), asOf: latestDay(list.map((i) => i.publishedDay)) }
    },
  },
}

/** The day an item's cycle time counts on: its final approval (older records without it: its publish day). */
function approvedDay(i: ItemFact): DayKey | null {
  return i.finalApprovedDay ?? i.publishedDay ?? null
}

// ---- targets ----------------------------------------------------------------------------------------

/** A team's stored target for one KPI (on the team document, field `targets`). */
export interface StoredTarget {
  value: number | null
  tolerance: number
  version: number
  updatedAt: Date | string | null
  updatedByName: string | null
}

export type StoredTargets = Partial<Record<KpiKey, StoredTarget>>

/** Every KPI's target: the team's where set, else the default (version 0). */
export function targetViews(stored: StoredTargets | undefined | null): TargetView[] {
  return KPIS.map((k) => targetView(k, stored?.[k]))
}

export function targetView(kpi: KpiKey, s: StoredTarget | undefined | null): TargetView {
  const d = KPI_DEFS[kpi]
  return {
    kpi,
    label: d.label,
    unit: d.unit,
    value: s ? s.value : d.target,
    direction: d.direction,
    tolerance: s ? s.tolerance : d.tolerance,
    reviewedEvery: d.reviewedEvery,
    version: s?.version ?? 0,
    updatedAt: s?.updatedAt ? new Date(s.updatedAt).toISOString() : null,
    updatedByName: s?.updatedByName ?? null,
  }
}

/**
 * The target for a range: weekly count targets scaled by days / 7, the rest as they are.
 *
 * @example
 * rangeTarget(KPI_DEFS.output, 5, 14) //=> 10
 * rangeTarget(KPI_DEFS.completionRate, 0.5, 14) //=> 0.5
 */
export function rangeTarget(def: KpiDef, weeklyOrFlat: number | null, days: number): number | null {
  if (weeklyOrFlat === null) return null
  return def.weekly ? (weeklyOrFlat * days) / 7 : weeklyOrFlat
}

// ---- formatting -------------------------------------------------------------------------------------

/**
 * A KPI value as people read it (core/format.ts decides the digits). Only the display is rounded: the
 * light compares the raw value, so 49.96% against 50% reads "50.0%" with 接近, never 达标.
 *
 * @example
 * formatValue(KPI_DEFS.completionRate, 0.3521) //=> '35.2%'
 * formatValue(KPI_DEFS.output, 12)             //=> '12 条'
 * formatValue(KPI_DEFS.cycleHours, 30.54)      //=> '30.5 小时'
 * formatValue(KPI_DEFS.completionRate, null)   //=> '—'
 */
export function formatValue(def: KpiDef, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—'
  if (def.unit === 'ratio') return formatPercent(v)
  if (def.unit === 'hours') return formatHours(v)
  const n = formatCount(v)
  return def.unitWord ? `${n} ${def.unitWord}` : n
}

/**
 * "≥ 50.0%" / "≤ 24 小时" / "≥ 10 条"; "—" without a target. A count target scaled to a part week
 * (5 a week over 5 days = 3.57) reads as the whole number that meets it ("≥ 4 条"); the light compares
 * the exact value, which agrees for whole counts.
 */
export function formatTarget(def: KpiDef, t: number | null): string {
  if (t === null) return '—'
  const shown = def.unit === 'count' && !Number.isInteger(t) ? (def.direction === 'higher' ? Math.ceil(t) : Math.floor(t)) : t
  return `${def.direction === 'higher' ? '≥' : '≤'} ${formatValue(def, shown)}`
}

/** "数据截至 11-26" or "暂无数据". */
export function asOfText(day: DayKey | null): string {
  return day ? `数据截至 ${day.slice(5)}` : '暂无数据'
}

// ---- cards ------------------------------------------------------------------------------------------

export interface CardArgs {
  data: KpiData
  range: Period & { days: number }
  previous: Period
  target: TargetView
}

/**
 * One KPI card: value, range target, light, change against the previous equal period, trend and "as of".
 *
 * @example
 * // 35 completions of 100 plays against the default 50%
 * kpiCard('completionRate', { data, range, previous, target }) //=> { display: '35.0%', light: 'red', … }
 */
export function kpiCard(kpi: KpiKey, a: CardArgs): KpiCard {
  const def = KPI_DEFS[kpi]
  const cur = def.compute(a.data, a.range)
  const prev = def.compute(a.data, a.previous)
  const target = rangeTarget(def, a.target.value, a.range.days)
  const c = change(cur.value, prev.value)
  return {
    kpi,
    label: def.label,
    unit: def.unit,
    value: cur.value,
    display: formatValue(def, cur.value),
    target,
    targetDisplay: formatTarget(def, target),
    direction: def.direction,
    light: target === null ? 'none' : light(cur.value, target, def.direction, a.target.tolerance),
    previous: prev.value,
    change: c,
    changeDisplay: formatPercentChange(c),
    trend: trendBuckets(a.range.from, a.range.to).map((b) => def.compute(a.data, b).value),
    asOf: cur.asOf,
    asOfText: asOfText(cur.asOf),
  }
}

/** One value per day of the range, formatted (the detail page's series). */
export function dailySeries(kpi: KpiKey, data: KpiData, p: Period): DetailPoint[] {
  const def = KPI_DEFS[kpi]
  return daysBetween(p.from, p.to).map((day) => {
    const v = def.compute(data, { from: day, to: day }).value
    return { day, value: v, display: formatValue(def, v) }
  })
}

// ---- movers -----------------------------------------------------------------------------------------

export interface ItemSeriesFact {
  itemId: string
  title: string
  points: readonly SeriesPoint[]
}

/**
 * The items that moved a post KPI's numerator most in the period (largest absolute contribution first,
 * at most `limit`), from each item's daily increments. Account-level KPIs (followers, livestream,
 * freshness, output, mix) have no per-post numerator: [].
 *
 * @example
 * movers('completionRate', [{ itemId: 'a', title: 'A', points }], { from: '2026-11-01', to: '2026-11-07' })
 * //=> [{ itemId: 'a', title: 'A', amount: 120, display: '+120' }]
 */
export function movers(kpi: KpiKey, series: readonly ItemSeriesFact[], p: Period, limit = 5): Mover[] {
  const num = KPI_DEFS[kpi].numerator
  if (!num) return []
  const out: Mover[] = []
  for (const s of series) {
    let amount = 0
    let any = false
    for (const [day, inc] of dailyIncrements(s.points)) {
      if (!inPeriod(day, p)) continue
      any = true
      for (const k of num.plus) amount += inc[k] ?? 0
      for (const k of num.minus ?? []) amount -= inc[k] ?? 0
    }
    if (any && amount !== 0) out.push({ itemId: s.itemId, title: s.title, amount, display: formatDelta(amount) })
  }
  return out.sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || x.itemId.localeCompare(y.itemId)).slice(0, limit)
}

/** Days a range spans (re-exported for handlers that only import kpis). */
export { dayCount }
