// Journey: two items whose titles start alike sit on one day of the month on screen; at a 390 px phone
// width the month grid's chips show different text for them, and the day sheet is one tap away.
import type { Page } from 'playwright-core'
import { ITEMS, MEMBERS } from '../../cloudfunctions/common/db/collections'
import { newItemRecord } from '../../cloudfunctions/common/db/content'
import { addDays, dayKey } from '../../core/time/china'
import { journeyNow, startJourney, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const A = '净水器滤芯更换教程'
const B = '净水器滤芯安装避坑'

/** A day of this month at least a day ahead when possible, so the plan is in the future. */
function dayThisMonth(now = journeyNow()): string {
  const today = dayKey(now)
  const next = addDays(today, 1)
  return next.slice(0, 7) === today.slice(0, 7) ? next : today
}

/** Plans a short video for the demo operator straight in the store (as the demo seed does). */
function plan(day: string, title: string, time: string) {
  const [operator] = j.emu.store.find(MEMBERS, { query: { name: '李娜', status: 'active' } })
  const at = new Date(`${day}T${time}:00+08:00`)
  const doc = newItemRecord({
    _id: `grid_${time.replace(':', '')}`,
    teamId: String(operator.teamId),
    title,
    format: 'short_video',
    layer: 'value',
    category: 'pain_point',
    ownerId: operator._id,
    plannedAt: at,
    createdBy: operator._id,
    now: journeyNow(),
  })
  // A retried test finds its items already planned.
  if (!j.emu.store.find(ITEMS, { query: { _id: doc._id } }).length) j.emu.store.insert(ITEMS, [doc as never])
}

async function openMonth(page: Page) {
  await page.goto(j.emu.url)
  await page.locator('.login-page').waitFor()
  await page.locator('.identity-row--demo_operator_li').click()
  await page.getByText('李娜').first().waitFor()
  await page.locator('.taro-tabbar__tabbar').getByText('日历').click()
  await page.locator('.month-grid').waitFor()
}

/** What each chip of a cell really shows, in order: its mark and the characters of its text not clipped. */
async function visibleChipTexts(page: Page, day: string): Promise<string[]> {
  return page.locator(`.month-cell--${day} .month-chip`).evaluateAll((chips) =>
    chips.map((chip) => {
      const title = chip.querySelector('.month-chip__title') as HTMLElement
      const mark = chip.querySelector('.month-chip__mark')?.textContent ?? ''
      const right = title.getBoundingClientRect().right
      // Taro's H5 text element holds a comment and empty text nodes besides its text.
      const node = [...title.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent)
      const text = node?.textContent ?? ''
      const range = document.createRange()
      let shown = ''
      for (let i = 0; i < text.length; i++) {
        range.setStart(node!, i)
        range.setEnd(node!, i + 1)
        if (range.getBoundingClientRect().right > right + 0.5) break
        shown += text[i]
      }
      return mark + shown
    }),
  )
}

test('two items whose titles share their first four characters show different chip text at 390 px', async () => {
  const day = dayThisMonth()
  plan(day, A, '10:00')
  plan(day, B, '11:00')
  expect(A.slice(0, 4)).toBe(B.slice(0, 4))
  const { page } = await j.phone()
  expect(page.viewportSize()).toEqual({ width: 390, height: 844 })
  await openMonth(page)
  // The two come first in the cell: the demo plans nothing before 12:00.
  const chips = page.locator(`.month-cell--${day} .month-chip`)
  await chips.nth(1).waitFor()

  const [a, b] = await visibleChipTexts(page, day)
  expect(a.length).toBeGreaterThanOrEqual(3)
  expect(b.length).toBeGreaterThanOrEqual(3)
  expect(a).not.toBe(b)
  await page.waitForTimeout(1500)
  await j.shot(page, 'month-grid-390')

  // The whole titles are one tap away, in the day sheet.
  await chips.nth(1).click()
  for (const t of [A, B]) await page.locator('.day-sheet .item-row', { hasText: t }).waitFor()
  await page.waitForTimeout(1500)
  await j.shot(page, 'month-grid-390-day-sheet')
})
