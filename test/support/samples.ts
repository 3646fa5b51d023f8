// One valid input per action, built from a world. The authorization matrix and the fuzz test read
// this; a new action without a sample fails to compile (and the matrix test fails at run time).
import type { Contracts, InputOf } from '../../core/api'
import type { World } from './world'
import { dayKey } from '../../core/time/china'

type Samples = { [F in keyof Contracts]: { [A in keyof Contracts[F]]: (w: World) => InputOf<Contracts[F][A]> } }

export const samples: Samples = {
  team: {
    ping: () => ({}),
    me: () => ({}),
    createTeam: () => ({ name: '新的团队', memberName: '新人', department: 'other' }),
    joinTeam: (w) => ({ code: w.inviteCode, name: '新成员', department: 'sales' }),
    updateProfile: () => ({ name: '改过的名字', department: 'tech' }),
    listMembers: () => ({}),
    createInvite: () => ({ role: 'field', ttlHours: 24 }),
    listInvites: () => ({}),
    revokeInvite: (w) => ({ code: w.inviteCode }),
    setMemberRoles: (w) => ({ memberId: w.memberId.field, roles: ['field', 'operator'], version: w.memberVersion.field }),
    removeMember: (w) => ({ memberId: w.memberId.field }),
    listAudit: (w) => ({ memberId: w.memberId.owner, area: 'team', action: 'createInvite', limit: 20 }),
    exportTeamData: () => ({}),
  },
  content: {
    createItem: (w) => ({ title: '新品开箱', format: 'short_video', layer: 'intro', category: 'brand', ownerId: w.memberId.operator, plannedAt: inDays(3) }),
    updateItem: (w) => ({ id: w.itemId, version: w.itemVersion, title: '门店店长的一天（修订）' }),
    rescheduleItem: (w) => ({ id: w.itemId, version: w.itemVersion, plannedAt: inDays(4), reason: '配合新品上市' }),
    archiveItem: (w) => ({ id: w.itemId, version: w.itemVersion }),
    markPublished: (w) => ({ id: w.itemId, version: w.itemVersion }),
    setMonthTheme: () => ({ month: '2026-12', theme: '年终回馈' }),
    getItem: (w) => ({ id: w.itemId }),
    monthView: () => ({ month: '2026-12' }),
    weekView: () => ({ day: '2026-12-02' }),
    dayItems: () => ({ day: '2026-12-02' }),
    listIdeas: () => ({ q: '问题' }),
    mixStats: () => ({ from: '2026-12-01', to: '2026-12-31' }),
    exportCsv: () => ({ from: '2026-12-01', to: '2026-12-31' }),
    owners: () => ({}),
    listMeetings: () => ({ kind: 'topic' }),
    getMeeting: (w) => ({ id: w.meetingId }),
    openMeeting: () => ({ kind: 'planning', day: dayKey(new Date()) }),
    updateMeeting: (w) => ({ id: w.meetingId, version: w.meetingVersion, notes: '讨论了下周的三个选题' }),
    saveDecision: (w) => ({ meetingId: w.meetingId, decisionId: w.decisionId, text: '门店实拍素材收集（加急）', ownerId: w.memberId.field, dueDay: dayKey(new Date(inDays(2))) }),
    removeDecision: (w) => ({ meetingId: w.meetingId, decisionId: w.decisionId }),
    scheduleIdeas: (w) => ({ meetingId: w.meetingId, ideas: [{ itemId: w.ideaId, day: dayKey(new Date(inDays(3))) }] }),
    setReviewPlan: (w) => ({ meetingId: w.meetingId, month: '2026-12', layerShares: { intro: 40, value: 40, story: 20 }, theme: '年终回馈' }),
    endMeeting: (w) => ({ id: w.meetingId, version: w.meetingVersion }),
    myTasks: () => ({}),
    completeTask: (w) => ({ id: w.taskId }),
    reopenTask: (w) => ({ id: w.taskId }),
    getRetrospective: (w) => ({ id: w.retrospectiveId }),
    saveRetrospective: (w) => ({ id: w.retrospectiveId, version: 0, worked: '前三秒直接展示滤芯对比，停留明显变长', change: '结尾的引导关注太弱', tags: ['开箱', '对比'], outcome: 'above' }),
    listCases: () => ({ q: '滤芯', outcome: 'above', offset: 0, limit: 20 }),
  },
  review: {
    listFlows: () => ({}),
    getFlow: () => ({ format: 'livestream' }),
    updateFlow: () => ({
      format: 'livestream',
      version: 0,
      gates: [
        { key: 'topic', name: '选题', reviewers: { roles: ['manager'], memberIds: [] }, mode: 'any', slaHours: 24 },
        { key: 'final', name: '终审', reviewers: { roles: ['manager', 'admin'], memberIds: [] }, mode: 'all', slaHours: 12 },
      ],
    }),
    startProduction: (w) => ({ itemId: w.itemId }),
    submitVersion: (w) => ({ itemId: w.reviewItemId, version: w.reviewVersion, text: '选题：补充用户原话', links: ['https://example.com/brief'], fileIds: ['cloud://local/brief.png'], note: '补充了素材' }),
    approve: (w) => ({ itemId: w.reviewItemId, version: w.reviewVersion, comment: '选题可以' }),
    requestChanges: (w) => ({ itemId: w.reviewItemId, version: w.reviewVersion, comment: '标题再具体一点', versionNo: 1 }),
    addComment: (w) => ({ itemId: w.reviewItemId, comment: '可以参考上周的评论区', versionNo: 1 }),
    getProduction: (w) => ({ itemId: w.reviewItemId }),
    versions: (w) => ({ itemId: w.reviewItemId }),
    timeline: (w) => ({ itemId: w.reviewItemId }),
    inbox: () => ({}),
    notifications: () => ({ offset: 0 }),
    markRead: () => ({ all: true }),
    itemCycle: (w) => ({ itemId: w.reviewItemId }),
    cycleStats: () => ({ from: '2026-11-01', to: '2026-11-30' }),
  },
  results: {
    logSnapshot: (w) => ({ itemId: w.publishedItemId, date: today(), metrics: { plays: 1200, completions: 420, likes: 90, comments: 30, shares: 40, favorites: 20 } }),
    correctSnapshot: () => ({ snapshotId: 'no-such-snapshot', metrics: { plays: 1000 }, reason: '看错了一位数' }),
    itemHistory: (w) => ({ itemId: w.publishedItemId }),
    pendingToday: () => ({ withinDays: 7 }),
    logLive: (w) => ({ itemId: w.liveItemId, startAt: hoursAgo(3), endAt: hoursAgo(1), uniqueViewers: 800, peakConcurrent: 120, newFollowers: 30, orders: 64, gmvFen: 1_280_000 }),
    logLeads: (w) => ({ date: today(), channel: 'wecom', count: 3, itemId: w.publishedItemId }),
    correctLive: () => ({ liveId: 'no-such-live', startAt: hoursAgo(3), endAt: hoursAgo(1), uniqueViewers: 900, peakConcurrent: 120, newFollowers: 30, orders: 64, gmvFen: 1_280_000, reason: '观看人数看错了' }),
    correctLeads: () => ({ leadId: 'no-such-lead', count: 3, reason: '重复填报了' }),
    recentLives: () => ({ withinDays: 30 }),
    recentLeads: () => ({ withinDays: 14 }),
    logFollowers: () => ({ date: today(), total: 52_000 }),
    importPreview: (w) => ({ date: today(), rows: [{ title: w.publishedTitle, plays: 1500, likes: 100, completionRate: 0.36 }] }),
    importConfirm: (w) => ({ fileName: '数据中心导出.csv', rows: [{ itemId: w.publishedItemId, date: today(), metrics: { plays: 1500, likes: 100 } }] }),
    rollups: () => ({ from: '2026-11-01', to: '2026-11-30' }),
    rebuildRollups: () => ({}),
  },  analytics: {
    dashboard: () => ({ range: 'week' }),
    kpiDetail: () => ({ kpi: 'completionRate', range: { range: 'month' } }),
    funnel: () => ({ range: { range: 'month' }, format: 'short_video' }),
    growth: () => ({ range: { range: 'month' } }),
    targets: () => ({}),
    setTarget: () => ({ kpi: 'completionRate', value: 0.45, tolerance: 0.1, reason: '本季度先追平行业均值', version: 0 }),
    planTarget: () => ({ kpi: 'completionRate', value: 0.55, tolerance: 0.1, reason: '下季度对标行业头部', version: 0 }),
    setKpiSetting: () => ({ kpi: 'paidShare', reviewedEvery: 'quarter', ownerId: null, reason: '投流占比关系到季度预算，改为核心目标' }),
    setBaseline: () => ({ kpi: 'likeRate', value: 0.05, reason: '计划开始前的点赞率见去年台账' }),
    conversionPath: () => ({}),
    setConversionPath: () => ({ steps: ['关注', '私信咨询', '下单'] }),
    targetHistory: () => ({ kpi: 'completionRate' }),
    logSpend: () => ({ date: today(), amountFen: 50_000 }),
    alerts: () => ({}),
    analyses: () => ({}),
    analysis: () => ({ id: 'no-such-analysis' }),
    closeAnalysis: () => ({ id: 'no-such-analysis', findings: '完播率下滑来自开头 3 秒流失', decision: 'keep', version: 0 }),
    reportEvent: () => ({ kind: 'platform', description: '平台调整推荐规则，短视频完播权重上升', kpis: ['completionRate'] }),
    reports: () => ({}),
    report: () => ({ id: 'no-such-report' }),
    generateReport: () => ({ kind: 'daily', day: dayKey(new Date(Date.now() - 86_400_000)) }),
    exportReport: () => ({ id: 'no-such-report' }),
  },

  research: {
    // A/B experiments
    experiments: () => ({ status: 'running' }),
    experiment: () => ({ id: 'no-such-experiment' }),
    planExperiment: () => ({ metric: 'completionRate', mde: 0.05, baseline: 0.35 }),
    createExperiment: (w) => ({
      title: '封面测试',
      hypothesis: '人物封面比产品封面完播率更高',
      variable: '封面',
      metric: 'completionRate',
      guardrail: 'interactionRate',
      mde: 0.05,
      baseline: 0.35,
      variants: [
        { name: '产品封面', source: 'items', itemIds: [w.publishedItemId] },
        { name: '人物封面', source: 'items', itemIds: [w.itemId] },
      ],
    }),
    updateExperiment: () => ({
      id: 'no-such-experiment',
      version: 0,
      title: '推送时机',
      hypothesis: '发布后 3 分钟推送打开率更高',
      variable: '推送时机',
      metric: 'openRate',
      mde: 0.05,
      baseline: 0.1,
      dailySends: 200,
      variants: [{ name: '3 分钟', source: 'counts' }, { name: '24 小时', source: 'counts' }],
    }),
    startExperiment: () => ({ id: 'no-such-experiment', version: 0 }),
    endExperiment: () => ({ id: 'no-such-experiment', version: 0 }),
    logVariantCounts: () => ({ experimentId: 'no-such-experiment', variantKey: 'A', day: today(), sent: 100, opened: 12 }),
    decideExperiment: () => ({ id: 'no-such-experiment', version: 0, choice: 'adopt', variantKey: 'B', learning: '发布后 3 分钟推送效果更好' }),
    // competitor watch
    competitors: () => ({}),
    addCompetitor: () => ({ name: '同城净水小王', kind: 'peer', note: '主打上门安装' }),
    updateCompetitor: () => ({ id: 'no-such-competitor', version: 0, kind: 'benchmark' }),
    logCompetitorWeek: () => ({ competitorId: 'no-such-competitor', followers: 12_000, posts: 5, bestLikes: 320 }),
    competitorComparison: () => ({ weeks: 8 }),
  },

  steering: {
    // risk register and radar
    risks: () => ({}),
    risk: () => ({ id: 'no-such-risk' }),
    createRisk: (w) => ({ category: 'policy', title: '平台内容审核趋严', likelihood: 2, impact: 4, ownerId: w.memberId.manager, plan: '建立发布前合规自查', trigger: '完播率连续两周红', signal: 'kpi', kpi: 'completionRate', reviewDay: today() }),
    proposeRisk: () => ({ category: 'fatigue', title: '同类选题过多导致审美疲劳', likelihood: 3, impact: 3, reviewDay: today() }),
    updateRisk: () => ({ id: 'no-such-risk', version: 0, plan: '每月轮换栏目' }),
    changeRiskScore: () => ({ id: 'no-such-risk', version: 0, likelihood: 4, impact: 4, reason: '完播率连续两周红' }),
    changeRiskStatus: () => ({ id: 'no-such-risk', version: 0, status: 'closed' }),
    acceptRiskSuggestion: () => ({ id: 'no-such-suggestion', riskVersion: 0 }),
    dismissRiskSuggestion: () => ({ id: 'no-such-suggestion' }),
    checkRiskSignals: () => ({}),
    // budget
    budget: () => ({ year: 2026 }),
    setBudgetPlan: () => ({ year: 2026, month: 12, amounts: { promo_ads: 500_000, people_fixed: 3_000_000 } }),
    adjustBudget: () => ({ year: 2026, month: 12, category: 'promo_ads', amountFen: 800_000, reason: '双十二加投' }),
    logBudgetSpend: () => ({ date: today(), category: 'promo_kol', amountFen: 120_000 }),
    // team plan and phases
    phasePlan: () => ({}),
    startPhasePlan: () => ({ startDay: today() }),
    updateMilestone: (w) => ({ id: 'no-such-milestone', version: 0, status: 'done', ownerId: w.memberId.manager, note: '已完成' }),
    addMilestone: (w) => ({ phase: 'launch', title: '工具与账号就绪', ownerId: w.memberId.operator, dueDay: today() }),
    closePhase: () => ({ phase: 'launch', wentWell: '团队两周内到位', toChange: '立项材料准备得更早' }),
  },
}

function today(): string {
  return dayKey(new Date())
}

function hoursAgo(n: number): string {
  return new Date(Date.now() - n * 3600_000).toISOString()
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86400_000).toISOString()
}
