import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InputOf } from '../../core/api'
import type { researchContract } from '../../core/api/research'
import type { resultsContract } from '../../core/api/results'
import type { FieldError } from '../../core/errors'
import { api, ApiError } from '../api'

/**
 * The phone's outbox of results writes ("never twice, never lost"): a submission made offline, or whose
 * answer never came, waits here with the requestId it was first sent with. Syncing re-sends it with that
 * same id, so the function writes it at most once however many times it is tried. A refusal (the numbers
 * are wrong, or the person may not) keeps the entry as failed with its message, for the person to fix or
 * discard: nothing typed disappears silently.
 */
export type OutboxAction = 'logSnapshot' | 'correctSnapshot' | 'logLive' | 'correctLive' | 'logLeads' | 'correctLeads' | 'logFollowers' | 'logVariantCounts'

/** The actions that may wait in the outbox: the results forms, and a push experiment's daily counts (research). */
type Outboxed = Pick<typeof resultsContract, Exclude<OutboxAction, 'logVariantCounts'>> & Pick<typeof researchContract, 'logVariantCounts'>
export type OutboxInput<A extends OutboxAction> = InputOf<Outboxed[A]>

/** Which cloud function each outbox action belongs to. */
export const OUTBOX_FUNCTION: Record<OutboxAction, 'results' | 'research'> = {
  logSnapshot: 'results',
  correctSnapshot: 'results',
  logLive: 'results',
  correctLive: 'results',
  logLeads: 'results',
  correctLeads: 'results',
  logFollowers: 'results',
  logVariantCounts: 'research',
}

export interface OutboxEntry<A extends OutboxAction = OutboxAction> {
  /** Also the entry's id: one submission, one requestId, on every attempt. */
  requestId: string
  action: A
  input: OutboxInput<A>
  /** What the person sees in the list, e.g. '作品数据 · 澄净 X3 开箱 · 11月27日'. */
  label: string
  /** What the form needs to reopen the entry without the network (item id, title, publish day). */
  meta?: Record<string, string>
  savedAt: string
  status: 'pending' | 'failed'
  /** Why the function refused it (failed entries), in its Chinese words. */
  message?: string
  fields?: FieldError[]
}

const STORAGE_KEY = 'channels_ops_outbox'

/** Whose outbox is open: each member's entries are stored apart, so a shared browser never sends one person's numbers as another's. */
let owner: string | null = null
const keyOf = (who: string | null) => (who ? `${STORAGE_KEY}:${who}` : STORAGE_KEY)

/** Codes that mean "this entry will never pass as it is": keep it as failed for the person. */
const REFUSALS = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND'])

type Listener = (entries: OutboxEntry[]) => void
const listeners = new Set<Listener>()
let syncing: Promise<SyncReport> | null = null

function read(key: string): OutboxEntry[] {
  try {
    const raw = Taro.getStorageSync(key) as unknown
    const list = typeof raw === 'string' && raw ? (JSON.parse(raw) as unknown) : raw
    return Array.isArray(list) ? (list as OutboxEntry[]) : []
  } catch {
    return []
  }
}

export function loadOutbox(): OutboxEntry[] {
  return read(keyOf(owner))
}

function save(entries: OutboxEntry[]): void {
  // A JSON string, not the array: both platforms then store exactly the same bytes.
  Taro.setStorageSync(keyOf(owner), JSON.stringify(entries))
  for (const l of listeners) l(entries)
}

/**
 * Opens the signed-in member's outbox (null when nobody is). Entries saved before anyone was known
 * are adopted by the first member who signs in.
 */
export function setOutboxOwner(memberId: string | null): void {
  if (owner === memberId) return
  owner = memberId
  if (owner) {
    const orphans = read(STORAGE_KEY)
    if (orphans.length) {
      Taro.setStorageSync(keyOf(owner), JSON.stringify([...read(keyOf(owner)), ...orphans]))
      Taro.removeStorageSync(STORAGE_KEY)
    }
  }
  const entries = loadOutbox()
  for (const l of listeners) l(entries)
}

/** Adds (or replaces, by requestId) an entry as pending. */
export function queueEntry<A extends OutboxAction>(entry: Omit<OutboxEntry<A>, 'status' | 'savedAt'> & { savedAt?: string }): void {
  const rest = loadOutbox().filter((e) => e.requestId !== entry.requestId)
  save([...rest, { ...entry, savedAt: entry.savedAt ?? new Date().toISOString(), status: 'pending' } as OutboxEntry])
}

export function discardEntry(requestId: string): void {
  save(loadOutbox().filter((e) => e.requestId !== requestId))
}

export function findEntry(requestId: string): OutboxEntry | undefined {
  return loadOutbox().find((e) => e.requestId === requestId)
}

export function subscribeOutbox(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export interface SyncReport {
  sent: number
  failed: number
  /** Still pending (the network went away again, or the function could not answer). */
  left: number
}

function send(entry: OutboxEntry): Promise<unknown> {
  const opts = { requestId: entry.requestId }
  switch (entry.action) {
    case 'logSnapshot':
      return api.results.logSnapshot(entry.input as OutboxInput<'logSnapshot'>, opts)
    case 'correctSnapshot':
      return api.results.correctSnapshot(entry.input as OutboxInput<'correctSnapshot'>, opts)
    case 'logLive':
      return api.results.logLive(entry.input as OutboxInput<'logLive'>, opts)
    case 'correctLive':
      return api.results.correctLive(entry.input as OutboxInput<'correctLive'>, opts)
    case 'logLeads':
      return api.results.logLeads(entry.input as OutboxInput<'logLeads'>, opts)
    case 'correctLeads':
      return api.results.correctLeads(entry.input as OutboxInput<'correctLeads'>, opts)
    case 'logFollowers':
      return api.results.logFollowers(entry.input as OutboxInput<'logFollowers'>, opts)
    case 'logVariantCounts':
      return api.research.logVariantCounts(entry.input as OutboxInput<'logVariantCounts'>, opts)
  }
}

function update(requestId: string, patch: Partial<OutboxEntry> | null): void {
  const list = loadOutbox()
  save(patch === null ? list.filter((e) => e.requestId !== requestId) : list.map((e) => (e.requestId === requestId ? { ...e, ...patch } : e)))
}

/**
 * Sends every pending entry, oldest first, each with its own original requestId. Stops at the first
 * network failure (the rest would fail the same way). One sync at a time: a second call joins the first.
 */
export function syncOutbox(): Promise<SyncReport> {
  if (syncing) return syncing
  syncing = (async () => {
    const report: SyncReport = { sent: 0, failed: 0, left: 0 }
    const pending = loadOutbox().filter((e) => e.status === 'pending')
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i]
      try {
        await send(entry)
        update(entry.requestId, null)
        report.sent++
      } catch (e) {
        if (e instanceof ApiError && REFUSALS.has(e.code)) {
          update(entry.requestId, { status: 'failed', message: e.message, fields: e.fields })
          report.failed++
          continue
        }
        // NETWORK, UNAUTHENTICATED (signed out on this browser), INTERNAL, RATE_LIMITED, a CONFLICT while
        // the first attempt is still running: nothing is wrong with the entry, try again later.
        report.left = pending.length - i
        break
      }
    }
    return report
  })().finally(() => {
    syncing = null
  })
  return syncing
}

export function isSyncing(): boolean {
  return syncing !== null
}

/** The outbox for a screen: its entries, live, and a sync that reports when it is running. */
export function useOutbox() {
  const [entries, setEntries] = useState<OutboxEntry[]>(loadOutbox)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    setEntries(loadOutbox())
    return subscribeOutbox(setEntries)
  }, [])
  const sync = useCallback(async () => {
    setBusy(true)
    try {
      return await syncOutbox()
    } finally {
      setBusy(false)
    }
  }, [])
  return {
    entries,
    pending: entries.filter((e) => e.status === 'pending'),
    failed: entries.filter((e) => e.status === 'failed'),
    syncing: busy,
    sync,
    discard: discardEntry,
  }
}
