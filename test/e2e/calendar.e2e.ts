// Journey: the demo operator records an idea in the topic library, schedules it for a day this week,
// sees it on the calendar with the week's cadence and mix changed, moves it to the next week with a
// reason, reads the schedule history on the item, exports the month as a CSV Excel can open, and
// adds a new item from a day's sheet.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { addDays, dayKey, isoWeekKey } from '../../core/time/china'
import { journeyNow, startJourney, type Journey } from './support'
import { ITEMS } from '../../cloudfunctions/common/db/collections'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

// A retry runs in the same local cloud as the failed try, so it records an idea of its own; no title
// contains another, so a row found by title is always the one this try made.
const TITLES = ['门店店长讲新品的一天', '门店店长讲新品的第二天']
const LIVE_TITLES = ['直播预告：年终答谢', '直播预告：新年答谢']
let tries = 0
const REASON = '达人档期改到下周'

/** A day this week still ahead (tomorrow, or today on a Sunday), and the same weekday a week later. */
function journeyDays(now = journeyNow()) {
  const today = dayKey(now)
  const tomorrow = addDays(today, 1)
  const first = isoWeekKey(tomorrow) === isoWeekKey(today) ? tomorrow : today
  return { today, first, moved: addDays(first, 7) }
}

/** Lets page transitions and toasts finish so a screenshot shows the screen, not the motion. */
async function settle(page: Page) {
  await page.waitForTimeout(1800)
}

async function signInAsOperator(page: Page) {
  await page.goto(j.emu.url)
  await page.locator('.login-page').waitFor()
  await page.locator('.identity-row--demo_operator_li').click()
  await page.getByText('李娜').first().waitFor()
}

async function weekNumbers(page: Page) {
  await page.locator('.week-cadence').waitFor()
  return {
    cadence: (await page.locator('.week-cadence').innerText()).trim(),
    mix: (await page.locator('.week-summary .mix-check').innerText()).trim(),
  }
}

/** In the open schedule sheet: go to the month of `day`, tap it and 20:00. */
async function pickSlot(page: Page, day: string) {
  const sheet = page.locator('.schedule-sheet')
  const target = sheet.locator(`.schedule-day--${day}`)
  // Count only once the sheet's month is drawn: counting an empty sheet turned a month too far.
  await sheet.locator('[class*="schedule-day--"]').first().waitFor()
  // Turn one month at a time and let it render before looking again (checking at once overshot).
  for (let i = 0; i < 3 && !(await target.count()); i++) {
    await sheet.locator('.nut-calendarcard-header-right .right').click()
    await target.waitFor({ timeout: 2000 }).catch(() => undefined)
  }
  await target.click()
  await sheet.locator('.time-chip--2000').click()
}

test('operator schedules an idea, moves it with a reason, sees cadence and mix change, and exports the month', async () => {
  const title = TITLES[Math.min(tries, TITLES.length - 1)]
  const liveTitle = LIVE_TITLES[Math.min(tries++, LIVE_TITLES.length - 1)]
  const { first, moved } = journeyDays()
  const { page } = await j.phone()
  await signInAsOperator(page)

  await page.locator('.taro-tabbar__tabbar').getByText('日历').click()
  await page.locator('.month-grid').waitFor()
  await j.shot(page, 'calendar-01-month')

  await page.locator('.mode-toggle--week').click()
  const before = await weekNumbers(page)
  expect(before.cadence).toMatch(/^本周 \d+\/5 条$/)
  await j.shot(page, 'calendar-02-week')

  // 选题库 → 记录选题
  await page.locator('.calendar-open-ideas').click()
  await page.locator('.idea-filters').waitFor()
  await page.locator('.idea-create').click()
  await page.locator('.item-form').waitFor()
  await page.locator('.field-title input').fill(title)
  await page.locator('.layer-option--story').click()
  await page.locator('.category-option--pain_point').click()
  await page.locator('.source-option--sales').click()
  await j.shot(page, 'calendar-03-idea-form')
  await page.locator('.item-submit').click()

  // Back in the library: find it and 安排发布 for a day this week.
  await page.locator('.idea-search input').fill('店长讲新品')
  const idea = page.locator('.ideas-list .item-row', { hasText: title })
  await idea.waitFor()
  await j.shot(page, 'calendar-04-ideas')
  await idea.locator('.idea-schedule').click()
  await page.locator('.schedule-sheet .schedule-calendar').waitFor()
  await pickSlot(page, first)
  await j.shot(page, 'calendar-05-schedule-sheet')
  await page.locator('.schedule-sheet .schedule-confirm').click()
  await idea.waitFor({ state: 'detached' })

  // The calendar shows it on that day; the week counts one more and its mix moved toward 情感共鸣.
  await page.goBack()
  const row = page.locator(`.week-day--${first} .item-row`, { hasText: title })
  await row.waitFor()
  const scheduled = await weekNumbers(page)
  expect(countOf(scheduled.cadence)).toBe(countOf(before.cadence) + 1)
  expect(scheduled.mix).not.toEqual(before.mix)
  await settle(page)
  await j.shot(page, 'calendar-06-week-scheduled')

  // 改期 to the same weekday next week, with a reason.
  await row.click()
  await page.locator('.item-summary').waitFor()
  await page.locator('.item-reschedule').click()
  await pickSlot(page, moved)
  await page.locator('.schedule-sheet .field-reason input').fill(REASON)
  await page.locator('.schedule-sheet .schedule-confirm').click()
  const entries = page.locator('.history-entry')
  await entries.filter({ hasText: REASON }).first().waitFor() // the page reloads the item after the write
  await expect(entries.first().innerText()).resolves.toContain(REASON)
  expect(await entries.count()).toBe(2)
  expect(await entries.first().innerText()).toContain('李娜')
  await settle(page)
  await j.shot(page, 'calendar-07-item-history')

  await page.goBack()
  await page.locator(`.week-day--${first}`).waitFor()
  await expectText(page, '.week-cadence', before.cadence)
  expect(await page.locator(`.week-day--${first} .item-row`, { hasText: title }).count()).toBe(0)
  await page.locator('.calendar-next').click()
  await page.locator(`.week-day--${moved} .item-row`, { hasText: title }).waitFor()
  await settle(page)
  await j.shot(page, 'calendar-08-next-week')

  // The month of the new day: the item is in its cell; export that month.
  await page.locator('.mode-toggle--month').click()
  // A chip may drop a start the title shares with others in view; its whole title is its label.
  await page.locator(`.month-cell--${moved} .month-chip[aria-label="${title}"]`).waitFor()
  await settle(page)
  await j.shot(page, 'calendar-09-month-moved')

  // Tapping the day opens its sheet with every item of the day and "+ 新建内容" for a planner.
  await page.locator(`.month-cell--${moved}`).click()
  await page.locator('.day-sheet .item-row', { hasText: title }).waitFor()
  await expect(page.locator('.day-sheet-create').isVisible()).resolves.toBe(true)
  await settle(page)
  await j.shot(page, 'calendar-10-day-sheet')

  // + 新建内容 opens the editor on that day; the new item lands in the same cell.
  await page.locator('.day-sheet-create').click()
  await page.locator('.item-form .field-planned-at').waitFor()
  expect(await page.locator('.field-planned-at').innerText()).toContain(`${Number(moved.slice(5, 7))}月${Number(moved.slice(8))}日`)
  await page.locator('.field-title input').fill(liveTitle)
  await page.locator('.format-option--livestream').click()
  await page.locator('.layer-option--value').click()
  await page.locator('.category-option--interactive').click()
  await j.shot(page, 'calendar-11-new-item-form')
  await page.locator('.item-submit').click()
  await page.locator(`.month-cell--${moved} .month-chip--planned[aria-label="${liveTitle}"]`, { hasText: '播' }).waitFor()
  const created = j.emu.store.find(ITEMS, { query: { title: liveTitle } })
  expect(created).toMatchObject([{ status: 'planned', day: moved, format: 'livestream' }])
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.calendar-export').click()])
  expect(download.suggestedFilename()).toBe(`内容日历_${moved.slice(0, 7)}-01_${monthEnd(moved)}.csv`)
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.toString('utf8')).toContain(title)

  const stored = j.emu.store.find(ITEMS, { query: { title } })
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ status: 'planned', day: moved })
  expect((stored[0].scheduleHistory as { reason: string }[]).map((h) => h.reason)).toEqual(['', REASON])
})

function countOf(cadence: string): number {
  return Number(/(\d+)\//.exec(cadence)?.[1])
}

function monthEnd(day: string): string {
  let d = `${day.slice(0, 7)}-28`
  while (addDays(d, 1).slice(0, 7) === day.slice(0, 7)) d = addDays(d, 1)
  return d
}

async function expectText(page: Page, selector: string, text: string) {
  await page.locator(selector, { hasText: text }).waitFor()
}
