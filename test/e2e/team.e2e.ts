// Journey: create a team, invite a colleague, who joins as field staff on a second phone, is refused
// an admin action by the cloud function, and gains a role the admin gives them.
import type { Page } from 'playwright-core'
import { startJourney, type Journey } from './support'
import { AUDIT, MEMBERS } from '../../cloudfunctions/common/db/collections'

let j: Journey
beforeAll(async () => {
  j = await startJourney()
})
afterAll(() => j?.close())

async function signInAsNewUser(page: Page) {
  await page.goto(j.emu.url)
  await page.locator('.login-new-user').click()
  await page.getByText('欢迎使用视频号运营台').waitFor()
}

const form = (page: Page, submit: string) => page.locator('.team-form', { has: page.locator(submit) })

async function pickDepartment(page: Page, submit: string, department: string) {
  await form(page, submit).locator(`.department-option--${department}`).click()
}

async function openMeEntry(page: Page, entry: string) {
  await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
  await page.locator(`.${entry}`).click()
}

test('admin invites a colleague who joins as field staff, is refused, then gets a new role', async () => {
  const a = await j.phone()
  await signInAsNewUser(a.page)
  const create = form(a.page, '.create-team-submit')
  await create.locator('.field-team-name input').fill('华东视频号运营组')
  await create.locator('.field-member-name input').fill('王敏')
  await pickDepartment(a.page, '.create-team-submit', 'marketing')
  await j.shot(a.page, 'team-01-create-form')
  await a.page.locator('.create-team-submit').click()
  await a.page.getByText('华东视频号运营组').first().waitFor()
  await j.shot(a.page, 'team-02-dashboard-admin')

  await openMeEntry(a.page, 'entry-invite')
  await a.page.locator('.invite-generate').click()
  const code = (await a.page.locator('.invite-code-card__code').innerText()).trim()
  expect(code).toMatch(/^[A-Z2-9]{8}$/)
  await j.shot(a.page, 'team-03-invite-code')

  const b = await j.phone()
  await signInAsNewUser(b.page)
  await b.page.getByText('加入团队', { exact: true }).first().click()
  const join = form(b.page, '.join-team-submit')
  await join.locator('.field-invite-code input').fill(code)
  await join.locator('.field-member-name input').fill('赵强')
  await pickDepartment(b.page, '.join-team-submit', 'sales')
  await b.page.locator('.join-team-submit').click()
  await b.page.getByText('华东视频号运营组').first().waitFor()
  await expect(b.page.getByText('一线/外勤').first().isVisible()).resolves.toBe(true)

  // Field staff are not offered 邀请成员; opened by its address, the function still refuses them.
  await b.page.locator('.taro-tabbar__tabbar').getByText('我的').click()
  await b.page.locator('.entry-profile').waitFor()
  expect(await b.page.locator('.entry-invite').count()).toBe(0)
  await b.page.goto(`${j.emu.url}#/package-team/invite/index`)
  await b.page.locator('.invite-generate').click()
  await b.page.locator('.invite-denial').waitFor()
  expect(await b.page.locator('.invite-denial').innerText()).toContain('没有权限')
  await j.shot(b.page, 'team-04-field-denied')

  await a.page.goBack()
  await a.page.locator('.entry-members').click()
  const row = a.page.locator('.member-row', { hasText: '赵强' })
  await row.locator('.member-edit-roles').click()
  await a.page.locator('.role-option--operator').click()
  await j.shot(a.page, 'team-05-role-editor')
  await a.page.locator('.role-editor .nut-dialog-footer-ok').click()
  await row.getByText('运营', { exact: true }).waitFor()

  const stored = j.emu.store.find(MEMBERS, { query: { name: '赵强', status: 'active' } })
  expect(stored.map((m) => m.roles)).toEqual([['operator', 'field']])
  const audit = j.emu.store.find(AUDIT, { query: { action: 'setMemberRoles' } })
  expect(audit).toHaveLength(1)

  // The admin reads the change back in 我的 → 审计日志: who, what, whom and the roles before → after.
  await a.page.goBack()
  // Each entry's description has the row to itself beside the arrow (NutUI would give the arrow half), so it reads on one line.
  const box = async (sel: string) => (await a.page.locator(sel).boundingBox())!
  const [cell, left] = [await box('.entry-audit'), await box('.entry-audit .nut-cell-left')]
  expect(left.width).toBeGreaterThan(cell.width * 0.6)
  await a.page.locator('.entry-audit').click()
  const entry = a.page.locator('.audit-entry--setMemberRoles')
  await entry.waitFor()
  expect(await entry.locator('.audit-entry__actor').innerText()).toBe('王敏')
  expect(await entry.locator('.audit-entry__action').innerText()).toBe('修改成员角色')
  expect(await entry.locator('.audit-entry__subject').innerText()).toBe('赵强')
  expect(await entry.locator('.audit-value--before').innerText()).toBe('一线/外勤')
  expect(await entry.locator('.audit-value--after').innerText()).toBe('运营、一线/外勤')
  await a.page.waitForTimeout(1000) // the page slides in: shoot the screen, not the motion
  await j.shot(a.page, 'team-07-audit-log')

  await b.page.goto(`${j.emu.url}#/pages/me/index`)
  await b.page.reload()
  await b.page.getByText('运营', { exact: true }).first().waitFor()
  expect(await b.page.locator('.entry-audit').count()).toBe(0)
  await j.shot(b.page, 'team-06-field-promoted')
})
