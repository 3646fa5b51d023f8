// An in-process local cloud for tests: the real wx-server-sdk patched onto an in-memory store,
// with every cloud function loaded from source and called as a given OPENID.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '../../core/errors'
import { installLocalCloud, readOutbox, runWithIdentity, uninstallLocalCloud, type OutboxEntry } from '../../emulator/cloud'
import { Store } from '../../emulator/store'
import rules from '../../database.rules.json'
import { checkQuery } from './indexes'

export interface TestCloud {
  store: Store
  call(fn: string, openid: string | null, body: { action: string; data?: unknown; requestId?: string }): Promise<Result<unknown>>
  /** Fires a function's timer trigger as the platform does (no caller, SOURCE 'wx_trigger'). */
  timer(fn: string, triggerName: string): Promise<Result<unknown>>
  /** A stable text of every stored document (or only one team's), to assert that nothing changed. */
  snapshot(teamId?: string): string
  /** Subscribe messages the functions sent, newest first (the local cloud's outbox). */
  outbox(limit?: number): OutboxEntry[]
  close(): void
}

type Main = (event: unknown, context?: unknown) => Promise<Result<unknown>>

export interface TestCloudOptions {
  now?: () => Date
  /** Load functions from this folder (e.g. the deployable dist/functions) instead of the sources. */
  functionsDir?: string
}

export async function createTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  const store = new Store(':memory:')
  // As in deployment (README), the collections exist before the functions run.
  for (const c of rules.collections) store.createCollection(c)
  installLocalCloud({ store, filesDir: mkdtempSync(join(tmpdir(), 'cloud-files-')), onQuery: checkQuery, ...(opts.now ? { now: opts.now } : {}) })
  const mains = new Map<string, Main>()
  const load = (fn: string): Main => {
    const dir = opts.functionsDir ?? join(__dirname, '../../cloudfunctions')
    if (!mains.has(fn)) mains.set(fn, (require(join(dir, fn, 'index')) as { main: Main }).main)
    return mains.get(fn)!
  }
  return {
    store,
    call(fn, openid, body) {
      const main = load(fn)
      return runWithIdentity({ OPENID: openid ?? '' }, () => main(body, {}))
    },
    timer(fn, triggerName) {
      const main = load(fn)
      return runWithIdentity({ OPENID: '', SOURCE: 'wx_trigger' }, () => main({ Type: 'Timer', TriggerName: triggerName, Time: new Date().toISOString() }, {}))
    },
    snapshot(teamId) {
      const lines: string[] = []
      for (const coll of store.listCollections().sort()) {
        for (const doc of store.find(coll, {})) {
          if (teamId && (doc as { teamId?: string }).teamId !== teamId) continue
          lines.push(`${coll}:${JSON.stringify(doc)}`)
        }
      }
      return lines.sort().join('\n')
    },
    outbox(limit = 1000) {
      return readOutbox(limit)
    },
    close() {
      uninstallLocalCloud()
      store.close()
    },
  }
}
