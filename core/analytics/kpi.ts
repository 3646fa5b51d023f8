/** Whether a bigger value is better (completion rate) or a smaller one (cycle time, paid share). */
export type Direction = 'higher' | 'lower'

/** 红黄绿灯: green meets target, yellow within tolerance of it, red beyond; gray when there is no value. */
export type Light = 'green' | 'yellow' | 'red' | 'none'

/** A light is never shown by colour alone: each has its word (PRODUCT.md capability 4). */
export const LIGHT_WORDS: Record<Light, string> = { green: '达标', yellow: '接近', red: '未达标', none: '无数据' }

export const DEFAULT_TOLERANCE = 0.1

/**
 * A ratio that never turns into NaN or Infinity: null when the denominator is zero or missing.
 *
 * @example
 * rate(35, 100) //=> 0.35
 * rate(3, 0)    //=> null
 */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null
  const r = numerator / denominator
  return Number.isFinite(r) ? r : null // a denormal denominator still overflows
}

/**
 * The light of a KPI value against its target, direction-aware. Tolerance is relative to the
 * target (0.1 = within 10% of it).
 *
 * @example
 * light(0.50, 0.50, 'higher')  //=> 'green'
 * light(0.46, 0.50, 'higher')  //=> 'yellow' (within 10%)
 * light(0.35, 0.50, 'higher')  //=> 'red'
 * light(20, 24, 'lower')       //=> 'green'  (cycle time below target is good)
 * light(26, 24, 'lower')       //=> 'yellow'
 * light(null, 0.5, 'higher')   //=> 'none'
 */
export function light(value: number | null, target: number, direction: Direction, tolerance = DEFAULT_TOLERANCE): Light {
  if (value === null || !Number.isFinite(value)) return 'none'
  const meets = direction === 'higher' ? value >= target : value <= target
  if (meets) return 'green'
  const slack = Math.abs(target) * tolerance
  const within = direction === 'higher' ? value >= target - slack : value <= target + slack
  return within ? 'yellow' : 'red'
}

/**
 * Change against the previous equal period, as a ratio (0.25 = +25%); null when there is no base.
 *
 * @example
 * change(125, 100) //=> 0.25
 * change(5, 0)     //=> null
 */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null
  return rate(current - previous, Math.abs(previous))
}
