import reference from './__fixtures__/stats-reference.json'
import { sampleSizePerVariant, type Counts } from './stats'
import { SRM_WARNING, verdictOf, type VariantInput } from './verdict'

const c = (successes: number, trials: number): Counts => ({ successes, trials })
const fixture = (name: string) => {
  const k = reference.cases.find((x) => x.name === name)
  if (!k) throw new Error(`no fixture case ${name}`)
  return k
}

/** The browser journey's experiment: push timing, 打开率, planned at baseline 10% and mde 5 points. */
const JOURNEY_NEED = sampleSizePerVariant(0.1, 0.05) as number
const journey = (control: Counts, variant: Counts, extra: Partial<Parameters<typeof verdictOf>[0]> = {}) =>
  verdictOf({
    metricLabel: '打开率',
    needPerVariant: JOURNEY_NEED,
    evenSplit: true,
    variants: [{ key: 'h24', name: '24 小时', counts: control }, { key: 'm3', name: '3 分钟', counts: variant }],
    ...extra,
  })

describe("the push-timing journey's fixture cases", () => {
  it('plans 686 opens per variant', () => {
    expect(JOURNEY_NEED).toBe(686)
  })

  it('below the sample: 样本不足, no winner and no significance, even though p is already under 0.05', () => {
    const k = fixture('push timing (打开率), 24 小时 vs 3 分钟, below the sample')
    const v = journey(k.control, k.variant)
    expect(k.expected.p).toBeLessThan(0.05)
    expect(v).toMatchObject({ state: 'insufficient', stateLabel: '样本不足', winner: null, progress: 300 / 686 })
    expect(v.sentence).toBe('样本不足：每组还需约 386 次（计划每组 686 次），暂不判断胜负')
    expect(v.sentence).not.toContain('显著')
  })

  it('above the sample: 显著 with 3 分钟 the winner, and the numbers of the jstat reference', () => {
    const k = fixture('push timing (打开率), 24 小时 vs 3 分钟, above the sample')
    const v = journey(k.control, k.variant)
    expect(v).toMatchObject({ state: 'significant', stateLabel: '显著', winner: 'm3', progress: 1, srm: { p: 1, warn: false } })
    expect(v.sentence).toBe('3 分钟 的打开率比 24 小时 高 8.0 个百分点（95% 区间 4.6–11.4），显著')
    const [control, variant] = v.variants
    expect(control).toMatchObject({ key: 'h24', successes: 80, trials: 800, diff: null, p: null, chanceToBeat: null })
    expect(control.rate).toBeCloseTo(k.expected.control.rate, 12)
    expect(variant.interval?.low).toBeCloseTo(k.expected.variant.low, 6)
    expect(variant.diff?.low).toBeCloseTo(k.expected.diff.low, 6)
    expect(variant.diff?.high).toBeCloseTo(k.expected.diff.high, 6)
    expect(variant.p).toBeCloseTo(k.expected.p, 9)
    expect(variant.chanceToBeat).toBeCloseTo(k.expected.chanceToBeat, 4)
  })
})

describe('states', () => {
  it('暂无数据 while a variant has no trials, naming it', () => {
    const v = journey(c(0, 0), c(10, 100), { evenSplit: false })
    expect(v).toMatchObject({ state: 'noData', stateLabel: '暂无数据', winner: null, progress: 0, srm: null })
    expect(v.sentence).toBe('暂无数据：24 小时 还没有数据')
  })

  it('样本不足 when the plan has no sample size, however large the counts', () => {
    const v = journey(c(8000, 80000), c(14400, 80000), { needPerVariant: null })
    expect(v).toMatchObject({ state: 'insufficient', winner: null, progress: 0, needPerVariant: null })
    expect(v.sentence).toBe('样本不足：实验计划没有样本量，暂不判断胜负')
  })

  it('样本不足 counts the shortfall from the smaller variant, with thousands separators', () => {
    const v = verdictOf({ metricLabel: '完播率', needPerVariant: 8394, evenSplit: false, variants: [
      { key: 'a', name: 'A', counts: c(300, 1000) }, { key: 'b', name: 'B', counts: c(700, 9000) }] })
    expect(v.sentence).toBe('样本不足：每组还需约 7,394 次（计划每组 8,394 次），暂不判断胜负')
    expect(v.progress).toBeCloseTo(1000 / 8394, 12)
  })

  it('不显著 with the interval across zero written with a minus sign', () => {
    const v = journey(c(80, 800), c(90, 800))
    expect(v).toMatchObject({ state: 'notSignificant', stateLabel: '不显著', winner: null })
    expect(v.sentence).toBe('3 分钟 的打开率比 24 小时 高 1.3 个百分点（95% 区间 −1.8–4.3），不显著')
  })

  it('不显著 for a lower variant names the amount lower, with the interval of that amount', () => {
    const v = journey(c(90, 800), c(80, 800))
    expect(v.sentence).toBe('3 分钟 的打开率比 24 小时 低 1.3 个百分点（95% 区间 −1.8–4.3），不显著')
  })

  it('不显著 at equal rates says 持平', () => {
    const v = journey(c(80, 800), c(80, 800))
    expect(v.sentence).toBe('3 分钟 的打开率与 24 小时 持平（95% 区间 −3.0–3.0 个百分点），不显著')
  })

  it('显著 with control the winner when the variant is significantly worse', () => {
    const v = journey(c(144, 800), c(80, 800))
    expect(v).toMatchObject({ state: 'significant', winner: 'h24' })
    expect(v.sentence).toBe('24 小时 的打开率比 3 分钟 高 8.0 个百分点（95% 区间 4.6–11.4），显著')
  })
})

describe('sample ratio mismatch', () => {
  const uneven = [c(80, 800), c(144, 1000)] as const

  it('warns, withholds the winner and says the result is not trustworthy when an even split came out uneven', () => {
    const v = journey(...uneven)
    expect(v.srm?.warn).toBe(true)
    expect(v.srm?.p).toBeLessThan(0.001)
    expect(v).toMatchObject({ state: 'significant', winner: null })
    expect(v.sentence).toBe(`3 分钟 的打开率比 24 小时 高 4.4 个百分点（95% 区间 1.3–7.4），显著；${SRM_WARNING}`)
    expect(v.sentence.endsWith('分流比例异常（SRM），结论不可信')).toBe(true)
  })

  it('checks against planned weights when every variant has one', () => {
    const v = verdictOf({ metricLabel: '打开率', needPerVariant: 686, evenSplit: false, variants: [
      { key: 'a', name: 'A', counts: c(80, 800), planned: 4 }, { key: 'b', name: 'B', counts: c(144, 1000), planned: 5 }] })
    expect(v.srm).toEqual({ p: 1, warn: false })
    expect(v.winner).toBe('b')
  })

  it('does not check when no split was planned', () => {
    expect(journey(...uneven, { evenSplit: false }).srm).toBeNull()
  })

  it('warns already while there is no data on one side', () => {
    const v = journey(c(0, 0), c(50, 500))
    expect(v.state).toBe('noData')
    expect(v.sentence).toBe(`暂无数据：24 小时 还没有数据；${SRM_WARNING}`)
  })
})

describe('three variants', () => {
  const three = (b: Counts, c3: Counts, need = 686) =>
    verdictOf({ metricLabel: '完播率', needPerVariant: need, evenSplit: true, variants: [
      { key: 'a', name: 'A', counts: c(100, 1000) }, { key: 'b', name: 'B', counts: b }, { key: 'c', name: 'C', counts: c3 }] as VariantInput[] })

  it('each variant is compared with control', () => {
    const v = three(c(150, 1000), c(120, 1000))
    expect(v.variants.map((x) => x.diff?.diff)).toEqual([undefined, expect.closeTo(0.05, 12), expect.closeTo(0.02, 12)])
  })

  it('names the best of the variants significantly better than control', () => {
    const v = three(c(150, 1000), c(180, 1000))
    expect(v).toMatchObject({ state: 'significant', winner: 'c' })
    expect(v.sentence).toBe('C 的完播率比 A 高 8.0 个百分点（95% 区间 5.0–11.0），显著')
  })

  it('names no winner while the variants are below the sample, though C would already be significant', () => {
    const v = three(c(150, 1000), c(180, 1000), 1200)
    expect(v).toMatchObject({ state: 'insufficient', winner: null })
    expect(v.sentence).toBe('样本不足：每组还需约 200 次（计划每组 1,200 次），暂不判断胜负')
  })

  it('is 不显著 when one variant is significantly worse and the other is not different', () => {
    const v = three(c(60, 1000), c(105, 1000))
    expect(v).toMatchObject({ state: 'notSignificant', winner: null })
    expect(v.sentence).toBe('C 的完播率比 A 高 0.5 个百分点（95% 区间 −2.2–3.2），不显著')
  })

  it('names control when every variant is significantly worse, against the closest one', () => {
    const v = three(c(60, 1000), c(70, 1000))
    expect(v).toMatchObject({ state: 'significant', winner: 'a' })
    expect(v.sentence).toBe('A 的完播率比 C 高 3.0 个百分点（95% 区间 0.6–5.5），显著')
  })
})

describe('programming errors', () => {
  it('needs a control and at least one variant', () => {
    expect(() => verdictOf({ metricLabel: '打开率', needPerVariant: 686, evenSplit: true, variants: [{ key: 'a', name: 'A', counts: c(1, 2) }] })).toThrow(RangeError)
  })

  it('needs a positive whole sample size or null', () => {
    expect(() => journey(c(1, 2), c(1, 2), { needPerVariant: 0 })).toThrow(RangeError)
    expect(() => journey(c(1, 2), c(1, 2), { needPerVariant: 12.5 })).toThrow(RangeError)
  })
})
