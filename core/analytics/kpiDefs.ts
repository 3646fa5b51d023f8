import { LAYER_LABELS } from '../content/schemas'
import type { Sums } from '../results/metrics'
import { addDays } from '../time/china'
import { DEFAULT_TOLERANCE, rate, type Direction } from './kpi'
import { approvedDay, followerTotal, inPeriod, latestDay, latestOf, periodSums, publishedIn, yuanPerOrder, type KpiData, type KpiResult, type KpiSource, type SumOf } from './kpiData'
import type { Period } from './range'
import type { KpiKey, KpiUnit } from './schemas'

/**
 * The dashboard's KPI table (PRODUCT.md capability 4 and the baseline/target table): what each KPI
 * means, its default target, and how it is computed from daily rollups and the items published in a
 * range. One row per KPI; the data they read is described in ./kpiData.ts, targets in ./targets.ts, and
 * the card a page draws in ./cards.ts.
 */

/** The content layer counted by 基础认知 share ("80% of posts are plain product intros"). */
export const INTRO_LAYER = 'intro'
/** The format the plan's video KPIs count (发布数量, 制作周期). */
export const VIDEO_FORMAT = 'short_video'

/** A format's share of the items published in the period (the plan's format mix: 95% vertical video today). */
function formatShare(format: string) {
  return (data: KpiData, p: Period): KpiResult => {
    const list = publishedIn(data.items, p)
    return { value: rate(list.filter((i) => i.format === format).length, list.length), asOf: latestDay(list.map((i) => i.publishedDay)) }
  }
}

export interface KpiDef {
  key: KpiKey
  label: string
  unit: KpiUnit
  /** Word after a count ("条", "人", "次"); empty for ratios and hours. */
  unitWord: string
  direction: Direction
  /** Default target for the KPI's natural period (per ISO week for counts); a ramp's end value. How it applies to a range: ./horizons.ts. */
  target: number
  /**
   * The default target is our assumption (the plan gives no number): it lights the card, but a run of
   * misses opens no alert until a manager has set a target of the team's own (version > 0).
   */
  assumed?: boolean
  tolerance: number
  reviewedEvery: 'quarter' | 'month'
  sources: KpiSource[]
  /** How it is computed, in words. */
  formula: string
  /** The post metric(s) an item adds to the numerator (for "the items that moved it"); none for account-level KPIs. */
  numerator?: { plus: (keyof Sums)[]; minus?: (keyof Sums)[] }
  compute(data: KpiData, period: Period): KpiResult
}

const HOUR_S = 3600

/** A ratio of rollup sums over the period; null without a denominator (never NaN). */
function ratioKpi(num: (get: SumOf) => number, den: (get: SumOf) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    return { value: rate(num(get), den(get)), asOf: latestOf(latest, sources) }
  }
}

/** A count of rollup sums over the period; null when none of its sources has data in the period. */
function countKpi(count: (get: SumOf) => number, sources: KpiSource[]) {
  return (data: KpiData, p: Period): KpiResult => {
    const { get, latest } = periodSums(data.rollups, p)
    const asOf = latestOf(latest, sources)
    return { value: asOf ? count(get) : null, asOf }
  }
}

/** New followers the data centre calls organic, plus livestream ones (not split by source: counted organic, as the growth page does). */
const organic = (get: SumOf) => get('newFollowersOrganic') + get('liveNewFollowers')
const paid = (get: SumOf) => get('newFollowersPaid')
const interactions = (get: SumOf) => get('likes') + get('comments') + get('shares') + get('favorites')

export const KPI_DEFS: Record<KpiKey, KpiDef> = {
  output: {
    key: 'output',
    label: '发布数量',
    unit: 'count',
    unitWord: '条',
    direction: 'higher',
    target: 5,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'quarter',
    sources: ['items'],
    formula: '发布数量 = 范围内已发布的短视频条数（按发布日期，北京时间；直播和图文另见各自占比）；目标按每周 5 条折算到范围天数',
    compute(data, p) {
      const list = publishedIn(data.items, p).filter((i) => i.format === VIDEO_FORMAT)
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
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '完播率 = 完播次数 ÷ 播放次数（各作品累计数按日差分后汇总）；任意范围同一口径。目标从基线 35% 起，在计划开始后 3 个月内线性爬升到 50%，本期目标取范围最后一天在爬坡线上的值',
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
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '互动率 =（点赞 + 评论 + 转发 + 收藏）÷ 播放次数（按日差分汇总）；任意范围同一口径。目标从基线 15% 起，在计划开始后 6 个月内线性爬升到 35%，本期目标取范围最后一天在爬坡线上的值',
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
    reviewedEvery: 'quarter',
    sources: ['followers'],
    formula: '粉丝总数 = 范围结束日或之前最近一次填报的账号粉丝总数（时点值，不随范围天数折算）。目标从计划开始时的粉丝数起，3 个月内线性增长到 100,000，本期目标取范围最后一天在增长线上的值',
    compute(data, p) {
      const t = followerTotal(data.rollups, p.to)
      return { value: t?.total ?? null, asOf: t?.day ?? null }
    },
  },
  netAdds: {
    key: 'netAdds',
    assumed: true,
    label: '净增粉丝',
    unit: 'count',
    unitWord: '人',
    direction: 'higher',
    target: 2_000,
    tolerance: DEFAULT_TOLERANCE,
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
    reviewedEvery: 'month',
    sources: ['posts', 'live'],
    formula: '自然增长率 = 范围内自然新增关注（含直播新增）÷ 范围开始时的粉丝总数（开始前最近一次填报）；没有开始总数时不计算。目标为每月 35%，其他范围按 30 天一个月复利折算：(1 + 35%)^(天数 ÷ 30) − 1',
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
    reviewedEvery: 'month',
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
    reviewedEvery: 'quarter',
    sources: ['leads', 'posts'],
    // PRODUCT.md gives "+200% vs baseline" without a number; the demo team's baseline is about 300 a week.
    formula: '咨询量 = 线索填报（所有来源渠道）+ 作品数据中的咨询数。目标 = 基线 × 3（+200%），基线为计划开始前 4 周的周均咨询量；按每周折算到范围天数。没有基线数据时不亮灯，请主管设定目标',
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
    reviewedEvery: 'quarter',
    sources: ['posts'],
    formula: '咨询成交率 = 作品订单数 ÷ 作品咨询数；任意范围同一口径。目标 = 基线 × 1.25（+25%），基线为计划开始前 4 周实测的成交率；没有数据时按方案所述 15% 计（假设）',
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
    reviewedEvery: 'quarter',
    sources: ['cycle'],
    formula: '制作周期 = 范围内终审通过的短视频，从选题通过到终审通过的平均小时数（方案的 72 → 24 小时按每条视频计；直播、图文和未走审核流程的内容不计入），越低越好',
    compute(data, p) {
      const done = data.items.filter((i) => i.format === VIDEO_FORMAT && typeof i.cycleSeconds === 'number' && inPeriod(approvedDay(i), p))
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
    reviewedEvery: 'month',
    sources: ['items'],
    formula: `${LAYER_LABELS.intro}占比 = 范围内已发布内容中「${LAYER_LABELS.intro}」（产品介绍）层级的条数 ÷ 已发布条数，越低越好`,
    compute(data, p) {
      const list = publishedIn(data.items, p)
      return { value: rate(list.filter((i) => i.layer === INTRO_LAYER).length, list.length), asOf: latestDay(list.map((i) => i.publishedDay)) }
    },
  },
  followerGrowthRate: {
    key: 'followerGrowthRate',
    assumed: true,
    label: '粉丝增长率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    // 2^(1/3) − 1: the monthly pace at which 50,000 followers become 100,000 in 3 months, the plan's goal.
    target: 0.26,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['posts', 'live'],
    formula: '粉丝增长率 = 范围内净增粉丝 ÷ 范围开始时的粉丝总数（开始前最近一次填报）；没有开始总数时不计算。默认目标每月 26%（假设：方案 3 个月内 5 万粉丝翻倍到 10 万所需的月增速），其他范围按 30 天一个月复利折算',
    numerator: { plus: ['newFollowersOrganic', 'newFollowersPaid'], minus: ['unfollows'] },
    compute(data, p) {
      const start = followerTotal(data.rollups, addDays(p.from, -1))
      const { get, latest } = periodSums(data.rollups, p)
      const asOf = latestOf(latest, ['posts', 'live'])
      return { value: start && asOf ? rate(organic(get) + paid(get) - get('unfollows'), start.total) : null, asOf }
    },
  },
  likeRate: {
    key: 'likeRate',
    assumed: true,
    label: '点赞率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.108,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['posts'],
    formula: '点赞率 = 点赞数 ÷ 播放次数（按日差分汇总）；任意范围同一口径。默认目标 = 计划开始前 4 周实测基线 × 1.2（+20%，假设，方案只写「实测、由主管设定」）；没有基线时不亮灯',
    numerator: { plus: ['likes'] },
    compute: ratioKpi((g) => g('likes'), (g) => g('plays'), ['posts']),
  },
  commentRate: {
    key: 'commentRate',
    assumed: true,
    label: '评论率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.024,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['posts'],
    formula: '评论率 = 评论数 ÷ 播放次数（按日差分汇总）；任意范围同一口径。默认目标 = 计划开始前 4 周实测基线 × 1.2（+20%，假设）；没有基线时不亮灯',
    numerator: { plus: ['comments'] },
    compute: ratioKpi((g) => g('comments'), (g) => g('plays'), ['posts']),
  },
  avgOrderValue: {
    key: 'avgOrderValue',
    assumed: true,
    label: '客单价',
    unit: 'count',
    unitWord: '元',
    direction: 'higher',
    target: 299,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['posts'],
    formula: '客单价 = 作品成交额 ÷ 作品订单数（元）；任意范围同一口径。默认目标 = 计划开始前 4 周实测客单价（保持不降，假设）；没有基线时不亮灯',
    compute(data, p) {
      const { get, latest } = periodSums(data.rollups, p)
      return { value: yuanPerOrder(get('gmvFen'), get('orders')), asOf: latestOf(latest, ['posts']) }
    },
  },
  liveShare: {
    key: 'liveShare',
    assumed: true,
    label: '直播占比',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.1,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['items'],
    formula: '直播占比 = 范围内已发布内容中直播的条数 ÷ 已发布条数（内容形式结构，方案基线：95% 为竖屏短视频）。默认目标 ≥ 10%（假设，由主管按月设定）',
    compute: formatShare('livestream'),
  },
  imageTextShare: {
    key: 'imageTextShare',
    assumed: true,
    label: '图文占比',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.1,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['items'],
    formula: '图文占比 = 范围内已发布内容中图文的条数 ÷ 已发布条数（内容形式结构）。默认目标 ≥ 10%（假设，由主管按月设定）',
    compute: formatShare('image_text'),
  },
}
