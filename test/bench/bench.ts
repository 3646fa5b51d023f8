// `npm run bench`: package sizes of the production builds and latency through the whole local stack.
// Figures, not pass/fail: timings on shared machines are too noisy for assertions.
// The sections live in sizes.ts, latency.ts, analytics.ts and jobs.ts; shared timing helpers in measure.ts.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import rules from '../../database.rules.json'
import { startEmulator } from '../../emulator/main'
import seed from '../../emulator/seed'
import { analyticsLatency } from './analytics'
import { reportsBench, weeklyJob } from './jobs'
import { inboxLatency, monthViewLatency, noopLatency, rebuildTime, snapshotLatency } from './latency'
import { rows } from './measure'
import { h5FirstRoute, ROOT, wechatSizes, weappSizes } from './sizes'

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
