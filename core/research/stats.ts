import betaln from '@stdlib/math-base-special-betaln'
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf'
import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'

/**
 * The statistics of an A/B experiment on a proportion (完播率, 打开率 …): the rate with its interval,
 * the difference from control with its interval, the two-proportion test, the Bayesian chance to beat
 * control, the sample each variant needs, and the sample-ratio-mismatch check.
 *
 * The distributions come from @stdlib (maintained, tested to double precision); the formulas are the
 * textbook ones, each named where it is used. Checked against values computed independently with jstat
 * (`core/research/__fixtures__/stats-reference.json`, made by `scripts/fixtures/research-stats.ts`).
 *
 * Counts that are not whole, negative or with more successes than trials throw a RangeError: callers
 * validate what people type with zod, so reaching here with such counts is a programming error.
 * No function returns NaN or ±Infinity; "no answer" is null.
 */

/** A proportion's raw counts: `successes` out of `trials` (opened / sent, completed / played …). */
export interface Counts { successes: number; trials: number }
export interface Interval { low: number; high: number }

export const CONFIDENCE = 0.95
export const ALPHA = 0.05
export const POWER = 0.8
/** Below this p the split is called mismatched: strict, because the check runs on every look. */
export const SRM_ALPHA = 0.001

/** Past this many terms the exact chance-to-beat sum gives way to a normal approximation. */
const EXACT_TERMS_MAX = 100_000

function checkCounts(c: Counts, name: string): void {
  const { successes: s, trials: n } = c
  if (!Number.isInteger(s) || !Number.isInteger(n) || s < 0 || n < 0 || s > n) {
    throw new RangeError(`${name}: counts must be whole numbers with 0 <= successes <= trials (got ${s}/${n})`)
  }
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`)
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** The two-sided normal critical value: 1.959964… for 95%. */
const zFor = (confidence: number) => normalQuantile(1 - (1 - confidence) / 2, 0, 1)

function wilsonBounds(s: number, n: number, z: number): Interval {
  const p = s / n
  const z2n = (z * z) / n
  const center = (p + z2n / 2) / (1 + z2n)
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))
  // The bound is exactly the rate when all or none succeeded; say so rather than trust rounding.
  return { low: s === 0 ? 0 : clamp(center - half, 0, 1), high: s === n ? 1 : clamp(center + half, 0, 1) }
}

/**
 * The rate with its Wilson score interval (good at small samples and at 0% / 100%, unlike the
 * normal "Wald" interval, which collapses to a point there). Null without trials.
 *
 * @example
 * wilson({ successes: 3, trials: 10 }) //=> { rate: 0.3, low: 0.1078, high: 0.6032 } (rounded)
 * wilson({ successes: 0, trials: 50 }) //=> { rate: 0, low: 0, high: 0.0713 } (rounded)
 * wilson({ successes: 0, trials: 0 })  //=> null
 */
export function wilson(c: Counts, confidence = CONFIDENCE): (Interval & { rate: number }) | null {
  checkCounts(c, 'wilson')
  checkConfidence(confidence)
  if (c.trials === 0) return null
  return { rate: c.successes / c.trials, ...wilsonBounds(c.successes, c.trials, zFor(confidence)) }
}

/**
 * variant − control with Newcombe's hybrid score interval (1998, method 10): each side combines the
 * two Wilson intervals, so it stays inside [−1, 1] and behaves at 0% and 100%. Null if either has no trials.
 *
 * @example
 * diffInterval({ successes: 3, trials: 10 }, { successes: 5, trials: 10 })
 * //=> { diff: 0.2, low: -0.2017, high: 0.5261 } (rounded)
 */
export function diffInterval(control: Counts, variant: Counts, confidence = CONFIDENCE): (Interval & { diff: number }) | null {
  checkCounts(control, 'diffInterval control')
  checkCounts(variant, 'diffInterval variant')
  checkConfidence(confidence)
  if (control.trials === 0 || variant.trials === 0) return null
  const z = zFor(confidence)
  const p1 = control.successes / control.trials
  const p2 = variant.successes / variant.trials
  const w1 = wilsonBounds(control.successes, control.trials, z)
  const w2 = wilsonBounds(variant.successes, variant.trials, z)
  const diff = p2 - p1
  const low = diff - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2)
  const high = diff + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2)
  return { diff, low: clamp(low, -1, 1), high: clamp(high, -1, 1) }
}

/**
 * The two-sided p-value of the pooled two-proportion z-test. When the pooled rate is 0 or 1 the two
 * groups are identical, so p = 1. Null if either has no trials.
 *
 * @example
 * twoProportionP({ successes: 3, trials: 10 }, { successes: 5, trials: 10 }) //=> 0.3613 (rounded)
 */
export function twoProportionP(control: Counts, variant: Counts): number | null {
  checkCounts(control, 'twoProportionP control')
  checkCounts(variant, 'twoProportionP variant')
  if (control.trials === 0 || variant.trials === 0) return null
  const pooled = (control.successes + variant.successes) / (control.trials + variant.trials)
  if (pooled === 0 || pooled === 1) return 1
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / variant.trials))
  const z = (variant.successes / variant.trials - control.successes / control.trials) / se
  // 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)): keeps tiny p-values instead of rounding them to 0.
  return clamp(2 * normalCdf(-Math.abs(z), 0, 1), 0, 1)
}

/**
 * P(X2 > X1) for X1 ~ Beta(a1, b1), X2 ~ Beta(a2, b2) with whole a2 (Evan Miller, "Formulas for Bayesian
 * A/B testing"): Σ_{i=0}^{a2−1} B(a1+i, b1+b2) / ((b2+i) · B(1+i, b2) · B(a1, b1)), a2 terms.
 * The first term comes from log-beta; each next one from the ratio of consecutive terms,
 * (a1+i)(b2+i) / ((a1+b1+b2+i)(1+i)), in log space — one log-beta instead of two per term, so 1e5 terms
 * take milliseconds. Terms are added relative to the largest so far, so neither an underflowing first
 * term nor huge counts lose the sum.
 */
function betaBeats(a1: number, b1: number, a2: number, b2: number): number {
  let t = betaln(a1, b1 + b2) - Math.log(b2) - betaln(1, b2) - betaln(a1, b1)
  let max = t
  let scaled = 1 // Σ exp(term − max)
  for (let i = 1; i < a2; i++) {
    const j = i - 1
    t += Math.log(a1 + j) + Math.log(b2 + j) - Math.log(a1 + b1 + b2 + j) - Math.log(1 + j)
    if (t > max) {
      scaled = scaled * Math.exp(max - t) + 1
      max = t
    } else {
      scaled += Math.exp(t - max)
    }
  }
  return Math.exp(max + Math.log(scaled))
}

/**
 * The Bayesian chance that the variant's true rate beats control's, P(p_variant > p_control), with a
 * uniform prior: each rate's posterior is Beta(1 + successes, 1 + failures). Exact (a finite sum), not
 * simulated. Null if either has no trials.
 *
 * @example
 * chanceToBeat({ successes: 3, trials: 10 }, { successes: 5, trials: 10 }) //=> 0.8065 (rounded)
 * chanceToBeat({ successes: 5, trials: 10 }, { successes: 5, trials: 10 }) //=> 0.5
 */
export function chanceToBeat(control: Counts, variant: Counts): number | null {
  checkCounts(control, 'chanceToBeat control')
  checkCounts(variant, 'chanceToBeat variant')
  if (control.trials === 0 || variant.trials === 0) return null
  const aA = 1 + control.successes
  const bA = 1 + control.trials - control.successes
  const aB = 1 + variant.successes
  const bB = 1 + variant.trials - variant.successes
  // The same probability can be summed over any one of the four parameters (by symmetry, and by
  // 1 − p ~ Beta(b, a)); sum over the smallest, which is exact and needs the fewest terms.
  const smallest = Math.min(aA, bA, aB, bB)
  let p: number
  if (smallest > EXACT_TERMS_MAX) {
    // Every parameter above 1e5, so the exact sum would take over 1e5 terms; both posteriors are then
    // normal to within ~1e-6 of the exact answer (checked at the switch). Normal approximation of the two
    // Beta posteriors.
    const mean = (a: number, b: number) => a / (a + b)
    const variance = (a: number, b: number) => (a * b) / ((a + b) ** 2 * (a + b + 1))
    p = normalCdf(mean(aB, bB) - mean(aA, bA), 0, Math.sqrt(variance(aA, bA) + variance(aB, bB)))
  } else if (smallest === aB) {
    p = betaBeats(aA, bA, aB, bB)
  } else if (smallest === aA) {
    p = 1 - betaBeats(aB, bB, aA, bA)
  } else if (smallest === bA) {
    p = betaBeats(bB, aB, bA, aA) // P(1 − p_A > 1 − p_B)
  } else {
    p = 1 - betaBeats(bA, aA, bB, aB)
  }
  return clamp(p, 0, 1)
}

/**
 * How many trials each of two variants needs to detect an absolute lift of `mde` over `baseline` with a
 * two-sided test at α = 5% and 80% power (the classic formula with the pooled variance under the null):
 * n = (z_{1−α/2}·√(2·p̄(1−p̄)) + z_{power}·√(p1(1−p1) + p2(1−p2)))² / (p2 − p1)², p2 = baseline + mde,
 * rounded up. Null when mde ≤ 0 or baseline ± mde leaves (0, 1).
 *
 * @example
 * sampleSizePerVariant(0.1, 0.05)  //=> 686
 * sampleSizePerVariant(0.3, 0.02)  //=> 8394
 * sampleSizePerVariant(0.98, 0.05) //=> null
 */
export function sampleSizePerVariant(baseline: number, mde: number): number | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(mde) || mde <= 0) return null
  const p1 = baseline
  const p2 = baseline + mde
  if (!(p1 - mde > 0 && p2 < 1)) return null
  const mean = (p1 + p2) / 2
  const zAlpha = normalQuantile(1 - ALPHA / 2, 0, 1)
  const zPower = normalQuantile(POWER, 0, 1)
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
  const n = root ** 2 / mde ** 2
  // Shave floating-point noise before rounding up, so an exact 686 never becomes 687.
  return Math.max(1, Math.ceil(n - 1e-9))
}

/**
 * The sample-ratio-mismatch check: the p-value of a chi-square goodness-of-fit test of the trials each
 * variant got against the planned split (equal when no weights), k − 1 degrees of freedom. A tiny p
 * means the traffic was not split as planned, so the comparison is not trustworthy. Null with fewer than
 * two variants or no trials at all.
 *
 * @example
 * srmP([5000, 5000])       //=> 1
 * srmP([5000, 5300])       //=> 0.0031 (rounded)
 * srmP([2000, 1000], [2, 1]) //=> 1
 */
export function srmP(observed: number[], weights?: number[]): number | null {
  for (const o of observed) {
    if (!Number.isInteger(o) || o < 0) throw new RangeError(`srmP: observed counts must be whole and >= 0 (got ${o})`)
  }
  if (weights && (weights.length !== observed.length || weights.some((w) => !(Number.isFinite(w) && w > 0)))) {
    throw new RangeError('srmP: weights must be positive numbers, one per observed count')
  }
  if (observed.length < 2) return null
  const total = observed.reduce((a, b) => a + b, 0)
  if (total === 0) return null
  const w = weights ?? observed.map(() => 1)
  const wTotal = w.reduce((a, b) => a + b, 0)
  let chi2 = 0
  observed.forEach((o, i) => {
    const expected = (total * w[i]) / wTotal
    chi2 += (o - expected) ** 2 / expected
  })
  return clamp(1 - chisquareCdf(chi2, observed.length - 1), 0, 1)
}
