// Journey: the demo team's dashboard at baseline shows red for 完播率 and 投流占比. An operator looks at a
// KPI's detail, the funnel and growth (logging a day's promotion spend), then imports a strong export
// through 填报 → 导入数据; the lights turn and the funnel's completion step moves. The admin raises the
// 完播率 target with a reason (this quarter's target: an admin's override): the card's 本期目标 and 终期 move
// with it (the target ramps from the plan's start, so this week's share of a higher end value) and the
// change is on record with who, why and for which quarter.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { dayKey, inChina } from '../../core/time/china'
import { openTab, signInAs, journeyNow, startJourney, until, visible, type Journey } from './support'
import { ITEMS, SNAPSHOTS } from '../../cloudfunctions/common/db/collections'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const TODAY = dayKey(journeyNow())

/** Lets page transitions, charts and toasts finish so a screenshot shows the screen, not the motion. */
async function settle(page: Page) {
  await page.waitForTimeout(1500)
}




/** The light a card shows, read from its class (kpi-card--green …) and its word. */
async function lightOf(page: Page, kpi: string): Promise<{ light: string; word: string }> {
  const card = visible(page, `.dashboard-page .kpi-card--${kpi}`)
  await card.waitFor()
  const cls = (await card.getAttribute('class')) ?? ''
  const light = /kpi-card--(green|yellow|red|none)\b/.exec(cls)![1]
  return { light, word: await card.locator('.light-badge__word').innerText() }
}


async function completionStepText(page: Page): Promise<string> {
  return visible(page, '.funnel-stage--completion .funnel-stage__rate').innerText()
}

test('lights at baseline, a strong import turns them, the funnel moves, and a target change is recorded', async () => {
  // ---- operator 李娜: the baseline ----
  const { page } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(page, '看板')
  await visible(page, '.kpi-grid').waitFor()
  expect(await lightOf(page, 'completionRate')).toEqual({ light: 'red', word: '未达标' })
  expect(await lightOf(page, 'paidShare')).toEqual({ light: 'red', word: '未达标' })
  await settle(page)
  await j.shot(page, 'dashboard-01-baseline')
  await page.mouse.wheel(0, 1400)
  await settle(page)
  await j.shot(page, 'dashboard-02-baseline-scrolled')

  // ---- KPI detail: the series as a chart and as a table ----
  await visible(page, '.kpi-card--completionRate').click()
  await visible(page, '.kpi-page .kpi-series-table').waitFor()
  await visible(page, '.kpi-page .kpi-formula').waitFor()
  await settle(page)
  await j.shot(page, 'dashboard-03-kpi-detail')
  await page.goBack()

  // ---- funnel ----
  await visible(page, '.analytics-link--funnel').click()
  await visible(page, '.funnel-stage--order').waitFor()
  const completionBefore = await completionStepText(page)
  expect(await visible(page, '.funnel-page .funnel-drop__text').innerText()).toContain('最大流失')
  await settle(page)
  await j.shot(page, 'dashboard-04-funnel')
  await page.goBack()

  // ---- growth, and a day's promotion spend ----
  await visible(page, '.analytics-link--growth').click()
  await visible(page, '.growth-page .stat--total').waitFor()
  await settle(page)
  await j.shot(page, 'dashboard-05-growth')
  await visible(page, '.growth-page .field-amountFen input').fill('1234.5')
  await visible(page, '.growth-page .spend-submit').click()
  await page.getByText('已记录 ¥1,234.50').first().waitFor()
  await settle(page)
  await j.shot(page, 'dashboard-06-growth-spend')
  await page.goBack()

  // ---- a strong export imported through 填报 (today's cumulative numbers for every item still missing them) ----
  await openTab(page, '填报')
  await visible(page, '.log-shortcut--import').click()
  await visible(page, '.import-choose').waitFor()
  const targets = strongRows()
  expect(targets.length).toBeGreaterThanOrEqual(2)
  const file = writeExport([['视频标题', '发表时间', '曝光量', '播放量', '点赞', '评论', '分享', '收藏', '关注', '完播率'], ...targets.map((t) => t.cells)])
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.import-choose').click()])
  await chooser.setFiles(file)
  await visible(page, '.import-summary__ok').waitFor()
  expect(await visible(page, '.import-summary__ok').innerText()).toBe(`可导入 ${targets.length} 行`)
  await visible(page, '.import-confirm').click()
  await visible(page, '.import-landed__title').waitFor()
  await visible(page, '.import-done').click()

  // ---- the lights turn ----
  await openTab(page, '看板')
  await until(async () => (await lightOf(page, 'completionRate')).light === 'green')
  expect(await lightOf(page, 'paidShare')).toEqual({ light: 'green', word: '达标' })
  await visible(page, '.kpi-card--completionRate').scrollIntoViewIfNeeded()
  await settle(page)
  await j.shot(page, 'dashboard-07-after-import')
  await visible(page, '.analytics-link--funnel').click()
  await visible(page, '.funnel-stage--order').waitFor()
  await until(async () => (await completionStepText(page)) !== completionBefore)
  await settle(page)
  await j.shot(page, 'dashboard-08-funnel-after-import')

  // ---- admin 王敏 raises this quarter's 完播率 target with a reason (a manager could only plan next quarter's) ----
  const manager = (await j.phone()).page
  await signInAs(manager, j.emu.url, 'demo_admin_wangmin', '王敏')
  await openTab(manager, '看板')
  expect((await lightOf(manager, 'completionRate')).light).toBe('green')
  const targetText = () => visible(manager, '.dashboard-page .kpi-card--completionRate .kpi-card__target').innerText()
  const horizonText = () => visible(manager, '.dashboard-page .kpi-card--completionRate .kpi-card__horizon').innerText()
  const percentIn = (t: string) => Number(/([\d.]+)%/.exec(t)![1])
  const before = await targetText()
  expect(await horizonText()).toMatch(/^终期 ≥ 50\.0% · \d{4}-\d{2}-\d{2} 截止$/)
  await visible(manager, '.analytics-link--targets').click()
  const row = visible(manager, '.targets-page .target--completionRate')
  await row.locator('.target-edit').click()
  await row.locator('.field-value input').fill('97')
  await row.locator('.target-save').click()
  await row.locator('.field-reason .field-error').waitFor()
  expect(await row.locator('.field-reason .field-error').innerText()).toBe('调整原因：请填写调整原因')
  await row.locator('.field-reason textarea').fill('头部账号完播率已到 90% 以上，拉高要求')
  await settle(manager)
  await j.shot(manager, 'dashboard-09-target-form')
  await row.locator('.target-save').click()
  await row.locator('.target__value', { hasText: '97.0%' }).waitFor()
  await row.locator('.target-history-toggle').click()
  await row.locator('.target-history__reason', { hasText: '头部账号完播率已到 90% 以上，拉高要求' }).waitFor()
  expect(await row.locator('.target-history__meta').first().innerText()).toContain('王敏')
  expect(await row.locator('.target-history__trigger').first().innerText()).toMatch(/^管理员修改本期目标 · \d{4} 年第 [1-4] 季度$/)
  expect(await row.locator('.target-history__change').first().innerText()).toContain('→ 97.0%')
  await settle(manager)
  await j.shot(manager, 'dashboard-10-targets-history')
  await manager.goBack()
  await until(async () => (await horizonText()).startsWith('终期 ≥ 97.0%'), 15_000, horizonText)
  expect(percentIn(await targetText())).toBeGreaterThan(percentIn(before))
  await visible(manager, '.kpi-card--completionRate').scrollIntoViewIfNeeded()
  await settle(manager)
  await j.shot(manager, 'dashboard-11-after-target')
})

/**
 * Rows of an export for today's numbers of every published item that has none yet: each item's
 * cumulative numbers jump by millions of plays at 80% completion with many organic follows.
 */
function strongRows() {
  const items = j.emu.store
    .find(ITEMS, { query: { status: 'published' } })
    .filter((i) => j.emu.store.find(SNAPSHOTS, { query: { itemId: String(i._id), date: TODAY } }).length === 0)
  return items.map((i) => {
    const snaps = j.emu.store.find(SNAPSHOTS, { query: { itemId: String(i._id) } }) as unknown as { date: string; metrics: Record<string, number> }[]
    const last = snaps.sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.metrics ?? {}
    const was = (k: string) => last[k] ?? 0
    const plays = was('plays') + 3_000_000
    const completions = was('completions') + 2_400_000
    const cells = [
      String(i.title),
      inChina(i.publishedAt as Date).format('YYYY/MM/DD HH:mm'),
      String(Math.max(was('impressions'), plays) + 6_000_000),
      String(plays),
      String(was('likes') + 600_000),
      String(was('comments') + 150_000),
      String(was('shares') + 150_000),
      String(was('favorites') + 100_000),
      String(was('newFollowersOrganic') + 60_000),
      `${((completions / plays) * 100).toFixed(2)}%`,
    ]
    return { id: String(i._id), cells }
  })
}

function writeExport(rows: string[][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-export-'))
  const path = join(dir, '视频号作品数据.csv')
  const csv = rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')
  writeFileSync(path, `\uFEFF${csv}`)
  return path
}
