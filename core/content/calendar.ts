import { monthDays, weekDays, type DayKey } from '../time/china'
import { cadenceByWeek, countsTowardPlan, introCheck, mixOf, type ContentTargets, type MixCheck, type Mix, type WeekCadence } from './mix'
import type { ItemCard, ItemStatus } from './schemas'

/** A month cell shows at most this many items; the rest is a "+n" the day view opens. */
export const MONTH_CELL_ITEMS = 3

export interface DayCell {
  day: DayKey
  items: ItemCard[]
  more: number
  /** Items on the plan that day, by status (archived never shown). */
  counts: Partial<Record<ItemStatus, number>>
}

export interface MonthView {
  month: string
  theme: string
  days: DayCell[]
  cadence: WeekCadence[]
  mix: Mix
  mixCheck: MixCheck
  total: number
}

export interface WeekView {
  week: string
  days: DayCell[]
  cadence: WeekCadence
  emptyDays: DayKey[]
  mix: Mix
  mixCheck: MixCheck
}

function byTime(a: ItemCard, b: ItemCard): number {
  return (a.time ?? '99:99').localeCompare(b.time ?? '99:99') || a.title.localeCompare(b.title)
}

/** Groups cards into day cells, keeping at most `perDay` cards per day so the page receives only what it shows. */
export function dayCells(days: readonly DayKey[], cards: readonly ItemCard[], perDay: number): DayCell[] {
  const byDay = new Map<DayKey, ItemCard[]>(days.map((d) => [d, []]))
  for (const c of cards) if (c.day && c.status !== 'archived') byDay.get(c.day)?.push(c)
  return days.map((day) => {
    const list = (byDay.get(day) ?? []).sort(byTime)
    const counts: Partial<Record<ItemStatus, number>> = {}
    for (const c of list) counts[c.status] = (counts[c.status] ?? 0) + 1
    return { day, items: list.slice(0, perDay), more: Math.max(0, list.length - perDay), counts }
  })
}

/**
 * The month summary a phone needs: per-day cells (capped), cadence per ISO week touched by the
 * month, and the month's layer mix against target.
 */
export function buildMonthView(month: string, cards: readonly ItemCard[], theme: string, targets: ContentTargets): MonthView {
  const days = monthDays(month)
  const onPlan = cards.filter((c) => c.day && countsTowardPlan(c.status))
  const mix = mixOf(onPlan)
  return {
    month,
    theme,
    days: dayCells(days, cards, MONTH_CELL_ITEMS),
    cadence: cadenceByWeek(cards, days, targets.weeklyCadence),
    mix,
    mixCheck: introCheck(mix, targets),
    total: onPlan.length,
  }
}

/** The ISO week containing `day`: every item per day, cadence progress, empty days and mix. */
export function buildWeekView(day: DayKey, cards: readonly ItemCard[], targets: ContentTargets, perDay = 20): WeekView {
  const days = weekDays(day)
  const cells = dayCells(days, cards, perDay)
  const onPlan = cards.filter((c) => c.day && days.includes(c.day) && countsTowardPlan(c.status))
  const mix = mixOf(onPlan)
  const [cadence] = cadenceByWeek(cards, days, targets.weeklyCadence)
  return {
    week: cadence.week,
    days: cells,
    cadence,
    emptyDays: cells.filter((c) => !c.items.some((i) => countsTowardPlan(i.status))).map((c) => c.day),
    mix,
    mixCheck: introCheck(mix, targets),
  }
}
