import { execFileSync } from 'node:child_process'
import path from 'node:path'
import simulate from 'miniprogram-simulate'
import type { Dashboard } from '../../core/analytics/schemas'
import { classesOf, eventually, launchMiniProgram, texts, writeProbe, type CloudCall } from './harness'

const ROOT = path.resolve(__dirname, '../..')
const LIGHT_WORDS = { green: '达标', yellow: '接近', red: '未达标', none: '无数据' }

/** What the real team and analytics functions answer for the demo team's operator 李娜 (see test/support/real-answers.ts). */
function realAnswers(): Record<string, unknown> {
  const out = execFileSync('npx', ['tsx', 'test/support/real-answers.ts', 'demo_operator_li', 'team.me', 'analytics.dashboard={"range":"week"}'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return JSON.parse(out) as Record<string, unknown>
}

describe('mini-program build (dist/weapp): 看板 tab', () => {
  const route = 'pages/dashboard/index'
  let answers: Record<string, unknown>
  let dashboard: Dashboard
  let mp: ReturnType<typeof launchMiniProgram>
  let page: Awaited<ReturnType<ReturnType<typeof launchMiniProgram>['openPage']>>

  beforeAll(async () => {
    answers = realAnswers()
    const answer = answers['analytics.dashboard'] as { ok: boolean; data: Dashboard; error?: { message: string } }
    if (!answer.ok) throw new Error(`analytics.dashboard failed on the seeded demo team: ${answer.error?.message}`)
    dashboard = answer.data
    // wx.cloud.callFunction answers with exactly what the real functions returned.
    const cloud = (call: CloudCall) => answers[`${call.name}.${call.data.action}`] ?? { ok: false, error: { code: 'NOT_FOUND', message: `没有 ${call.name}.${call.data.action}` } }
    mp = launchMiniProgram(cloud, route)
    page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain(dashboard.cards[0].label), 10_000)
  }, 180_000)

  it('renders the dashboard page with real function data', () => {
    const shown = texts(page.data.root)
    expect(shown).toContain(dashboard.range.label)
    expect(shown).toContain(dashboard.asOf.text)
    for (const card of dashboard.cards) {
      expect(shown).toContain(card.label)
      expect(shown).toContain(card.display)
      expect(shown).toContain(`本期目标 ${card.targetDisplay}`)
      if (card.horizonText) expect(shown).toContain(card.horizonText)
      if (card.note) expect(shown).toContain(card.note)
      expect(shown).toContain(LIGHT_WORDS[card.light])
    }
    const classes = classesOf(page.data.root)
    expect(classes.filter((c) => /\bkpi-card\b/.test(c))).toHaveLength(dashboard.cards.length)
    // An operator may open each card's detail and the analysis pages.
    expect(classes.filter((c) => c.includes('kpi-card--link'))).toHaveLength(dashboard.cards.length)
    for (const t of ['转化漏斗', '粉丝增长', '目标管理']) expect(shown).toContain(t)
  })

  it('shows every card number as people say it: no raw float, no negative zero', () => {
    const shown = texts(page.data.root).map((t) => t.replace(/¥[\d,]+\.\d{2}/g, '¥'))
    expect(shown.filter((t) => /\d\.\d{2,}/.test(t))).toEqual([])
    expect(shown.filter((t) => /-0(?![\d.,])|-0\.0(?!\d)/.test(t))).toEqual([])
    for (const card of dashboard.cards.filter((c) => c.unit === 'ratio' && c.value !== null)) expect(card.display).toMatch(/^-?[\d,]+\.\d%$/)
  })

  it("asks the 'analytics' function for this week through wx.cloud.callFunction", () => {
    expect(mp.calls.filter((c) => c.name === 'analytics')).toEqual([{ name: 'analytics', data: expect.objectContaining({ action: 'dashboard', data: { range: 'week' } }) }])
  })

  it("renders that tree through the build's own base.wxml template", () => {
    const id = simulate.load(writeProbe())
    const probe = simulate.render(id, { root: page.data.root })
    probe.attach(document.createElement('div'))
    const text = probe.dom!.textContent ?? ''
    expect(text).toContain(dashboard.cards[0].label)
    expect(text).toContain(dashboard.cards[0].display)
    expect(text).toContain('本周')
  })
})
