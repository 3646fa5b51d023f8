// research's A/B experiment actions through the local cloud: a push-timing test from draft to decision,
// a content test whose numbers come from logged snapshots, refusals that name their field and write
// nothing, who may do what, and the list's bounded cost.
import type { ExperimentPage, ExperimentView, PlanView, VariantView } from '../../core/research/experiments'
import { sampleSizePerVariant } from '../../core/research/stats'
import { verdictOf } from '../../core/research/verdict'
import { addDays, dayKey } from '../../core/time/china'
import { createTestCloud, type TestCloud } from '../../test/support/cloud'
import { buildWorld, ok, type World } from '../../test/support/world'
import { EXPERIMENT_COUNTS, ITEMS } from '../common/db/collections'
import { newItemRecord } from '../common/db/content'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

const today = () => dayKey(new Date())
const ago = (n: number) => addDays(today(), -n)
let seq = 0
const rid = () => `x-${Date.now()}-${seq++}`
const call = (who: string, action: string, data: unknown, requestId = rid()) => cloud.call('research', who, { action, data, requestId })
async function research<T>(who: string, action: string, data: unknown, requestId?: string): Promise<T> {
  const res = await call(who, action, data, requestId)
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
  return res.data as T
}

const pushTest = {
  title: '推送时机',
  hypothesis: '发布后 3 分钟推送比 24 小时后打开率更高',
  variable: '推送时机',
  metric: 'openRate',
  mde: 0.05,
  baseline: 0.1,
  dailySends: 200,
  variants: [
    { name: '3 分钟', source: 'counts' },
    { name: '24 小时', source: 'counts' },
  ],
}

function publishedItem(w: World, title: string): string {
  const at = new Date(Date.now() - 3 * 86400_000)
  const id = `ex_${w.teamA}_${seq++}`.slice(0, 64)
  const item = newItemRecord({ _id: id, teamId: w.teamA, title, format: 'short_video', layer: 'value', category: 'brand', ownerId: w.memberId.operator, plannedAt: at, createdBy: w.memberId.operator, now: at })
  cloud.store.insert(ITEMS, [{ ...item, status: 'published', publishedAt: at, day: dayKey(at) }] as never)
  return id
}

const countsIn = (teamId: string) => cloud.store.find(EXPERIMENT_COUNTS, { query: { teamId } })

describe('a push-timing experiment, from draft to decision', () => {
  let w: World
  let x: ExperimentView
  beforeAll(async () => {
    w = await buildWorld(cloud)
  })

  test('planning with an entered baseline gives the sample per variant and the days at the entered daily pushes', async () => {
    const plan = await research<PlanView>(w.openid.operator, 'planExperiment', { metric: 'openRate', mde: 0.05, baseline: 0.1, dailySends: 200 })
    const need = sampleSizePerVariant(0.1, 0.05)!
    expect(plan).toMatchObject({ baseline: 0.1, baselineSource: 'entered', needPerVariant: need, estimatedDays: Math.ceil((need * 2) / 200), dailyTrials: 200 })
    expect(plan.needText).toContain('次推送')
  })

  test('without a baseline the plan says so and has no sample size', async () => {
    const plan = await research<PlanView>(w.openid.operator, 'planExperiment', { metric: 'openRate', mde: 0.05 })
    expect(plan).toMatchObject({ baseline: null, needPerVariant: null, estimatedDays: null, needText: '—', daysText: '—' })
  })

  test('an operator creates the draft: variants A (control) and B, the plan stored with it', async () => {
    x = await research<ExperimentView>(w.openid.operator, 'createExperiment', pushTest)
    expect(x).toMatchObject({ status: 'draft', statusLabel: '草稿', metricLabel: '打开率', plan: { needPerVariant: sampleSizePerVariant(0.1, 0.05) } })
    expect(x.variants.map((v) => [v.key, v.name, v.control])).toEqual([['A', '3 分钟', true], ['B', '24 小时', false]])
    expect(x.stateLine).toMatch(/^草稿 · 每组需 /)
  })

  test('counts cannot be logged before it starts', async () => {
    const res = await call(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'A', day: today(), sent: 10, opened: 1 })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', message: '实验：还没有开始，不能录入' }) })
  })

  test('the draft is edited, then started', async () => {
    x = await research<ExperimentView>(w.openid.operator, 'updateExperiment', { ...pushTest, id: x.id, version: x.version, hypothesis: '3 分钟推送打开率更高' })
    expect(x.hypothesis).toBe('3 分钟推送打开率更高')
    x = await research<ExperimentView>(w.openid.operator, 'startExperiment', { id: x.id, version: x.version })
    expect(x).toMatchObject({ status: 'running', startDay: today(), verdict: { state: 'noData' } })
    const again = await call(w.openid.operator, 'updateExperiment', { ...pushTest, id: x.id, version: x.version })
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', message: '实验已开始，只有草稿可以修改' }) })
  })

  test('field staff log counts; the same requestId twice writes once', async () => {
    const entry = { experimentId: x.id, variantKey: 'A', day: today(), sent: 300, opened: 40 }
    const first = await research<VariantView>(w.openid.field, 'logVariantCounts', entry, 'same-request-1')
    const second = await research<VariantView>(w.openid.field, 'logVariantCounts', entry, 'same-request-1')
    expect(second).toEqual(first)
    expect(first).toMatchObject({ key: 'A', successes: 40, trials: 300, lastEntry: { day: today(), sent: 300, opened: 40, byName: '成员field' } })
    expect(countsIn(w.teamA)).toHaveLength(1)
  })

  test('a later entry for the same variant and day supersedes the one in force; both are kept', async () => {
    await research(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'A', day: today(), sent: 320, opened: 45 })
    await research(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'A', day: ago(0), sent: 320, opened: 44 })
    await research(w.openid.operator, 'logVariantCounts', { experimentId: x.id, variantKey: 'B', day: today(), sent: 310, opened: 25 })
    x = await research<ExperimentView>(w.openid.field, 'experiment', { id: x.id })
    expect(x.variants.map((v) => [v.successes, v.trials])).toEqual([[44, 320], [25, 310]])
    const facts = countsIn(w.teamA) as unknown as { _id: string; supersedes: string | null; variantKey: string }[]
    expect(facts).toHaveLength(4)
    const a = facts.filter((f) => f.variantKey === 'A')
    expect(a.filter((f) => !a.some((o) => o.supersedes === f._id))).toHaveLength(1) // one in force, two superseded
  })

  test('the verdict through the action equals verdictOf on the same counts', async () => {
    const expected = verdictOf({
      metricLabel: '打开率',
      variants: [
        { key: 'A', name: '3 分钟', counts: { successes: 44, trials: 320 }, planned: 1 },
        { key: 'B', name: '24 小时', counts: { successes: 25, trials: 310 }, planned: 1 },
      ],
      needPerVariant: sampleSizePerVariant(0.1, 0.05),
      evenSplit: true,
    })
    expect(x.verdict).toEqual(expected)
    expect(x.stateLine).toBe(`进行中 · 样本 ${Math.floor(expected.progress * 100)}% · 暂无结论`)
  })

  test('it ends, then only a manager records the decision, with its learning', async () => {
    x = await research<ExperimentView>(w.openid.operator, 'endExperiment', { id: x.id, version: x.version })
    expect(x).toMatchObject({ status: 'ended', endDay: today() })
    const late = await call(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'A', day: today(), sent: 1, opened: 1 })
    expect(late).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', message: '实验：已结束，不能录入' }) })
    const byOperator = await call(w.openid.operator, 'decideExperiment', { id: x.id, version: x.version, choice: 'adopt', variantKey: 'A', learning: '3 分钟更好' })
    expect(byOperator).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    const noLearning = await call(w.openid.manager, 'decideExperiment', { id: x.id, version: x.version, choice: 'adopt', variantKey: 'A', learning: ' ' })
    expect(noLearning).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'learning', message: expect.stringMatching(/^结论与经验：/) })] }) })
    x = await research<ExperimentView>(w.openid.manager, 'decideExperiment', { id: x.id, version: x.version, choice: 'adopt', variantKey: 'A', learning: '发布后 3 分钟推送，打开率更高' })
    expect(x.decision).toMatchObject({ choice: 'adopt', choiceLabel: '采用', variantKey: 'A', byName: '成员manager', learning: '发布后 3 分钟推送，打开率更高' })
    expect(x.stateLine).toBe('已结束 · 采用 A（3 分钟）')
  })

  test('the list shows it under 已结束 with its one line', async () => {
    const page = await research<ExperimentPage>(w.openid.field, 'experiments', { status: 'ended' })
    expect(page.list.map((e) => [e.title, e.stateLine])).toEqual([['推送时机', '已结束 · 采用 A（3 分钟）']])
    expect((await research<ExperimentPage>(w.openid.field, 'experiments', { status: 'running' })).list).toEqual([])
  })
})

describe('a content experiment reads its numbers from logged snapshots', () => {
  test('each variant sums its items\' latest snapshots that know the metric; the baseline comes from the rollups', async () => {
    const w = await buildWorld(cloud)
    const a1 = publishedItem(w, '产品封面一')
    const a2 = publishedItem(w, '产品封面二')
    const b1 = publishedItem(w, '人物封面')
    const snap = (itemId: string, date: string, metrics: Record<string, number>) => ok(cloud, 'results', w.openid.field, 'logSnapshot', { itemId, date, metrics })
    await snap(a1, ago(2), { plays: 100, completions: 30, likes: 5 })
    await snap(a1, ago(1), { plays: 200, completions: 70, likes: 9 })
    await snap(a2, ago(1), { plays: 50, completions: 10 })
    await snap(a2, today(), { plays: 60 }) // plays alone: the item's completion rate reads its last snapshot that knows completions
    await snap(b1, ago(1), { plays: 300, completions: 150, likes: 30, shares: 6 })
    const plan = await research<PlanView>(w.openid.operator, 'planExperiment', { metric: 'completionRate', mde: 0.05, baseline: 0.5 })
    // Rollups of the last 28 days up to yesterday: a1 200/70, a2 50/10, b1 300/150.
    expect(plan).toMatchObject({ baselineSource: 'rollups', baseline: 230 / 550 })
    const x = await research<ExperimentView>(w.openid.operator, 'createExperiment', {
      title: '封面测试',
      hypothesis: '人物封面完播率更高',
      variable: '封面',
      metric: 'completionRate',
      guardrail: 'interactionRate',
      mde: 0.05,
      variants: [
        { name: '产品封面', source: 'items', itemIds: [a1, a2] },
        { name: '人物封面', source: 'items', itemIds: [b1] },
      ],
    })
    expect(x.variants.map((v) => [v.successes, v.trials, v.items.map((i) => i.title)])).toEqual([
      [80, 250, ['产品封面一', '产品封面二']],
      [150, 300, ['人物封面']],
    ])
    expect(x.guardrailVerdict?.variants.map((v) => [v.successes, v.trials])).toEqual([[9, 200], [36, 300]])
    const counts = await call(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'A', day: today(), sent: 1, opened: 0 })
    expect(counts).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION' }) })
  })
})

describe('refusals name the field in Chinese and write nothing', () => {
  let w: World
  let running: ExperimentView
  beforeAll(async () => {
    w = await buildWorld(cloud)
    const x = await research<ExperimentView>(w.openid.operator, 'createExperiment', pushTest)
    running = await research<ExperimentView>(w.openid.operator, 'startExperiment', { id: x.id, version: x.version })
  })

  const cases: [string, string, (w: World, id: string) => unknown, string, string][] = [
    ['opened above sent', 'logVariantCounts', (_w, id) => ({ experimentId: id, variantKey: 'A', day: today(), sent: 10, opened: 11 }), 'opened', '打开：不能大于推送（10）'],
    ['a day in the future', 'logVariantCounts', (_w, id) => ({ experimentId: id, variantKey: 'A', day: addDays(today(), 1), sent: 10, opened: 1 }), 'day', `日期：不能晚于今天（${today()}）`],
    ['a day before the start', 'logVariantCounts', (_w, id) => ({ experimentId: id, variantKey: 'B', day: ago(1), sent: 10, opened: 1 }), 'day', `日期：不能早于实验开始日（${today()}）`],
    ['a variant it does not have', 'logVariantCounts', (_w, id) => ({ experimentId: id, variantKey: 'C', day: today(), sent: 10, opened: 1 }), 'variantKey', '实验组：实验没有这一组'],
    ['one variant only', 'createExperiment', () => ({ ...pushTest, variants: pushTest.variants.slice(0, 1) }), 'variants', '实验组：至少两组'],
    ['打开率 on content items', 'createExperiment', (w) => ({ ...pushTest, variants: [{ name: '甲', source: 'items', itemIds: [w.publishedItemId] }, pushTest.variants[1]] }), 'variants.0.source', '数据来源：打开率要用推送计数'],
    ['a guardrail equal to the metric', 'createExperiment', () => ({ ...pushTest, guardrail: 'openRate' }), 'guardrail', '护栏指标：不能与主要指标相同'],
    ['an item of nowhere', 'createExperiment', (w) => ({ ...pushTest, metric: 'completionRate', variants: [{ name: '甲', source: 'items', itemIds: ['nope'] }, { name: '乙', source: 'items', itemIds: [w.publishedItemId] }] }), 'variants.0.itemIds.0', '内容：找不到这条内容（可能已归档）'],
    ['no title', 'createExperiment', () => ({ ...pushTest, title: '' }), 'title', '实验名称：不能为空'],
  ]
  test.each(cases)('%s', async (_name, action, input, path, message) => {
    const before = cloud.snapshot(w.teamA)
    const res = await call(w.openid.operator, action, input(w, running.id))
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: [expect.objectContaining({ path, message })] }) })
    expect(cloud.snapshot(w.teamA)).toBe(before)
  })
})

describe('who may do what', () => {
  test('field staff read and log counts but cannot create, start or plan', async () => {
    const w = await buildWorld(cloud)
    expect(await call(w.openid.field, 'createExperiment', pushTest)).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    expect(await call(w.openid.field, 'planExperiment', { metric: 'openRate', mde: 0.05 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    const x = await research<ExperimentView>(w.openid.manager, 'createExperiment', pushTest)
    expect(await call(w.openid.field, 'startExperiment', { id: x.id, version: x.version })).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    await research(w.openid.admin, 'startExperiment', { id: x.id, version: x.version })
    const logged = await research<VariantView>(w.openid.field, 'logVariantCounts', { experimentId: x.id, variantKey: 'B', day: today(), sent: 50, opened: 5 })
    expect(logged).toMatchObject({ key: 'B', trials: 50, successes: 5 })
  })
})

describe('the list costs a bounded number of requests', () => {
  async function listCost(n: number): Promise<{ requests: number; shown: number }> {
    const w = await buildWorld(cloud)
    const item = publishedItem(w, '测试内容')
    for (let i = 0; i < n; i++) {
      const body =
        i % 2
          ? pushTest
          : { ...pushTest, metric: 'completionRate', baseline: 0.3, variants: [{ name: '甲', source: 'items', itemIds: [item] }, { name: '乙', source: 'items', itemIds: [w.publishedItemId] }] }
      const x = await research<ExperimentView>(w.openid.operator, 'createExperiment', { ...body, title: `实验 ${i}` })
      await research(w.openid.operator, 'startExperiment', { id: x.id, version: x.version })
    }
    cloud.store.resetStats()
    const page = await research<ExperimentPage>(w.openid.field, 'experiments', { status: 'running' })
    return { requests: cloud.store.stats().requests, shown: page.list.length }
  }

  test('4 requests for 3 experiments and for 25 (a page of 10)', async () => {
    const few = await listCost(3)
    const many = await listCost(25)
    expect(few).toEqual({ requests: 4, shown: 3 })
    expect(many).toEqual({ requests: 4, shown: 10 })
  }, 60_000)
})
