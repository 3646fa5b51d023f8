// Journey: the plan's phases on the demo team. A manager opens 阶段计划 from 我的 (经营管理), starts the plan
// from the defaults, marks 组建团队 done with one tap and sees it done on the timeline (and the phase's
// progress move); the staffing block compares the plan's ranges with the members by department. An operator
// reads the plan without edit buttons. Field staff see no 经营管理 entry, and the page, opened by its address,
// shows the function's refusal.
import type { Page } from 'playwright-core'
import { openTab, signInAs, startJourney, until, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

async function settle(page: Page, ms = 1000) {
  await page.waitForTimeout(ms)
}

const milestone = (page: Page, title: string) => visible(page, '.phases-page').locator('.milestone', { hasText: title })

test('a manager starts the plan, marks a milestone done and sees it done on the timeline', async () => {
  const manager = (await j.phone()).page
  await signInAs(manager, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(manager, '我的')
  await visible(manager, '.section-steering').getByText('经营管理').waitFor()
  await visible(manager, '.section-steering').scrollIntoViewIfNeeded()
  await settle(manager)
  await j.shot(manager, 'phases-00-me')
  await visible(manager, '.entry-phases').click()
  const page = () => visible(manager, '.phases-page')

  // ---- not started: the start card and the staffing of the demo team (市场部 3, 技术部 1, 销售部 2) ----
  await page().locator('.plan-start__submit').waitFor()
  const staffing = await page().locator('.staffing-row').allInnerTexts()
  expect(staffing.map((s) => s.replace(/\s+/g, ' '))).toEqual([
    '内容创作 计划 5–8 人 · 现有 3 人 缺 2 人',
    '技术支持 计划 3–5 人 · 现有 1 人 缺 2 人',
    '运营管理 计划 3–5 人 · 现有 2 人 缺 1 人',
  ])
  await settle(manager)
  await j.shot(manager, 'phases-01-start')

  // ---- start from the defaults (today): four phases on the timeline ----
  await page().locator('.plan-start__submit').click()
  await page().locator('.phase--launch').waitFor()
  expect(await page().locator('.phase__title').allInnerTexts()).toEqual(['项目启动', '内容体系建设', '运营优化', '持续改进'])
  expect(await page().locator('.phase--launch .phase__count').innerText()).toBe('0/2 完成 · 0.0%')
  expect(await milestone(manager, '组建团队').locator('.milestone-tag').innerText()).toBe('待开始')
  await settle(manager, 2500) // the toast gone
  await j.shot(manager, 'phases-02-timeline')

  // ---- one tap: 组建团队 done ----
  await milestone(manager, '组建团队').locator('.milestone-done').click()
  await until(async () => (await milestone(manager, '组建团队').locator('.milestone-tag').innerText()) === '已完成')
  expect(await milestone(manager, '组建团队').locator('.milestone-done').count()).toBe(0)
  expect(await page().locator('.phase--launch .phase__count').innerText()).toBe('1/2 完成 · 50.0%')

  // ---- give 项目立项 an owner through its form ----
  await milestone(manager, '项目立项').locator('.milestone-edit').click()
  await milestone(manager, '项目立项').locator('.milestone-owner--none').waitFor()
  await milestone(manager, '项目立项').locator('.milestone-owner').filter({ hasText: '李娜' }).click()
  await milestone(manager, '项目立项').locator('.milestone-status--doing').click()
  await milestone(manager, '项目立项').locator('.milestone-save').click()
  await until(async () => (await milestone(manager, '项目立项').locator('.milestone__meta').innerText()).startsWith('李娜 · 截止'))
  expect(await milestone(manager, '项目立项').locator('.milestone-tag').innerText()).toBe('进行中')
  await settle(manager)
  await j.shot(manager, 'phases-03-done')

  // ---- an operator reads it, without edit buttons ----
  const operator = (await j.phone()).page
  await signInAs(operator, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(operator, '我的')
  await visible(operator, '.entry-phases').click()
  await until(async () => (await milestone(operator, '组建团队').locator('.milestone-tag').count()) === 1)
  expect(await milestone(operator, '组建团队').locator('.milestone-tag').innerText()).toBe('已完成')
  expect(await visible(operator, '.phases-page').locator('.milestone-done, .milestone-edit, .phase-add').count()).toBe(0)
})

test('field staff see no 经营管理 entry, and the function refuses them the page', async () => {
  const field = (await j.phone()).page
  await signInAs(field, j.emu.url, 'demo_field_zhao', '赵强')
  await openTab(field, '我的')
  await visible(field, '.entry-notifications').waitFor()
  expect(await field.locator('.entry-phases').count()).toBe(0)
  expect(await field.getByText('经营管理').count()).toBe(0)
  await settle(field)
  await j.shot(field, 'phases-04-field-me')
  await field.goto(`${j.emu.url}#/package-analytics/phases/index`)
  const refused = visible(field, '.phases-page .page-state--error')
  await refused.waitFor()
  expect(await refused.innerText()).toContain('没有权限')
  expect(await field.locator('.phase').count()).toBe(0)
  await settle(field)
  await j.shot(field, 'phases-05-field-refused')
})
