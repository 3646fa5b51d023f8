import type { ItemCard, ItemDetail } from '../../core/content/schemas'
import { inChina } from '../../core/time/china'
import type { ItemRecord } from '../common/db/content'

/** Only the fields a card needs are read from the database for calendar views. */
export const CARD_FIELDS = { _id: true, title: true, format: true, layer: true, category: true, status: true, plannedAt: true, publishedAt: true, day: true, ownerId: true }

type CardSource = Pick<ItemRecord, '_id' | 'title' | 'format' | 'layer' | 'category' | 'status' | 'plannedAt' | 'publishedAt' | 'day' | 'ownerId'>

export function itemCard(i: CardSource, names: Map<string, string>): ItemCard {
  const at = i.publishedAt ?? i.plannedAt
  return {
    id: i._id,
    title: i.title,
    format: i.format,
    layer: i.layer,
    category: i.category,
    status: i.status,
    time: at ? inChina(at).format('HH:mm') : null,
    day: i.day,
    ownerName: names.get(i.ownerId) ?? '已离开的成员',
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export function itemDetail(i: ItemRecord, names: Map<string, string>): ItemDetail {
  return {
    ...itemCard(i, names),
    ownerId: i.ownerId,
    plannedAt: iso(i.plannedAt),
    publishedAt: iso(i.publishedAt),
    postUrl: i.postUrl,
    notes: i.notes,
    tags: i.tags,
    source: i.source,
    version: i.version,
    history: i.scheduleHistory,
    createdAt: new Date(i.createdAt).toISOString(),
    createdByName: names.get(i.createdBy) ?? '',
  }
}
