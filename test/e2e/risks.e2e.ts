// Journey: the manager 陈静 opens 风险雷达 from 我的 → 经营管理, registers a 政策监管 risk (likelihood 2, impact 4:
// score 8, 中), raises its likelihood to 4 with a reason on the risk's page (16, 高; the reason in its history),
// and back on the radar the heat map shows it moved from (2, 4) to (4, 4) (the demo team's seeded risks stay where they were). Field staff (赵强) see no 经营管理
// entry, and opening the page directly is refused by the function.
import type { Page } from 'playwright-core'
import { openTab, signInAs, startJourney, until, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const settle = (page: Page) => page.waitForTimeout(1200)
/** A heat-map cell (an empty count has no size, so the cell is what is looked up). */
const cell = (page: Page, l: number, i: number) => visible(page, `.risks-page .heat-cell-${l}-${i}`)

test('a manager adds a risk, raises its likelihood with a reason and sees it move on the heat map', async () => {
  const m = (await j.phone()).page
  await signInAs(m, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(m, '我的')
  await visible(m, '.steering-group').getByText('经营管理').waitFor()
  await visible(m, '.entry-risks').click()
  // The demo team's register is seeded: note what the two cells hold before.
  await visible(m, '.risks-page .risk-row').waitFor()
  const count = async (l: number, i: number) => Number((await cell(m, l, i).innerText()) || 0)
  const [from, to] = [await count(2, 4), await count(4, 4)]
  await settle(m)
  await j.shot(m, 'risks-01-radar')

  await visible(m, '.risks-page .risk-add').click()
  const form = () => visible(m, '.risks-page .risk-form')
  await form().locator('.risk-category--policy').click()
  await form().locator('.field-risk-title input').fill('平台内容审核趋严')
  await form().locator('.risk-likelihood--2').click()
  await form().locator('.risk-impact--4').click()
  await form().locator('.risk-owner').getByText('陈静').click()
  await form().locator('.field-risk-plan textarea').fill('发布前合规自查，敏感选题提前报备')
  await form().locator('.field-risk-trigger input').fill('完播率连续两周红')
  await form().locator('.risk-signal--kpi').click()
  await settle(m)
  await j.shot(m, 'risks-02-form')
  await form().locator('.risk-save').click()

  // The risk's page: 8, 中, with its 登记 entry.
  const page = () => visible(m, '.risk-page')
  await page().locator('.risk-head__score').waitFor()
  expect(await page().locator('.risk-head .risk-level').innerText()).toBe('中 8')
  await page().locator('.risk-score').click()
  await page().locator('.score-likelihood--4').click()
  await page().locator('.field-score-reason input').fill('完播率连续两周红，审核退回增多')
  expect(await page().locator('.score-form__preview').innerText()).toBe('调整后：评分 16（高），原为 8（中）')
  await settle(m)
  await j.shot(m, 'risks-03-score')
  await page().locator('.score-save').click()
  await until(async () => (await page().locator('.risk-head .risk-level').innerText()) === '高 16')
  const latest = page().locator('.risk-change').first()
  expect(await latest.locator('.risk-change__text').innerText()).toBe('可能性 2→4，影响 4→4（评分 8→16，中→高）')
  expect(await latest.locator('.risk-change__reason').innerText()).toBe('原因：完播率连续两周红，审核退回增多')
  expect(await latest.locator('.risk-change__meta').innerText()).toMatch(/^陈静 · /)
  await settle(m)
  await j.shot(m, 'risks-04-detail')

  // Back on the radar: it moved from (2, 4) to (4, 4).
  await m.goBack()
  await until(async () => (await count(4, 4)) === to + 1)
  expect(await count(2, 4)).toBe(from)
  const row = m.locator('.risks-page .risk-row >> visible=true').filter({ hasText: '平台内容审核趋严' })
  expect(await row.locator('.risk-level').innerText()).toBe('高 16')
  await settle(m)
  await j.shot(m, 'risks-05-heat-map')
})

test('field staff see no 经营管理 entry and the function refuses the page', async () => {
  const f = (await j.phone()).page
  await signInAs(f, j.emu.url, 'demo_field_zhao', '赵强')
  await openTab(f, '我的')
  await visible(f, '.entry-notifications').waitFor()
  expect(await f.locator('.entry-risks').count()).toBe(0)
  expect(await f.getByText('经营管理').count()).toBe(0)
  await f.goto(`${j.emu.url}#/package-analytics/risks/index`)
  await visible(f, '.risks-page').getByText('没有权限', { exact: false }).first().waitFor()
  await settle(f)
  await j.shot(f, 'risks-06-field-refused')
})
