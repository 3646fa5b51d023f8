// Journey: the competitor watch on the demo team. An operator opens 竞品 from 看板, adds an account, logs its
// last week (the week before's values are beside the fields once there are some), and the comparison's table
// and chart show it next to our account. A manager records the account's major move, which opens a special
// analysis prefilled with its name. Field staff do not see the 竞品 link.
import type { Page } from 'playwright-core'
import { lastCompletedWeek, shiftWeek, weekShort } from '../../core/time/weeks'
import { openTab, signInAs, journeyNow, startJourney, until, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

async function settle(page: Page) {
  await page.waitForTimeout(1200)
}

/** How many pixels of the comparison's chart are drawn (not the white background). */
async function drawnPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('.competitors-page .comparison-chart canvas')] as HTMLCanvasElement[]
    const canvas = canvases.filter((c) => c.getBoundingClientRect().width > 0).pop()
    if (!canvas || !canvas.width) return 0
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let n = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++
    return n
  })
}

const tableRow = (page: Page, name: string) => page.locator('.competitors-page .comparison-table .data-table__row >> visible=true').filter({ hasText: name })

test('an operator adds a competitor and logs its week; the comparison shows it; a manager records its move', async () => {
  // A name of its own per attempt: a retry runs against the same local cloud.
  const name = `湖畔净水${String(Date.now()).slice(-4)}`
  const operator = (await j.phone()).page
  await signInAs(operator, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(operator, '看板')
  await visible(operator, '.dashboard-page__competitors').click()
  const page = () => visible(operator, '.competitors-page')
  // The demo's two accounts and their comparison are there already.
  await page().locator('.competitor-row--benchmark').waitFor()
  await until(async () => (await drawnPixels(operator)) > 500)
  await settle(operator)
  await j.shot(operator, 'competitors-01-list')

  // ---- add an account ----
  await page().locator('.competitor-add').click()
  await page().locator('.field-name input').fill(name)
  await page().locator('.account-kind--peer').click()
  await page().locator('.account-save').click()
  const row = () => page().locator('.competitor-row', { hasText: name })
  await row().waitFor()
  expect(await row().locator('.competitor-tag').innerText()).toBe('同行')
  expect(await row().locator('.competitor-row__latest').innerText()).toBe('还没有记录')

  // ---- log the week before last, then last week (上周 values shown beside the fields) ----
  const last = lastCompletedWeek(journeyNow())
  const logWeek = async (chip: string, followers: string, posts: string, likes: string) => {
    await row().locator('.competitor-log').click()
    await row().locator(`.day-chip--${chip}`).click()
    await row().locator('.field-followers input').fill(followers)
    await row().locator('.field-posts input').fill(posts)
    await row().locator('.field-bestLikes input').fill(likes)
  }
  await logWeek(shiftWeek(last, -1), '20000', '4', '600')
  await row().locator('.week-save').click()
  await until(async () => (await row().locator('.competitor-row__latest').innerText()).includes('粉丝 20,000'))
  await logWeek(last, '20500', '6', '12000')
  // Last week is the default chip, and the week before's numbers stand beside the fields.
  expect(await row().locator(`.day-chip--${last}`).getAttribute('class')).toContain('day-chip--active')
  expect(await row().locator('.field-followers .number-field__reference').innerText()).toBe('上周 20,000')
  expect(await row().locator('.field-bestLikes .number-field__reference').innerText()).toBe('上周 600')
  await settle(operator)
  await j.shot(operator, 'competitors-02-log-form')
  await row().locator('.week-save').click()
  await until(async () => (await row().locator('.competitor-row__latest').innerText()).startsWith(`${weekShort(last)} · 粉丝 20,500`))

  // ---- the comparison: the table's latest week and the chart ----
  await until(async () => (await tableRow(operator, name).count()) === 1)
  const cells = await tableRow(operator, name).locator('.data-table__cell').allInnerTexts()
  expect(cells).toEqual([name, '+2.5%', '6 条/周', '12,000'])
  expect(await tableRow(operator, '我们').count()).toBe(1)
  expect(await visible(operator, '.competitors-page .comparison-table .data-table__row--head').innerText()).toContain('粉丝增长率')
  expect(await drawnPixels(operator)).toBeGreaterThan(500)
  // Operators do not record major moves (managers do).
  expect(await page().locator('.competitor-move').count()).toBe(0)
  await page().locator('.comparison-latest').scrollIntoViewIfNeeded()
  await settle(operator)
  await j.shot(operator, 'competitors-03-comparison')

  // ---- a manager records the account's major move: a special analysis opens, named ----
  const manager = (await j.phone()).page
  await signInAs(manager, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(manager, '看板')
  await visible(manager, '.dashboard-page__competitors').click()
  const mRow = () => visible(manager, '.competitors-page').locator('.competitor-row', { hasText: name })
  await mRow().locator('.competitor-move').click()
  const description = mRow().locator('.field-description textarea')
  expect(await description.inputValue()).toBe(`竞品「${name}」：`)
  await description.fill(`竞品「${name}」：开始每天直播并大额投流`)
  await settle(manager)
  await j.shot(manager, 'competitors-04-major-move')
  await mRow().locator('.event-save').click()
  await visible(manager, '.analysis-page').getByText('开始每天直播并大额投流').first().waitFor()
  await settle(manager)
  await j.shot(manager, 'competitors-05-analysis')
})

test('field staff do not see the 竞品 link', async () => {
  const field = (await j.phone()).page
  await signInAs(field, j.emu.url, 'demo_field_zhao', '赵强')
  await openTab(field, '看板')
  await visible(field, '.dashboard-page__reports').waitFor()
  expect(await field.locator('.dashboard-page__competitors').count()).toBe(0)
  await j.shot(field, 'competitors-06-field-dashboard')
})
