import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { ReportView } from '../../core/reports/schemas'
import { addDays, dayKey, weekStart } from '../../core/time/china'
import { eventually, launchMiniProgram, texts, type CloudCall } from './harness'

const ROOT = path.resolve(__dirname, '../..')
/** A day of last week (China time): its 周报 can be made on demand. */
const LAST_WEEK = addDays(weekStart(dayKey(new Date())), -3)

/** What the real functions answer the demo team's manager 陈静 for last week's 周报 (see test/support/real-answers.ts). */
function realAnswers(): Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'test/support/real-answers.ts', 'demo_manager_chen', 'team.me', `analytics.generateReport={"kind":"weekly","day":"${LAST_WEEK}"}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return JSON.parse(out) as Record<string, unknown>
}

describe('mini-program build (dist/weapp): a 周报', () => {
  const route = 'package-analytics/report/index'
  let report: ReportView
  let shown: string[]

  beforeAll(async () => {
    const answers = realAnswers()
    const answer = answers['analytics.generateReport'] as { ok: boolean; data: ReportView; error?: { message: string } }
    if (!answer.ok) throw new Error(`analytics.generateReport failed on the seeded demo team: ${answer.error?.message}`)
    report = answer.data
    // The page reads the report it is opened with: the one just generated.
    answers['analytics.report'] = answer
    const cloud = (call: CloudCall) => answers[`${call.name}.${call.data.action}`] ?? { ok: false, error: { code: 'NOT_FOUND', message: `没有 ${call.name}.${call.data.action}` } }
    const mp = launchMiniProgram(cloud, route)
    const page = await mp.openPage(route, { id: report.id })
    await eventually(() => expect(texts(page.data.root)).toContain(report.title), 10_000)
    shown = texts(page.data.root)
  }, 180_000)

  it('draws the frozen cards: every KPI with its value and target as the function computed them', () => {
    const all = shown.join('\n')
    for (const c of report.weekly!.cards) {
      expect(all).toContain(c.label)
      expect(all).toContain(c.display)
    }
    expect(report.weekly!.cards.filter((c) => c.value !== null).length).toBeGreaterThan(3)
  })

  it('lists the verdicts, the rankings with their tags and the share buttons', () => {
    const all = shown.join('\n')
    for (const v of report.weekly!.verdicts) expect(all).toContain(v.verdictLabel)
    const top = report.weekly!.rankings[0].top[0]
    expect(top).toBeDefined()
    expect(all).toContain(`${top.title} · ${top.display}`)
    expect(all).toContain(top.tags)
    expect(shown).toEqual(expect.arrayContaining(['分享图片', '导出表格']))
  })

  it('shows no raw float, NaN or negative zero', () => {
    expect(shown.filter((t) => /\d\.\d{3,}|NaN|undefined|-0(?![\d.,])/.test(t))).toEqual([])
  })
})
