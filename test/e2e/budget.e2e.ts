// Journey: the budget on the demo team. A manager opens 预算 from 我的 → 经营管理, sets this month's budget,
// logs spend over it and sees the month turn red (chart and table) and the year-end forecast change; a
// correction of the same day asks why. Field staff see no 经营管理 row, and the page opened by its address
// shows the function's refusal.
import type { Page } from 'playwright-core'
import { SHOTS, signInAs, journeyNow, startJourney, until, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const month = Number(new Date(journeyNow().getTime() + 8 * 3600_000).toISOString().slice(5, 7))

async function settle(page: Page) {
  await page.waitForTimeout(1200)
}

/** How many pixels of the month chart are painted in the over-budget red (#fa5151). */
async function redPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = [...document.querySelectorAll('.budget-page canvas')].filter((c) => c.getBoundingClientRect().width > 0).pop() as HTMLCanvasElement | undefined
    if (!canvas || !canvas.width) return 0
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let n = 0
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 250) < 6 && Math.abs(data[i + 1] - 81) < 6 && Math.abs(data[i + 2] - 81) < 6) n++
    return n
  })
}

test('a manager sets the month\'s budget, logs spend over it and sees the month turn red and the forecast change', async () => {
  const manager = (await j.phone()).page
  await signInAs(manager, j.emu.url, 'demo_manager_chen', '陈静')
  await manager.locator('.taro-tabbar__tabbar').getByText('我的').click()
  const entry = visible(manager, '.steering-entries .entry-budget')
  expect(await visible(manager, '.steering-entries').innerText()).toContain('经营管理')
  await entry.click()
  const page = () => visible(manager, '.budget-page')
  await page().locator('.stat--forecast').waitFor()
  const row = () => page().locator(`.budget-month--${month}`)
  // The demo's 投流花费 counts as this year's 广告投放: the month has spend, no plan yet.
  expect(await row().locator('.budget-months__cell').nth(1).innerText()).toBe('—')
  const forecastBefore = await page().locator('.stat--forecast .stat__value').innerText()
  await settle(manager)
  await j.shot(manager, 'budget-01-start')

  // ---- this month's plan: 广告投放 ¥1,000,000 and 固定 ¥200,000 ----
  await page().locator(`.plan-month--${month}`).click()
  await page().locator('.field-plan-promo_ads input').fill('1000000')
  await page().locator('.field-plan-people_fixed input').fill('200000')
  await page().locator('.plan-submit').click()
  await until(async () => (await row().locator('.budget-months__cell').nth(1).innerText()) === '¥1,200,000.00')
  expect(await row().getAttribute('class')).not.toContain('budget-month--over')
  expect(await page().locator('.plan-done--promo_ads').innerText()).toContain('¥1,000,000.00')
  expect(await page().locator('.budget-history').innerText()).toContain('制定')

  // ---- spend over the plan: 活动赞助 ¥1,500,000 today ----
  await page().locator('.spend-category--promo_events').click()
  await page().locator('.field-spend-amount input').fill('1500000')
  await page().locator('.spend-submit').click()
  await until(async () => ((await row().getAttribute('class')) ?? '').includes('budget-month--over'))
  expect(await row().locator('.budget-month__variance').innerText()).toMatch(/^超 ¥/)
  await until(async () => (await page().locator('.stat--forecast .stat__value').innerText()) !== forecastBefore)
  expect(await page().locator('.stat--forecast .stat__hint').innerText()).toMatch(/^将超出预算 ¥/)
  await page().locator('.budget-months').first().scrollIntoViewIfNeeded()
  await until(async () => (await redPixels(manager)) > 50)
  await settle(manager)
  await j.shot(manager, 'budget-02-over')

  // ---- a second entry for the day and category needs a reason ----
  await page().locator('.spend-category--promo_events').click()
  await page().locator('.field-spend-amount input').fill('1400000')
  await page().locator('.spend-submit').click()
  await page().locator('.field-spend-reason').getByText(/更正请写明原因/).waitFor()
  await page().locator('.field-spend-reason input').fill('合同金额更正')
  await page().locator('.spend-submit').click()
  await page().locator('.budget-recent').getByText('更正：合同金额更正').waitFor()
  await page().locator('.stat-grid').first().scrollIntoViewIfNeeded()
  await settle(manager)
  await j.shot(manager, 'budget-03-top')
})

test('field staff see no 经营管理 row, and the budget page shows the refusal', async () => {
  const field = (await j.phone()).page
  await signInAs(field, j.emu.url, 'demo_field_zhao', '赵强')
  await field.locator('.taro-tabbar__tabbar').getByText('我的').click()
  await visible(field, '.entry-profile').waitFor()
  expect(await field.locator('.steering-entries').count()).toBe(0)
  expect(await field.locator('.entry-budget').count()).toBe(0)
  await field.goto(`${j.emu.url}#/package-analytics/budget/index`)
  await visible(field, '.page-state--error').getByText('无权查看').waitFor()
  expect(await field.locator('.budget-page .stat--forecast').count()).toBe(0)
  await settle(field)
  await j.shot(field, 'budget-04-field-refused')
})

void SHOTS
