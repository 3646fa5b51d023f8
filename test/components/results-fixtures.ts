import type { HistoryEntry, ItemHistory, PendingToday, SnapshotView } from '../../core/results/views'
import { addDays, dayKey } from '../../core/time/china'

export const TODAY = dayKey(new Date())
export const YESTERDAY = addDays(TODAY, -1)
export const PUBLISHED = addDays(TODAY, -3)

export const ITEM = { id: 'item_x3', title: '澄净 X3 开箱：三分钟看懂核心功能', publishedDay: PUBLISHED }

export const LAST = { date: YESTERDAY, snapshotId: 'snap_1', metrics: { plays: 1200, completions: 420, likes: 56, gmvFen: 129900 } }

export function pendingToday(overrides: Partial<PendingToday> = {}): PendingToday {
  return {
    today: TODAY,
    items: [
      { id: ITEM.id, title: ITEM.title, format: 'short_video', publishedDay: PUBLISHED, last: LAST },
      { id: 'item_a7', title: '新款空气净化器 A7 上市：五大升级点', format: 'short_video', publishedDay: TODAY, last: null },
    ],
    doneCount: 1,
    ...overrides,
  }
}

export function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'snap_1',
    itemId: ITEM.id,
    date: YESTERDAY,
    metrics: LAST.metrics,
    kind: 'log',
    source: 'form',
    supersedes: null,
    reason: null,
    loggedById: 'm_field',
    loggedByName: '赵强',
    loggedAt: new Date(Date.now() - 3600_000).toISOString(),
    supersededBy: null,
    ...overrides,
  }
}

export function history(entries: HistoryEntry[] = [entry()]): ItemHistory {
  return {
    item: ITEM,
    entries,
    series: [{ ...LAST, increments: { plays: 1200 } }],
  }
}

export function snapshotView(input: { itemId: string; date: string; metrics: SnapshotView['metrics'] }): SnapshotView {
  return {
    id: 'snap_new',
    itemId: input.itemId,
    date: input.date,
    metrics: input.metrics,
    kind: 'log',
    source: 'form',
    supersedes: null,
    reason: null,
    loggedById: 'm_field',
    loggedByName: '赵强',
    loggedAt: new Date().toISOString(),
  }
}
