// Latency through the whole local cloud: the no-op action, logSnapshot and the cheapest write, rebuildRollups, monthView and the review inbox.
import { DEMO_ADMIN } from '../../emulator/seed'
import { ITEMS, MEMBERS, PRODUCTIONS, SNAPSHOTS, TEAMS } from '../../cloudfunctions/common/db/collections'
import { newItemRecord } from '../../cloudfunctions/common/db/content'
import { stateFields } from '../../cloudfunctions/common/db/review'
import { defaultFlow } from '../../core/review/flow'
import { initialState } from '../../core/review/machine'
import type { Emulator } from '../../emulator/main'
import { addDays, dayKey } from '../../core/time/china'
import { caller, fmt, measure, rows, writer } from './measure'

let noop: { p50: number; p95: number } | undefined

export async function noopLatency(url: string): Promise<void> {
  const call = await caller(url, DEMO_ADMIN.openid)
  noop = await measure(2000, () => call('team', 'ping'))
  rows.push([`no-op action team.ping over HTTP (n=2000, SQLite file)`, fmt(noop)])
}

/** results.logSnapshot (a write: requestId claim, item read, one transaction with the fact, series and day rollup, audit). */
export async function snapshotLatency(emu: Emulator): Promise<void> {
  const teamId = String(emu.store.find(TEAMS, {})[0]._id)
  const item = emu.store.find(ITEMS, { query: { teamId, status: 'published', format: 'short_video' }, limit: 1 })[0]
  const write = await writer(emu.url, DEMO_ADMIN.openid)
  const today = dayKey(new Date())
  let i = 0
  // A later reading of the same day each time, as when a day's numbers are re-logged.
  const perCall = async (n: number, run: () => Promise<{ ok: boolean }>) => {
    emu.store.resetStats()
    const m = await measure(n, run)
    // measure() adds a warm-up of min(100, n/5) calls.
    return { ...m, requests: emu.store.stats().requests / (n + Math.min(100, n / 5)) }
  }
  const m = await perCall(1000, () => write('results', 'logSnapshot', { itemId: item._id, date: today, metrics: { plays: 10_000_000 + i } }, `bench-snap-${i++}`))
  rows.push([`results.logSnapshot over HTTP (n=1000, ${m.requests.toFixed(1)} DB requests per call)`, fmt(m)])
  if (noop) rows.push(['  ratio logSnapshot / ping (p50, goal ≤ 1.5)', (m.p50 / noop.p50).toFixed(2)], ['  ratio logSnapshot / ping (p95)', (m.p95 / noop.p95).toFixed(2)])
  // The cheapest real write: one document set, plus what every write pays (requestId claim, audit, finish).
  let j = 0
  const w = await perCall(1000, () => write('content', 'setMonthTheme', { month: '2027-01', theme: `主题 ${j}` }, `bench-theme-${j++}`))
  rows.push([`no-op-sized write content.setMonthTheme (n=1000, ${w.requests.toFixed(1)} DB requests per call)`, fmt(w)])
  rows.push(['  ratio logSnapshot / that write (p50)', (m.p50 / w.p50).toFixed(2)])
}

/** results.rebuildRollups over 100,000 snapshots (1,000 items × 100 days) written straight into the store. */
export async function rebuildTime(emu: Emulator): Promise<void> {
  const teamId = String(emu.store.find(TEAMS, {})[0]._id)
  const dims = { format: 'short_video', layer: 'intro', category: 'brand' }
  const today = dayKey(new Date())
  for (let it = 0; it < 1000; it++) {
    emu.store.insert(
      SNAPSHOTS,
      Array.from({ length: 100 }, (_, d) => {
        const date = addDays(today, d - 99)
        const at = new Date(`${date}T21:00:00+08:00`)
        return { _id: `bench_snap_${it}_${d}`, teamId, itemId: `bench_item_${it}`, date, metrics: { plays: (d + 1) * 100, likes: (d + 1) * 9, completions: (d + 1) * 35 }, kind: 'log', source: 'import', supersedes: null, reason: null, importId: null, dims, loggedByName: '基准', loggedAt: at, createdAt: at, updatedAt: at, createdBy: 'bench', version: 0 }
      }),
    )
  }
  const write = await writer(emu.url, DEMO_ADMIN.openid)
  const t = process.hrtime.bigint()
  const res = (await write('results', 'rebuildRollups', {}, 'bench-rebuild-1')) as { ok: boolean; data?: { snapshots: number; changedDays: number } }
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  if (!res.ok) throw new Error(`rebuild failed: ${JSON.stringify(res)}`)
  rows.push([`results.rebuildRollups, ${res.data!.snapshots.toLocaleString('en')} snapshots (${res.data!.changedDays} days rewritten)`, `${(ms / 1000).toFixed(2)} s`])
}

/** content.monthView for a month of ~300 items, with 300 and then 3,000 items in the team. */
export async function monthViewLatency(emu: Emulator): Promise<void> {
  const teamId = String(emu.store.find(TEAMS, {})[0]._id)
  const owner = String(emu.store.find(MEMBERS, { query: { teamId } })[0]._id)
  const insert = (from: number, to: number, month: (i: number) => number) =>
    emu.store.insert(
      ITEMS,
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k
        return newItemRecord({
          _id: `bench_${i}`, teamId, title: `基准内容${i}`, format: 'short_video', layer: i % 3 ? 'intro' : 'value', category: 'brand',
          ownerId: owner, plannedAt: new Date(Date.UTC(2031, month(i), 1 + (i % 28), 2)), createdBy: owner, now: new Date(),
        }) as unknown as Record<string, unknown>
      }),
    )
  const call = await caller(emu.url, DEMO_ADMIN.openid)
  const view = () => call('content', 'monthView', { month: '2031-03' })
  insert(0, 300, () => 2)
  const small = await measure(300, view)
  insert(300, 3000, (i) => 3 + (i % 9)) // 2,700 more in the other months of the year
  const large = await measure(300, view)
  rows.push(
    ['content.monthView, 300 items in team (300 in the month)', fmt(small)],
    ['content.monthView, 3,000 items in team (300 in the month)', fmt(large)],
    ['  ratio 3,000 / 300 (p50)', (large.p50 / small.p50).toFixed(2)],
  )
}

/** review.inbox for the demo manager with 50 and then 500 open reviews in the team (all waiting for managers). */
export async function inboxLatency(emu: Emulator): Promise<void> {
  const teamId = String(emu.store.find(TEAMS, {})[0]._id)
  const owner = String(emu.store.find(MEMBERS, { query: { teamId, roles: 'operator' } })[0]._id)
  const manager = emu.store.find(MEMBERS, { query: { teamId, roles: ['manager'] } })[0]
  const insert = (from: number, to: number) => {
    const items = Array.from({ length: to - from }, (_, k) => {
      const i = from + k
      return newItemRecord({
        _id: `bench_review_${i}`, teamId, title: `评审基准${i}`, format: 'short_video', layer: 'value', category: 'brand',
        ownerId: owner, plannedAt: new Date(Date.now() + (2 + (i % 20)) * 86400_000), createdBy: owner, now: new Date(),
      })
    })
    emu.store.insert(ITEMS, items as unknown as Record<string, unknown>[])
    emu.store.insert(
      PRODUCTIONS,
      items.map((it, k) => {
        const since = new Date(Date.now() - ((from + k) % 48) * 3600_000)
        const s = { ...initialState(defaultFlow('short_video'), owner), gateIndex: (from + k) % 5, gateState: 'in_review' as const, versionNo: 1, submittedBy: owner }
        return { _id: it._id, teamId, itemId: it._id, format: 'short_video', ...stateFields(s), startedAt: since, reviewSince: since, finalApprovedAt: null, publishedAt: null, createdAt: since, updatedAt: since, createdBy: owner, version: 1 }
      }) as unknown as Record<string, unknown>[],
    )
  }
  const call = await caller(emu.url, String(manager.openid))
  const inbox = () => call('review', 'inbox')
  insert(0, 50)
  const small = await measure(300, inbox)
  insert(50, 500)
  const large = await measure(300, inbox)
  rows.push(
    ['review.inbox, 50 open reviews (+ demo)', fmt(small)],
    ['review.inbox, 500 open reviews (+ demo; answers the oldest 100 + totals)', fmt(large)],
    ['  ratio 500 / 50 (p50)', (large.p50 / small.p50).toFixed(2)],
    ['  ratio 500 / 50 (p95)', (large.p95 / small.p95).toFixed(2)],
  )
}
