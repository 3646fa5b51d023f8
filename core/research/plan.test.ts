import { pointsText } from './experiments'
import { baselineOf, dailyOf, planOf, stateLine } from './plan'
import { sampleSizePerVariant } from './stats'

describe('baselineOf', () => {
  test('a measured baseline wins over the entered one', () => {
    expect(baselineOf({ successes: 35, trials: 100 }, 0.5)).toEqual({ baseline: 0.35, baselineSource: 'rollups' })
  })
  test('nothing measured: the entered one, else none', () => {
    expect(baselineOf({ successes: 0, trials: 0 }, 0.5)).toEqual({ baseline: 0.5, baselineSource: 'entered' })
    expect(baselineOf(null, null)).toEqual({ baseline: null, baselineSource: null })
  })
})

describe('planOf', () => {
  const base = { metric: 'openRate', mde: 0.05, variants: 2, baseline: 0.1, baselineSource: 'entered', dailyTrials: 100 } as const

  test('the sample per variant is the two-proportion test\'s, the days cover every variant\'s sample', () => {
    const need = sampleSizePerVariant(0.1, 0.05)!
    const p = planOf(base)
    expect(p).toMatchObject({ needPerVariant: need, estimatedDays: Math.ceil((need * 2) / 100), dailyTrials: 100 })
    expect(p.needText).toBe(`每组约需 ${need.toLocaleString('en-US')} 次推送`)
    expect(p.baselineText).toBe('打开率基线 10.0%（手动填写）')
  })
  test('three variants take half as long again as two', () => {
    expect(planOf({ ...base, variants: 3, dailyTrials: 1 }).estimatedDays).toBe(planOf({ ...base, dailyTrials: 1 }).estimatedDays! * 1.5)
  })
  test('unknown numbers read "—"', () => {
    expect(planOf({ ...base, dailyTrials: null })).toMatchObject({ estimatedDays: null, daysText: '—' })
    expect(planOf({ ...base, baseline: null, baselineSource: null })).toMatchObject({ needPerVariant: null, needText: '—', daysText: '—', baselineText: '打开率基线：请填写' })
    expect(planOf({ ...base, metric: 'completionRate', baseline: null, baselineSource: null }).baselineText).toBe('完播率基线：近 28 天没有数据，请填写')
  })
  test('items metrics count plays', () => {
    expect(planOf({ ...base, metric: 'completionRate', baseline: 0.35, baselineSource: 'rollups' }).needText).toMatch(/次播放$/)
  })
})

test('dailyOf averages trials over the days, none without trials', () => {
  expect(dailyOf({ successes: 0, trials: 1400 }, 14)).toBe(100)
  expect(dailyOf({ successes: 0, trials: 0 }, 14)).toBeNull()
  expect(dailyOf(null, 14)).toBeNull()
})

test('pointsText says the difference in percentage points', () => {
  expect(pointsText(0.05)).toBe('5 个百分点')
  expect(pointsText(0.025)).toBe('2.5 个百分点')
})

describe('stateLine', () => {
  const names = { A: '3 分钟', B: '24 小时' }
  const v = (state: 'noData' | 'insufficient' | 'significant' | 'notSignificant', progress: number, winner: string | null = null) => ({
    state,
    stateLabel: { noData: '暂无数据', insufficient: '样本不足', significant: '显著', notSignificant: '不显著' }[state],
    progress,
    winner,
    needPerVariant: 700,
  })
  test('running below the sample: its share and no conclusion', () => {
    expect(stateLine({ status: 'running', verdict: v('insufficient', 0.62), variantNames: names, decision: null })).toBe('进行中 · 样本 62% · 暂无结论')
  })
  test('running with the sample reached: the winner, or 不显著', () => {
    expect(stateLine({ status: 'running', verdict: v('significant', 1, 'B'), variantNames: names, decision: null })).toBe('进行中 · 样本 100% · B 胜出')
    expect(stateLine({ status: 'running', verdict: v('notSignificant', 1.4), variantNames: names, decision: null })).toBe('进行中 · 样本 100% · 不显著')
  })
  test('ended: the decision, or waiting for one', () => {
    expect(stateLine({ status: 'ended', verdict: null, variantNames: names, decision: { choice: 'adopt', variantKey: 'B' } })).toBe('已结束 · 采用 B（24 小时）')
    expect(stateLine({ status: 'ended', verdict: null, variantNames: names, decision: { choice: 'retest', variantKey: null } })).toBe('已结束 · 再测')
    expect(stateLine({ status: 'ended', verdict: v('notSignificant', 1), variantNames: names, decision: null })).toBe('已结束 · 样本 100% · 不显著 · 待决策')
  })
  test('a draft: the sample it will need', () => {
    expect(stateLine({ status: 'draft', verdict: v('noData', 0), variantNames: names, decision: null })).toBe('草稿 · 每组需 700')
  })
})

test('the push-timing plan of the fixtures: 10% baseline, 5 points, 100 pushes a day', () => {
  expect(planOf({ metric: 'openRate', mde: 0.05, variants: 2, baseline: 0.1, baselineSource: 'entered', dailyTrials: 100 })).toMatchObject({
    needPerVariant: 686,
    estimatedDays: 14,
    needText: '每组约需 686 次推送',
    daysText: '约 14 天（按每天约 100 次推送）',
  })
})
