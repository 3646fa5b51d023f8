import { LAYER_LABELS } from '../content/schemas'
import { addDays } from '../time/china'
import { DEFAULT_TOLERANCE, rate } from './kpi'
import { followerTotal, latestDay, latestOf, periodSums, publishedIn, yuanPerOrder } from './kpiData'
import { firstPassByGate, firstPassRate } from './firstPass'
import { countKpi, formatShare, INTRO_LAYER, organic, paid, ratioKpi, type KpiDef } from './kpiDef'
import { pathOn } from './conversionPath'
import { liveConversion, sessionsNote } from './liveSessions'
import type { KpiKey } from './schemas'

/** The KPI table's auxiliary rows (辅助目标, reviewed each month by default). */
export const AUXILIARY_KPI_DEFS = {
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
  paidGrowthRate: {
    key: 'paidGrowthRate',
    assumed: true,
    label: '付费增长率',
    unit: 'ratio',
    unitWord: '',
    direction: 'lower',
    // (35% ÷ 60%) × 40%: the paid pace at which organic growth at its 35% target is 60% of all new followers (投流占比 ≤ 40%).
    target: 0.233,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['posts'],
    formula: '付费增长率 = 范围内投流新增关注 ÷ 范围开始时的粉丝总数（开始前最近一次填报）；没有开始总数时不计算。默认目标每月 ≤ 23.3%（假设：方案未给数值，按自然增长率 35% 与投流占比 ≤ 40% 推出：35% ÷ 60% × 40%），越低越依赖自然增长；其他范围按 30 天一个月复利折算',
    numerator: { plus: ['newFollowersPaid'] },
    compute(data, p) {
      const start = followerTotal(data.rollups, addDays(p.from, -1))
      const { get, latest } = periodSums(data.rollups, p)
      const asOf = latestOf(latest, ['posts'])
      return { value: start && asOf ? rate(paid(get), start.total) : null, asOf }
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
    formula: '直播转化率按场计算：每场 = 订单数 ÷ 观看人数。卡片显示范围内各场的中位数，并注明转化率达到目标（默认 ≥ 8%）的场次占比；观看人数为 0 的场次不计入',
    compute: liveConversion,
    note: (data, p, target) => sessionsNote(data, p, target, 'higher'),
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
  firstPassRate: {
    key: 'firstPassRate',
    assumed: true,
    label: '内容合格率',
    unit: 'ratio',
    unitWord: '',
    direction: 'higher',
    target: 0.7,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['reviews'],
    formula:
      '内容合格率 = 范围内各审核关卡首次结论为「通过」的次数 ÷ 首次结论次数（按结论日期，北京时间）。每条内容在每一关只计第一次结论：通过，或要求修改；修改后重新提交再审的结论不计入。需多人会签的关卡，以全部通过或第一次要求修改为结论。默认目标 ≥ 70%（假设：方案写「+70%」，此处理解为一次通过率 70%，由主管按月设定）',
    compute: firstPassRate,
    parts: { title: '各关卡', compute: firstPassByGate },
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
  pathSteps: {
    key: 'pathSteps',
    assumed: true,
    label: '转化路径步数',
    unit: 'count',
    unitWord: '步',
    direction: 'lower',
    target: 3,
    tolerance: DEFAULT_TOLERANCE,
    reviewedEvery: 'month',
    sources: ['path'],
    formula: '转化路径步数 = 团队记录的从关注到下单的路径步数（按范围最后一天生效的版本），越少越好。方案：8 步 → ≤ 3 步，未给期限；默认目标 ≤ 3 步（终值），由主管按月设定阶段目标前不做周判定（假设）',
    compute(data, p) {
      const path = pathOn(data.paths, p.to)
      return { value: path ? path.steps.length : null, asOf: path ? path.day : null }
    },
  },
} satisfies Partial<Record<KpiKey, KpiDef>>
