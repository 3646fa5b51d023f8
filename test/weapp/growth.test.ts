import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { GrowthView } from '../../core/analytics/schemas'
import { eventually, launchMiniProgram, texts, type CloudCall } from './harness'

const ROOT = path.resolve(__dirname, '../..')

/** What the real team and analytics functions answer for the demo team's operator 李娜 (see test/support/real-answers.ts). */
function realAnswers(): Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'test/support/real-answers.ts', 'demo_operator_li', 'team.me', 'analytics.growth={"range":{"range":"week"}}'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return JSON.parse(out) as Record<string, unknown>
}

/** A number with more decimals than any rule allows (money keeps exactly two, so it is taken out first). */
const RAW_FLOAT = /\d\.\d{2,}/

describe('mini-program build (dist/weapp): 粉丝增长', () => {
  const route = 'package-analytics/growth/index'
  let growth: GrowthView
  let shown: string[]

  beforeAll(async () => {
    const answers = realAnswers()
    const answer = answers['analytics.growth'] as { ok: boolean; data: GrowthView; error?: { message: string } }
    if (!answer.ok) throw new Error(`analytics.growth failed on the seeded demo team: ${answer.error?.message}`)
    growth = answer.data
    const cloud = (call: CloudCall) => answers[`${call.name}.${call.data.action}`] ?? { ok: false, error: { code: 'NOT_FOUND', message: `没有 ${call.name}.${call.data.action}` } }
    const mp = launchMiniProgram(cloud, route)
    const page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain(growth.forecastText), 10_000)
    shown = texts(page.data.root)
  }, 180_000)

  it('shows the forecast pace in whole followers a day (the fitted slope is a fraction)', () => {
    // The seeded team's fit is not a whole number, so this guards against the raw slope reaching the screen.
    expect(growth.forecast.kind).toBe('on_pace')
    const perDay = (growth.forecast as { perDay: number }).perDay
    expect(Number.isInteger(perDay)).toBe(false)
    expect(shown.join('\n')).toMatch(new RegExp(`约每天 \\+${Math.round(perDay)}）`))
  })

  it('shows no raw float anywhere on the page', () => {
    const offending = shown.map((t) => t.replace(/¥[\d,]+\.\d{2}/g, '¥')).filter((t) => RAW_FLOAT.test(t))
    expect(offending).toEqual([])
  })

  it('shows no negative zero', () => {
    expect(shown.filter((t) => /-0(?![\d.,])|-0\.0(?!\d)/.test(t))).toEqual([])
  })

  it('shows the growth rate and paid share with one decimal, and money in 元 with two', () => {
    const all = shown.join('\n')
    expect(all).toMatch(/增长率 (—|-?[\d,]+\.\d%)/)
    expect(all).toMatch(/投流占比 (—|[\d,]+\.\d%)/)
    for (const t of shown.filter((x) => x.includes('¥'))) expect(t).toMatch(/^-?¥[\d,]+\.\d{2}$/)
  })
})
