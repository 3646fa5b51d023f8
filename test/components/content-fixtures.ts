import { canOwnItems } from '../../core/api/owners'
import { buildMonthView, buildWeekView } from '../../core/content/calendar'
import { DEFAULT_CONTENT_TARGETS } from '../../core/content/mix'
import type { ItemCard, ItemDetail } from '../../core/content/schemas'
import { weekDays, type DayKey } from '../../core/time/china'
import { ADMIN, FIELD, OPERATOR } from './fake-cloud'

let seq = 0

/** A calendar card; planned short-video product intro unless told otherwise. */
export function card(day: DayKey | null, overrides: Partial<ItemCard> = {}): ItemCard {
  seq++
  return {
    id: `item_${seq}`,
    title: `内容${seq}`,
    format: 'short_video',
    layer: 'intro',
    category: 'brand',
    status: day ? 'planned' : 'idea',
    time: day ? '20:00' : null,
    day,
    ownerName: OPERATOR.name,
    ...overrides,
  }
}

/** What `content.monthView` answers for these cards, computed by the same core code the function uses. */
export function monthViewOf(month: string, cards: ItemCard[], theme = '') {
  return buildMonthView(month, cards, theme, DEFAULT_CONTENT_TARGETS)
}

export function weekViewOf(day: DayKey, cards: ItemCard[]) {
  return buildWeekView(day, cards, DEFAULT_CONTENT_TARGETS)
}

/** What `content.owners` answers: the team minus those who cannot do the work (field staff). */
export const OWNERS = [ADMIN, OPERATOR, FIELD].filter((m) => canOwnItems(m.roles)).map((m) => ({ id: m.id, name: m.name }))

export function detail(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...card('2026-03-10', { id: 'item_x', title: '澄净 X3 开箱' }),
    ownerId: OPERATOR.id,
    plannedAt: '2026-03-10T12:00:00.000Z',
    publishedAt: null,
    postUrl: null,
    notes: '',
    tags: [],
    source: null,
    version: 3,
    history: [],
    createdAt: '2026-03-01T02:00:00.000Z',
    createdByName: OPERATOR.name,
    ...overrides,
  }
}

/** The Monday-first week of `day`, for building week answers. */
export const weekOf = weekDays
