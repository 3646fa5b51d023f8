import { DEFAULT_TOLERANCE } from './kpi'
import { approvedDay, followerTotal, inPeriod, latestDay, publishedIn } from './kpiData'
import { countKpi, HOUR_S, interactions, ratioKpi, VIDEO_FORMAT, type KpiDef } from './kpiDef'
import type { KpiKey } from './schemas'

/** The KPI table's core rows (核心目标, reviewed each quarter by default; PRODUCT.md "Targets: periods, baselines, horizons"). */
export const CORE_KPI_DEFS = {
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
} satisfies Partial<Record<KpiKey, KpiDef>>
