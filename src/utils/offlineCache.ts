import Taro from '@tarojs/taro'
import type { PendingItem, PendingToday } from '../../core/results/views'

/**
 * The last 今日待填报 answer, kept on the phone so the snapshot form opens with the item's title,
 * publish day and last values even when the network is gone by the time the person taps 填报.
 */
const KEY = 'channels_ops_pending_today'

export function cachePendingToday(answer: PendingToday): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(answer))
  } catch {
    // The cache is a convenience: without it the form asks the function instead.
  }
}

export function cachedPendingToday(): PendingToday | null {
  try {
    const raw = Taro.getStorageSync(KEY) as unknown
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as PendingToday) : null
  } catch {
    return null
  }
}

export function cachedPendingItem(id: string): PendingItem | null {
  return cachedPendingToday()?.items.find((i) => i.id === id) ?? null
}

/** What this phone logged lately, so the person can open it again to correct within 24 hours. */
export interface RecentLog {
  itemId: string
  title: string
  date: string
  at: string
}

const RECENT_KEY = 'channels_ops_recent_logs'
const RECENT_MS = 24 * 3600_000
const RECENT_MAX = 8

export function recentLogs(now: Date = new Date()): RecentLog[] {
  try {
    const raw = Taro.getStorageSync(RECENT_KEY) as unknown
    const list = typeof raw === 'string' && raw ? (JSON.parse(raw) as RecentLog[]) : []
    return list.filter((r) => now.getTime() - Date.parse(r.at) < RECENT_MS)
  } catch {
    return []
  }
}

export function rememberLog(log: Omit<RecentLog, 'at'>, now: Date = new Date()): void {
  const rest = recentLogs(now).filter((r) => !(r.itemId === log.itemId && r.date === log.date))
  try {
    Taro.setStorageSync(RECENT_KEY, JSON.stringify([{ ...log, at: now.toISOString() }, ...rest].slice(0, RECENT_MAX)))
  } catch {
    // Only a shortcut: the item's history stays reachable from the calendar.
  }
}
