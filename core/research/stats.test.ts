import fc from 'fast-check'
import reference from './__fixtures__/stats-reference.json'
import { chanceToBeat, diffInterval, sampleSizePerVariant, srmP, twoProportionP, wilson, type Counts } from './stats'

/** Closed forms agree with jstat to rounding; the integrated chance to beat to the integration's accuracy. */
const CLOSED = 1e-6
const INTEGRATED = 1e-4

const c = (successes: number, trials: number): Counts => ({ successes, trials })

/** Close in absolute terms, and for small values (p-values) also relative to their size. */
function expectNear(actual: number | null | undefined, expected: number, tolerance: number) {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-3))
}

describe('against the jstat reference fixtures', () => {
  it('records its source for every case', () => {
    for (const k of [...reference.cases, ...reference.sampleSize, ...reference.srm]) expect(k.source).toMatch(/^jstat \d+\.\d+\.\d+: /)
  })

  describe.each(reference.cases.map((k) => [k.name, k] as const))('%s', (_name, k) => {
    it('has the Wilson rate and interval of each side', () => {
      for (const side of ['control', 'variant'] as const) {
        const w = wilson(k[side])
        for (const key of ['rate', 'low', 'high'] as const) expectNear(w?.[key], k.expected[side][key], CLOSED)
      }
    })

    it('has the Newcombe interval of the difference', () => {
      const d = diffInterval(k.control, k.variant)
      for (const key of ['diff', 'low', 'high'] as const) expectNear(d?.[key], k.expected.diff[key], CLOSED)
    })

    it('has the two-proportion p-value', () => {
      expectNear(twoProportionP(k.control, k.variant), k.expected.p, CLOSED)
    })

    it('has the chance to beat control', () => {
      expect(Math.abs((chanceToBeat(k.control, k.variant) as number) - k.expected.chanceToBeat)).toBeLessThanOrEqual(INTEGRATED)
    })
  })

  it.each(reference.sampleSize.map((k) => [k.baseline, k.mde, k.expected] as const))('needs per variant, for baseline %p and mde %p: %p', (baseline, mde, expected) => {
    expect(sampleSizePerVariant(baseline, mde)).toBe(expected)
  })

  it.each(reference.srm.map((k) => [k.observed, k.weights, k.expected] as const))('gives the SRM p-value of %p (weights %p): %p', (observed, weights, expected) => {
    expectNear(srmP(observed, weights), expected, CLOSED)
  })
})

describe('published examples (Newcombe 1998, Statistics in Medicine 17)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %p/%p is %p–%p', (s, n, low, high) => {
    const w = wilson(c(s, n))
    expect(w?.low).toBeCloseTo(low, 4)
    expect(w?.high).toBeCloseTo(high, 4)
  })

  it('Wilson interval of 3/10 by hand: centre (0.3 + z²/20)/(1 + z²/10), half-width z/(1 + z²/10)·√(0.021 + z²/400)', () => {
    const z = 1.959963984540054
    const k = 1 + (z * z) / 10
    const centre = (0.3 + (z * z) / 20) / k
    const half = (z / k) * Math.sqrt(0.3 * 0.7 / 10 + (z * z) / 400)
    expect(wilson(c(3, 10))).toEqual({ rate: 0.3, low: expect.closeTo(centre - half, 12), high: expect.closeTo(centre + half, 12) })
    expect(centre - half).toBeCloseTo(0.1078, 4)
    expect(centre + half).toBeCloseTo(0.6032, 4)
  })

  it.each([
    [c(48, 80), c(56, 70), 0.0524, 0.3339],
    [c(3, 10), c(9, 10), 0.1705, 0.809],
    [c(0, 29), c(5, 56), -0.0381, 0.1926],
    [c(0, 20), c(0, 10), -0.1611, 0.2775],
    [c(0, 10), c(0, 10), -0.2775, 0.2775],
    [c(0, 20), c(10, 10), 0.6791, 1],
    [c(0, 10), c(10, 10), 0.6075, 1],
  ])('hybrid score interval of %o → %o is %p–%p', (control, variant, low, high) => {
    const d = diffInterval(control, variant)
    expect(d?.low).toBeCloseTo(low, 4)
    expect(d?.high).toBeCloseTo(high, 4)
  })
})

describe('chanceToBeat', () => {
  it('is exactly 1/6 for one success against one failure (Beta(1,2) vs Beta(2,1))', () => {
    expect(chanceToBeat(c(1, 1), c(0, 1))).toBeCloseTo(1 / 6, 12)
  })

  it('is one half for identical counts', () => {
    expect(chanceToBeat(c(480, 1000), c(480, 1000))).toBeCloseTo(0.5, 12)
  })

  it('joins the exact sum and the normal approximation without a visible step (one count either side of 1e5)', () => {
    // Control's successes + 1 is 99,999 (exact sum) in the first, every parameter past 1e5 (approximated) in the second.
    const exact = chanceToBeat(c(99_998, 200_000), c(100_498, 200_600)) as number
    const approx = chanceToBeat(c(100_000, 200_002), c(100_500, 200_602)) as number
    expect(exact).toBeCloseTo(0.736, 3)
    expect(Math.abs(exact - approx)).toBeLessThan(1e-5)
  })

  it('answers for a million trials per variant within 50 ms, exact side or approximated', () => {
    const start = Date.now()
    const rare = chanceToBeat(c(1_000, 1_000_000), c(1_100, 1_000_000)) as number
    const even = chanceToBeat(c(480_000, 1_000_000), c(481_000, 1_000_000)) as number
    expect(Date.now() - start).toBeLessThan(50)
    expect(rare).toBeGreaterThan(0.98)
    expect(even).toBeGreaterThan(0.9)
    expect(even).toBeLessThan(0.95)
  })
})

describe('sampleSizePerVariant', () => {
  it('needs 686 per variant to see 10% → 15% (the push-timing plan)', () => {
    expect(sampleSizePerVariant(0.1, 0.05)).toBe(686)
  })

  it.each([[0.5, 0.5], [0, 0.05], [1, 0.05], [Number.NaN, 0.05], [0.1, Number.POSITIVE_INFINITY]])('is null for baseline %p and mde %p', (b, m) => {
    expect(sampleSizePerVariant(b, m)).toBeNull()
  })
})

describe('srmP', () => {
  it('is null with one variant or no trials', () => {
    expect(srmP([100])).toBeNull()
    expect(srmP([0, 0])).toBeNull()
  })

  it('refuses weights that do not match the counts', () => {
    expect(() => srmP([1, 2], [1])).toThrow(RangeError)
    expect(() => srmP([1, 2], [1, 0])).toThrow(RangeError)
    expect(() => srmP([1.5, 2])).toThrow(RangeError)
  })
})

describe('edge cases', () => {
  const edges: [Counts, Counts][] = [
    [c(0, 1), c(0, 1)], [c(1, 1), c(1, 1)], [c(0, 1), c(1, 1)], [c(0, 50), c(0, 50)], [c(50, 50), c(0, 50)],
    [c(0, 1_000_000), c(1_000_000, 1_000_000)], [c(1, 1_000_000), c(0, 3)], [c(999_999, 1_000_000), c(1_000_000, 1_000_000)],
  ]

  it.each(edges)('%o vs %o: nothing NaN or infinite, intervals in bounds', (a, b) => {
    for (const w of [wilson(a), wilson(b)]) {
      for (const v of [w!.rate, w!.low, w!.high]) expect(Number.isFinite(v)).toBe(true)
      expect(0 <= w!.low && w!.low <= w!.rate && w!.rate <= w!.high && w!.high <= 1).toBe(true)
    }
    const d = diffInterval(a, b)!
    for (const v of [d.diff, d.low, d.high]) expect(Number.isFinite(v)).toBe(true)
    expect(-1 <= d.low && d.low <= d.diff && d.diff <= d.high && d.high <= 1).toBe(true)
    const p = twoProportionP(a, b)!
    const chance = chanceToBeat(a, b)!
    for (const v of [p, chance]) expect(v >= 0 && v <= 1).toBe(true)
  })

  it('answers null, not NaN, without trials', () => {
    expect(wilson(c(0, 0))).toBeNull()
    expect(diffInterval(c(0, 0), c(1, 2))).toBeNull()
    expect(twoProportionP(c(1, 2), c(0, 0))).toBeNull()
    expect(chanceToBeat(c(0, 0), c(0, 0))).toBeNull()
  })

  it.each([[c(1.5, 3)], [c(-1, 3)], [c(4, 3)], [c(1, Number.NaN)], [c(0, Number.POSITIVE_INFINITY)]])('throws a RangeError for the programming error %o', (bad) => {
    expect(() => wilson(bad)).toThrow(RangeError)
    expect(() => diffInterval(c(1, 2), bad)).toThrow(RangeError)
    expect(() => twoProportionP(bad, c(1, 2))).toThrow(RangeError)
    expect(() => chanceToBeat(c(1, 2), bad)).toThrow(RangeError)
  })
})

describe('properties', () => {
  const counts = (maxTrials: number) =>
    fc.integer({ min: 1, max: maxTrials }).chain((trials) => fc.integer({ min: 0, max: trials }).map((successes) => c(successes, trials)))

  it('swapping control and variant mirrors the difference and its interval', () => {
    fc.assert(fc.property(counts(5000), counts(5000), (a, b) => {
      const ab = diffInterval(a, b)!
      const ba = diffInterval(b, a)!
      expect(ba.diff).toBeCloseTo(-ab.diff, 12)
      expect(ba.low).toBeCloseTo(-ab.high, 12)
      expect(ba.high).toBeCloseTo(-ab.low, 12)
      expect(twoProportionP(b, a)).toBeCloseTo(twoProportionP(a, b) as number, 12)
    }))
  })

  it('swapping control and variant turns the chance to beat into its complement (ties have probability 0)', () => {
    fc.assert(fc.property(counts(3000), counts(3000), (a, b) => {
      expect((chanceToBeat(a, b) as number) + (chanceToBeat(b, a) as number)).toBeCloseTo(1, 9)
    }))
  })

  it('more data at the same rates narrows the Wilson and difference intervals', () => {
    fc.assert(fc.property(counts(500), counts(500), fc.integer({ min: 2, max: 20 }), (a, b, k) => {
      const times = (x: Counts) => c(x.successes * k, x.trials * k)
      const width = (i: { low: number; high: number }) => i.high - i.low
      expect(width(wilson(times(a))!)).toBeLessThan(width(wilson(a)!))
      expect(width(diffInterval(times(a), times(b))!)).toBeLessThan(width(diffInterval(a, b)!))
    }))
  })

  it('keeps every interval inside its bounds and every number finite', () => {
    fc.assert(fc.property(counts(100_000), counts(100_000), (a, b) => {
      const w = wilson(a)!
      const d = diffInterval(a, b)!
      expect(0 <= w.low && w.low <= w.rate && w.rate <= w.high && w.high <= 1).toBe(true)
      expect(-1 <= d.low && d.low <= d.diff && d.diff <= d.high && d.high <= 1).toBe(true)
      const chance = chanceToBeat(a, b) as number
      expect(chance >= 0 && chance <= 1).toBe(true)
    }))
  })
})
