// Analytics over growing history: history teams of 10k / 100k / 1M snapshots, the dashboard from rollups vs a raw scan, funnel and growth.
import { SNAPSHOTS } from '../../cloudfunctions/common/db/collections'
import type { Emulator } from '../../emulator/main'
import { addDays, dayKey } from '../../core/time/china'
import { resolveRange } from '../../core/analytics/range'
import { rate } from '../../core/analytics/kpi'
import { addSums, type Sums } from '../../core/results/metrics'
import type { SnapshotMetrics } from '../../core/results/schemas'
import { dailyIncrements, effectiveSeries, type SnapshotFact } from '../../core/results/series'
import { writeHistory } from '../support/history'
import { caller, fmt, measure, measureSync, rows, settle, writer } from './measure'

/** The dashboard's range in the analytics rows: this calendar month up to today. */
const DASHBOARD_INPUT = { range: 'month' } as const

/**
 * Sizes of results history behind the analytics rows. Publication pace is the same in each (one item
 * every two days, logged daily from publication on), so the current month looks alike and only the
 * amount of history grows: snapshots ≈ days² / 4.
 */
export const HISTORIES = [
  { label: '10k', days: 200, items: 100 },
  { label: '100k', days: 632, items: 316 },
  { label: '1M', days: 2000, items: 1000 },
]

/** A new team (its creator as caller) with `h` written into the store by test/support/history.ts. */
export async function historyTeam(emu: Emulator, h: (typeof HISTORIES)[number]) {
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
 * analytics.dashboard over HTTP with 10k, 100k and 1M snapshots of history (rollups keep it flat), the same
 * post KPIs computed by scanning raw snapshots, and funnel and growth at 1M. The three histories belong to
 * three teams of one store, all written before any timing, so every team is measured in the same process
 * state (heap, JIT) and only the size of its own history differs.
 */
export async function analyticsLatency(emu: Emulator): Promise<void> {
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
