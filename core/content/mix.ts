import { isoWeekKey, type DayKey } from '../time/china'
import { CATEGORIES, FORMATS, LAYERS, type Category, type Format, type ItemStatus, type Layer } from './schemas'

/** The content targets PRODUCT.md ships with (editable per team later). */
export interface ContentTargets {
  /** Published or scheduled items per ISO week. */
  weeklyCadence: number
  /** Highest acceptable share of product-intro (基础认知) items. */
  maxIntroShare: number
}

export const DEFAULT_CONTENT_TARGETS: ContentTargets = { weeklyCadence: 5, maxIntroShare: 0.6 }

export interface Share {
  count: number
  /** count / total, or null when there is nothing to share out (never NaN). */
  share: number | null
}

export interface Mix {
  total: number
  format: Record<Format, Share>
  layer: Record<Layer, Share>
  category: Record<Category, Share>
}

interface Classified {
  format: Format
  layer: Layer
  category: Category
}

/**
 * Counts and shares by format, layer and topic category.
 *
 * @example
 * mixOf([{ format: 'short_video', layer: 'intro', category: 'brand' }, { format: 'short_video', layer: 'value', category: 'brand' }])
 *   .layer.intro //=> { count: 1, share: 0.5 }
 * mixOf([]).layer.intro //=> { count: 0, share: null }
 */
export function mixOf(items: readonly Classified[]): Mix {
  const total = items.length
  const tally = <K extends string>(keys: readonly K[], pick: (i: Classified) => K): Record<K, Share> => {
    const out = {} as Record<K, Share>
    for (const k of keys) out[k] = { count: 0, share: null }
    for (const i of items) out[pick(i)].count++
    if (total > 0) for (const k of keys) out[k].share = out[k].count / total
    return out
  }
  return {
    total,
    format: tally(FORMATS, (i) => i.format),
    layer: tally(LAYERS, (i) => i.layer),
    category: tally(CATEGORIES, (i) => i.category),
  }
}

/** Items that count toward cadence and mix: on the calendar and not archived. */
export function countsTowardPlan(status: ItemStatus): boolean {
  return status === 'planned' || status === 'scheduled' || status === 'published'
}

export interface WeekCadence {
  week: string
  count: number
  target: number
  met: boolean
}

/**
 * Published-or-scheduled items per ISO week, for every week that `days` touches (empty weeks included).
 *
 * @example
 * cadenceByWeek([{ day: '2026-03-02', status: 'planned' }], ['2026-03-02', '2026-03-09'], 5)
 * //=> [{ week: '2026-W10', count: 1, target: 5, met: false }, { week: '2026-W11', count: 0, target: 5, met: false }]
 */
export function cadenceByWeek(
  items: readonly { day: DayKey | null; status: ItemStatus }[],
  days: readonly DayKey[],
  target: number,
): WeekCadence[] {
  const weeks = new Map<string, number>()
  for (const d of days) weeks.set(isoWeekKey(d), 0)
  for (const i of items) {
    if (!i.day || !countsTowardPlan(i.status)) continue
    const w = isoWeekKey(i.day)
    if (weeks.has(w)) weeks.set(w, (weeks.get(w) ?? 0) + 1)
  }
  return [...weeks].map(([week, count]) => ({ week, count, target, met: count >= target }))
}

export interface MixCheck {
  introShare: number | null
  maxIntroShare: number
  /** True when the intro share is above target: the plan drifts back to plain product intros. */
  drift: boolean
}

export function introCheck(mix: Mix, targets: ContentTargets): MixCheck {
  const introShare = mix.layer.intro.share
  return { introShare, maxIntroShare: targets.maxIntroShare, drift: introShare !== null && introShare > targets.maxIntroShare }
}
