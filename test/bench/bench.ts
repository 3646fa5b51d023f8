// `npm run bench`: package sizes of the production builds and latency through the whole local stack.
// Figures, not pass/fail: timings on shared machines are too noisy for assertions.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import rules from '../../database.rules.json'
import { startEmulator } from '../../emulator/main'
import seed, { DEMO_ADMIN } from '../../emulator/seed'
import { ITEMS, KPI_WEEKS, MEMBERS, PRODUCTIONS, SNAPSHOTS, TEAMS } from '../../cloudfunctions/common/db/collections'
import type { TeamRecord } from '../../cloudfunctions/common/db/team'
import { newItemRecord } from '../../cloudfunctions/common/db/content'
import { stateFields } from '../../cloudfunctions/common/db/review'
import { defaultFlow } from '../../core/review/flow'
import { initialState } from '../../core/review/machine'
import type { Emulator } from '../../emulator/main'
import { addDays, dayKey } from '../../core/time/china'
import { resolveRange } from '../../core/analytics/range'
import { rate } from '../../core/analytics/kpi'
import { addSums, type Sums } from '../../core/results/metrics'
import type { SnapshotMetrics } from '../../core/results/schemas'
import { dailyIncrements, effectiveSeries, type SnapshotFact } from '../../core/results/series'
import { writeHistory } from '../support/history'
import { compiledSizes, MAIN_PACKAGE, packageSizes, wechatReport } from '../support/wechat'

const ROOT = resolve(__dirname, '../..')
const rows: [string, string][] = []
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

function weappSizes(): void {
  const dir = join(ROOT, 'dist/weapp')
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  let total = 0
  let main = 0
  for (const f of files(dir)) {
    if (f.endsWith('.map')) continue
    const size = statSync(f).size
    total += size
    if (!subRoots.some((r) => relative(dir, f).startsWith(r))) main += size
  }
  rows.push(['weapp total (production, no maps)', kb(total)], ['weapp main package (limit 2048 KB, bar 800 KB)', kb(main)])
}

/** WeChat's own byte counts (miniprogram-ci's PACKAGE_SIZE_LIMIT check), next to our count above. */
async function wechatSizes(): Promise<void> {
  const report = await wechatReport()
  const compiled = compiledSizes(report)
  const label = (pkg: string) => (pkg === MAIN_PACKAGE ? 'main package (goal ≤ 500 KB, limit 2048 KB)' : `sub-package ${pkg.replace(/\/$/, '')} (limit 2048 KB)`)
  for (const [pkg, bytes] of packageSizes(report)) {
    const after = compiled[pkg] === undefined ? '' : ` · compiled ${kb(compiled[pkg])}`
    rows.push([`weapp ${label(pkg)}, WeChat's count`, `${kb(bytes)} (${bytes} B)${after}`])
  }
  const failed = report.quality.filter((c) => !c.success).map((c) => c.name)
  rows.push(["WeChat's compile · code-quality checks", `${report.compile.ok ? 'ok' : 'FAILED'} · ${failed.length ? `failing: ${failed.join(', ')}` : 'all pass'}`])
}

async function h5FirstRoute(url: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  const scripts = new Set<string>()
  page.on('response', (r) => {
    const u = new URL(r.url())
    if (u.pathname.endsWith('.js')) scripts.add(u.pathname)
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await browser.close()
  let raw = 0
  let gz = 0
  for (const p of scripts) {
    const buf = readFileSync(join(ROOT, 'dist/h5', decodeURIComponent(p)))
    raw += buf.length
    gz += gzipSync(buf, { level: 9 }).length
  }
  rows.push([`H5 first-route JS (${scripts.size} files, goal ≤ 150 KB gzip)`, `${kb(raw)} raw / ${kb(gz)} gzip`])
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function caller(url: string, openid: string) {
  const session = (await (await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { token: string }
  return (fn: string, action: string, data: unknown = {}) =>
    fetch(`${url}api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>)
}

/** p50/p95 in ms of `n` sequential calls after a warm-up. */
async function measure(n: number, run: () => Promise<{ ok: boolean }>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(100, n / 5); i++) await run()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    const res = await run()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
    if (!res.ok) throw new Error(`call failed: ${JSON.stringify(res)}`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

const fmt = (m: { p50: number; p95: number }) => `p50 ${m.p50.toFixed(2)} ms · p95 ${m.p95.toFixed(2)} ms`

let noop: { p50: number; p95: number } | undefined

async function noopLatency(url: string): Promise<void> {
  const call = await caller(url, DEMO_ADMIN.openid)
  noop = await measure(2000, () => call('team', 'ping'))
  rows.push([`no-op action team.ping over HTTP (n=2000, SQLite file)`, fmt(noop)])
}

/** results.logSnapshot (a write: requestId claim, item read, one transaction with the fact, series and day rollup, audit). */
async function snapshotLatency(emu: Emulator): Promise<void> {
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
async function rebuildTime(emu: Emulator): Promise<void> {
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

/** Like `caller`, for writes: each call carries its own requestId. */
async function writer(url: string, openid: string) {
  const session = (await (await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { token: string }
  return (fn: string, action: string, data: unknown, requestId: string) =>
    fetch(`${url}api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ action, data, requestId }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>)
}

/** content.monthView for a month of ~300 items, with 300 and then 3,000 items in the team. */
async function monthViewLatency(emu: Emulator): Promise<void> {
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
async function inboxLatency(emu: Emulator): Promise<void> {
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

/** The dashboard's range in the analytics rows: this calendar month up to today. */
const DASHBOARD_INPUT = { range: 'month' } as const

/**
 * Sizes of results history behind the analytics rows. Publication pace is the same in each (one item
 * every two days, logged daily from publication on), so the current month looks alike and only the
 * amount of history grows: snapshots ≈ days² / 4.
 */
const HISTORIES = [
  { label: '10k', days: 200, items: 100 },
  { label: '100k', days: 632, items: 316 },
  { label: '1M', days: 2000, items: 1000 },
]

/** A new team (its creator as caller) with `h` written into the store by test/support/history.ts. */
async function historyTeam(emu: Emulator, h: (typeof HISTORIES)[number]) {
  const openid = `bench_hist_${h.label}`
  const write = await writer(emu.url, openid)
  const made = (await write('team', 'createTeam', { name: `基准历史 ${h.label}`, memberName: '基准运营', department: 'marketing' }, `bench-team-${h.label}`)) as { ok: boolean; data?: { team: { id: string } } }
  if (!made.ok) throw new Error(`createTeam failed: ${JSON.stringify(made)}`)
  const teamId = made.data!.team.id
  const t = process.hrtime.bigint()
  const written = writeHistory(emu.store, teamId, { items: h.items, days: h.days, endDay: dayKey(new Date()), idPrefix: `b${h.label}` })
  const s = Number(process.hrtime.bigint() - t) / 1e9
  await settle()
  return { teamId, openid, written, writeSeconds: s }
}

/**
 * What the dashboard's post KPIs cost without rollups: every snapshot of the team up to the range's end
 * (each item's values before the range are needed to difference its first day), an item's effective
 * series, its daily increments, summed over the range and the previous one. Read straight from the store
 * in-process, so it is a lower bound: through a cloud function it would also pay 1,000 documents a page.
 */
function rawDashboard(emu: Emulator, teamId: string) {
  const { range, previous } = resolveRange(DASHBOARD_INPUT, new Date())
  const docs = emu.store.find(SNAPSHOTS, { query: { teamId, date: { $lte: range.to } } }) as unknown as (SnapshotFact & { _id: string; itemId: string; metrics: SnapshotMetrics })[]
  const byItem = new Map<string, SnapshotFact[]>()
  for (const d of docs) (byItem.get(d.itemId) ?? byItem.set(d.itemId, []).get(d.itemId)!).push({ id: d._id, date: d.date, metrics: d.metrics, supersedes: d.supersedes })
  const cur: Sums = {}
  const prev: Sums = {}
  for (const list of byItem.values()) {
    for (const [day, inc] of dailyIncrements(effectiveSeries(list))) {
      if (day >= range.from && day <= range.to) addSums(cur, inc)
      else if (day >= previous.from && day <= previous.to) addSums(prev, inc)
    }
  }
  const kpis = (s: Sums) => ({
    completionRate: rate(s.completions ?? 0, s.plays ?? 0),
    interactionRate: rate((s.likes ?? 0) + (s.comments ?? 0) + (s.shares ?? 0) + (s.favorites ?? 0), s.plays ?? 0),
  })
  return { snapshotsRead: docs.length, current: kpis(cur), previous: kpis(prev) }
}

/**
 * After blocking the event loop (writing history, scanning in-process) past the server's keep-alive
 * timeout: let it close its idle sockets before the client reuses one (else ECONNRESET).
 */
const settle = () => new Promise((r) => setTimeout(r, 200))

async function measureSync(n: number, run: () => unknown): Promise<{ p50: number; p95: number }> {
  return measure(n, async () => {
    run()
    return { ok: true }
  })
}

/**
 * analytics.dashboard over HTTP with 10k, 100k and 1M snapshots of history (rollups keep it flat), the same
 * post KPIs computed by scanning raw snapshots, and funnel and growth at 1M. The three histories belong to
 * three teams of one store, all written before any timing, so every team is measured in the same process
 * state (heap, JIT) and only the size of its own history differs.
 */
async function analyticsLatency(emu: Emulator): Promise<void> {
  const n = Number(process.env.BENCH_ANALYTICS_N ?? 200)
  const teams: (Awaited<ReturnType<typeof historyTeam>> & { label: string })[] = []
  for (const h of HISTORIES) {
    const team = { ...(await historyTeam(emu, h)), label: h.label }
    teams.push(team)
    rows.push([`history ${h.label}: ${team.written.snapshots.toLocaleString('en')} snapshots, ${team.written.items} items, ${team.written.rollupDays} day rollups (written in)`, `${team.writeSeconds.toFixed(1)} s`])
  }
  const dash: Record<string, { p50: number; p95: number }> = {}
  const cards: Record<string, { kpi: string; value: number | null }[]> = {}
  const calls: Record<string, Awaited<ReturnType<typeof caller>>> = {}
  for (const team of teams) {
    const call = (calls[team.label] = await caller(emu.url, team.openid))
    const probe = (await call('analytics', 'dashboard', DASHBOARD_INPUT)) as { ok: boolean; error?: { message: string }; data?: { cards: { kpi: string; value: number | null }[] } }
    if (!probe.ok) {
      rows.push([`analytics.dashboard (month), ${team.label} snapshots`, `not measured: ${probe.error?.message ?? 'failed'}`])
      continue
    }
    cards[team.label] = probe.data!.cards
    dash[team.label] = await measure(n, () => call('analytics', 'dashboard', DASHBOARD_INPUT))
    emu.store.resetStats()
    await call('analytics', 'dashboard', DASHBOARD_INPUT)
    const st = emu.store.stats()
    rows.push(
      [`analytics.dashboard (month) over HTTP, ${team.label} snapshots (n=${n})`, fmt(dash[team.label])],
      // Scanned: documents the local store's matcher looked at (it indexes by team only, not by day).
      ['  per call: DB requests · documents read · scanned by the local store', `${st.requests} · ${st.docsRead} · ${st.docsScanned}`],
    )
  }
  if (dash['1M'] && dash['10k']) {
    rows.push(['  ratio dashboard 1M / 10k (p50, goal < 1.5)', (dash['1M'].p50 / dash['10k'].p50).toFixed(2)], ['  ratio dashboard 1M / 10k (p95)', (dash['1M'].p95 / dash['10k'].p95).toFixed(2)])
  }
  const big = teams.find((t) => t.label === '1M')!
  const raw = rawDashboard(emu, big.teamId)
  const scan = await measureSync(5, () => rawDashboard(emu, big.teamId))
  await settle()
  rows.push([`  same post KPIs by scanning raw snapshots, 1M (${raw.snapshotsRead.toLocaleString('en')} read, in-process, n=5)`, fmt(scan)])
  if (dash['1M']) {
    rows.push(['  ratio raw scan / dashboard from rollups, 1M (p50)', (scan.p50 / dash['1M'].p50).toFixed(0)])
    const card = (k: string) => cards['1M'].find((c) => c.kpi === k)?.value ?? null
    const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9)
    const agree = same(card('completionRate'), raw.current.completionRate) && same(card('interactionRate'), raw.current.interactionRate)
    rows.push(["  raw scan gives the dashboard's completion and interaction rates", agree ? 'yes' : `NO (cards ${card('completionRate')}, ${card('interactionRate')}; raw ${raw.current.completionRate}, ${raw.current.interactionRate})`])
  }
  const call = calls['1M']
  const quarter = { range: 'custom', from: addDays(dayKey(new Date()), -91), to: dayKey(new Date()) }
  const measured: [string, unknown, string][] = [
    ['funnel', { range: DASHBOARD_INPUT }, 'month'],
    ['funnel', { range: DASHBOARD_INPUT, layer: 'value', channel: 'wecom' }, 'month, layer + channel'],
    ['growth', { range: DASHBOARD_INPUT }, 'month'],
    ['growth', { range: quarter }, '92-day custom'],
  ]
  for (const [action, data, what] of measured) {
    const m = await measure(n, () => call('analytics', action, data))
    rows.push([`analytics.${action} (${what}) over HTTP, 1M snapshots (n=${n})`, fmt(m)])
  }
}

/**
 * The two-week rule's job per team (analytics/weekly.ts evaluateTeam, in-process on the local cloud's
 * database, as the timer runs it): a plan a year old, so the first run catches up 8 weeks; then one new
 * week at a time (the latest judged week's verdicts removed before each run), at 10k and 1M snapshots.
 */
async function weeklyJob(emu: Emulator): Promise<void> {
  const n = Number(process.env.BENCH_WEEKLY_N ?? 50)
  const { database } = await import('../../cloudfunctions/common/sdk')
  const { evaluateTeam, kpiWeekId, latestWeek } = await import('../../cloudfunctions/analytics/weekly')
  const db = database()
  const now = new Date()
  const per: Record<string, number> = {}
  for (const h of [HISTORIES[0], HISTORIES[2]]) {
    const team = await historyTeam(emu, h)
    emu.store.update(TEAMS, { _id: team.teamId }, { $set: { planStartDay: addDays(dayKey(now), -365) } }, { multi: false, upsert: false } as never)
    const doc = () => emu.store.getById(TEAMS, team.teamId) as unknown as TeamRecord
    emu.store.resetStats()
    let t = process.hrtime.bigint()
    const first = await evaluateTeam(db, doc(), now)
    const catchUp = Number(process.hrtime.bigint() - t) / 1e6
    let st = emu.store.stats()
    rows.push([`weekly job, first run over ${h.label} snapshots: ${first.weeks.length} weeks judged, ${first.opened.length} alerts opened`, `${catchUp.toFixed(0)} ms · ${st.requests} requests · ${st.docsRead} documents`])
    const week = latestWeek(now)
    const once = async () => {
      emu.store.remove(KPI_WEEKS, { _id: kpiWeekId(team.teamId, week) }, { multi: false })
      await evaluateTeam(db, doc(), now)
      return { ok: true }
    }
    emu.store.resetStats()
    t = process.hrtime.bigint()
    await once()
    st = emu.store.stats()
    const m = await measure(n, once)
    per[h.label] = m.p50
    rows.push([`weekly job, one new week, ${h.label} snapshots (n=${n})`, fmt(m)], ['  per team and week: DB requests · documents read', `${st.requests} · ${st.docsRead}`])
  }
  if (per['1M'] && per['10k']) rows.push(['  ratio weekly job 1M / 10k (p50)', (per['1M'] / per['10k']).toFixed(2)])
}

/**
 * Reports (issue 11): a 周报 and a 月报 generated in-process as the timer does (reports.ts reportRecord on the
 * local cloud's database) over 10k and 1M snapshots — requests and documents per report, and time —, then
 * reading the stored 周报 over HTTP (the wrapper's member and team lookups plus the one report read).
 */
async function reportsBench(emu: Emulator): Promise<void> {
  const n = Number(process.env.BENCH_REPORTS_N ?? 20)
  const { database } = await import('../../cloudfunctions/common/sdk')
  const { jobCtx } = await import('../../cloudfunctions/analytics/dashboard')
  const { periodOfDay, reportRecord } = await import('../../cloudfunctions/analytics/reports')
  const { judgedWeeks } = await import('../../cloudfunctions/analytics/weekly')
  const { previousMonth } = await import('../../core/reports/periodic')
  const db = database()
  const now = new Date()
  const week = judgedWeeks(now, 1)[0]
  const periods = [
    { kind: 'weekly' as const, period: week.week, from: week.from, to: week.to },
    periodOfDay('monthly', `${previousMonth(dayKey(now))}-01`),
  ]
  for (const h of [HISTORIES[0], HISTORIES[2]]) {
    const team = await historyTeam(emu, h)
    const ctx = jobCtx(db, emu.store.getById(TEAMS, team.teamId) as unknown as TeamRecord, now)
    for (const p of periods) {
      await reportRecord(ctx, p, { kind: 'timer' }) // warm
      emu.store.resetStats()
      await reportRecord(ctx, p, { kind: 'timer' })
      const st = emu.store.stats()
      const m = await measure(n, async () => {
        await reportRecord(ctx, p, { kind: 'timer' })
        return { ok: true }
      })
      rows.push([`${p.kind === 'weekly' ? '周报' : '月报'} generated, ${h.label} snapshots (in-process, n=${n})`, `${fmt(m)} · ${st.requests} requests · ${st.docsRead} documents`])
    }
    await settle()
    const call = await caller(emu.url, team.openid)
    const write = await writer(emu.url, team.openid)
    const made = (await write('analytics', 'generateReport', { kind: 'weekly', day: week.from }, `bench-report-${h.label}`)) as { ok: boolean; data?: { id: string } }
    if (!made.ok) {
      rows.push([`analytics.report (周报), ${h.label}`, `not measured: ${JSON.stringify(made).slice(0, 120)}`])
      continue
    }
    emu.store.resetStats()
    await call('analytics', 'report', { id: made.data!.id })
    const st = emu.store.stats()
    const m = await measure(n * 10, () => call('analytics', 'report', { id: made.data!.id }))
    rows.push([`analytics.report (a stored 周报) over HTTP, ${h.label} snapshots (n=${n * 10})`, `${fmt(m)} · ${st.requests} requests (member, team, the report) · ${st.docsRead} documents`])
  }
}

/**
 * Sections to run: all by default; `BENCH_ONLY=analytics` (comma-separated: sizes, h5, ping, monthView,
 * inbox, snapshot, rebuild, analytics, weekly, reports) runs only those, e.g. while working on one of them.
 */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean)
const runs = (section: string) => ONLY.length === 0 || ONLY.includes(section)

async function main(): Promise<void> {
  if (runs('sizes')) {
    weappSizes()
    await wechatSizes()
  }
  const emu = await startEmulator({
    dataDir: mkdtempSync(join(tmpdir(), 'bench-')),
    staticDir: join(ROOT, 'dist/h5'),
    collections: rules.collections,
  })
  try {
    await seed({ invoke: (fn, event, openid) => emu.invoke(fn, event, openid), store: emu.store, now: new Date() })
    if (runs('h5') && existsSync(join(ROOT, 'dist/h5/index.html'))) await h5FirstRoute(emu.url)
    if (runs('ping') || runs('snapshot')) await noopLatency(emu.url)
    if (runs('monthView')) await monthViewLatency(emu)
    if (runs('inbox')) await inboxLatency(emu)
    if (runs('snapshot')) await snapshotLatency(emu)
    if (runs('rebuild')) await rebuildTime(emu)
    if (runs('analytics')) await analyticsLatency(emu)
    if (runs('weekly')) await weeklyJob(emu)
    if (runs('reports')) await reportsBench(emu)
  } finally {
    await emu.close()
  }
  const w = Math.max(...rows.map((r) => r[0].length))
  console.log(`\n${'measure'.padEnd(w)} | value\n${'-'.repeat(w)}-|------`)
  for (const [k, v] of rows) console.log(`${k.padEnd(w)} | ${v}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
