// Timer jobs per team at 10k and 1M snapshots: the two-week rule's weekly job, and generating and reading 周报 / 月报.
import { KPI_WEEKS, TEAMS } from '../../cloudfunctions/common/db/collections'
import type { TeamRecord } from '../../cloudfunctions/common/db/team'
import type { Emulator } from '../../emulator/main'
import { addDays, dayKey } from '../../core/time/china'
import { HISTORIES, historyTeam } from './analytics'
import { caller, fmt, measure, rows, settle, writer } from './measure'

/**
 * The two-week rule's job per team (analytics/weekly.ts evaluateTeam, in-process on the local cloud's
 * database, as the timer runs it): a plan a year old, so the first run catches up 8 weeks; then one new
 * week at a time (the latest judged week's verdicts removed before each run), at 10k and 1M snapshots.
 */
export async function weeklyJob(emu: Emulator): Promise<void> {
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
export async function reportsBench(emu: Emulator): Promise<void> {
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
