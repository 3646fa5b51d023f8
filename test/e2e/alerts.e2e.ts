// Journey: the two-week rule on the demo team (at baseline, its plan five weeks old, so 完播率 has missed
// its ramped target two weeks running). An operator sees the alert on 看板 and reads the special
// analysis's evidence, but cannot close it. The manager opens it from 看板, is told what is missing,
// decides 调整目标 with a reason (a lower end value): the 完播率 card's target drops and its light leaves red,
// the alert leaves 看板, and the target's history records the revision linked to the analysis.
import type { Page } from 'playwright-core'
import { openTab, signInAs, startJourney, until, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())


async function settle(page: Page) {
  await page.waitForTimeout(1500)
}




test('an alert leads to a special analysis; the manager adjusts the target, the card follows and the revision is on record', async () => {
  // ---- operator 李娜: sees the alert and the evidence, cannot close ----
  const operator = (await j.phone()).page
  await signInAs(operator, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(operator, '看板')
  const opAlert = visible(operator, '.dashboard-page .alert-row--completionRate')
  await opAlert.waitFor()
  expect(await opAlert.locator('.alert-row__status').innerText()).toBe('预警中')
  expect(await opAlert.locator('.alert-row__text').innerText()).toBe('完播率连续两周未达标')
  await j.shot(operator, 'alerts-01-operator-dashboard')
  await opAlert.click()
  await visible(operator, '.analysis-page .evidence--completionRate').waitFor()
  expect(await visible(operator, '.analysis-page .evidence--completionRate').locator('.evidence-week--miss').count()).toBe(2)
  expect(await operator.locator('.analysis-page .decision-form').count()).toBe(0)
  expect(await visible(operator, '.analysis-page__note').innerText()).toContain('由经理')
  await settle(operator)
  await j.shot(operator, 'alerts-02-operator-analysis')

  // ---- manager 陈静: opens it from 看板 and decides 调整目标 ----
  const manager = (await j.phone()).page
  await signInAs(manager, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(manager, '看板')
  const card = () => visible(manager, '.dashboard-page .kpi-card--completionRate')
  await card().waitFor()
  const targetBefore = await card().locator('.kpi-card__target').innerText()
  expect(await card().getAttribute('class')).toContain('kpi-card--red')
  expect(await card().locator('.week-mark--miss').count()).toBeGreaterThanOrEqual(2)
  await visible(manager, '.dashboard-page .alert-row--completionRate').click()
  const page = () => visible(manager, '.analysis-page')
  await page().locator('.decision-form').waitFor()
  await page().locator('.decision-save').click()
  await page().locator('.field-findings .field-error').waitFor()
  expect(await page().locator('.field-findings .field-error').innerText()).toBe('分析结论：请填写分析结论')
  await page().locator('.field-findings textarea').fill('新品介绍类短视频开头 3 秒流失高，行业完播率本季整体下滑')
  await page().locator('.decision-kind--adjust').click()
  await page().locator('.decision-form__current', { hasText: '当前目标' }).waitFor()
  await page().locator('.field-value input').fill('12')
  await page().locator('.field-reason textarea').fill('平台调整后完播普遍下滑，本季度终期先按 12% 考核')
  await settle(manager)
  await j.shot(manager, 'alerts-03-decision-form')
  await page().locator('.decision-save').click()
  await page().locator('.analysis-outcome').waitFor()
  expect(await page().locator('.analysis-head__status').innerText()).toBe('已结案')
  expect(await page().locator('.analysis-outcome__target').innerText()).toContain('12.0%')
  await settle(manager)
  await j.shot(manager, 'alerts-04-closed')

  // Back on 看板: the alert has ended, the card judges against the revised target.
  await manager.goBack()
  await until(async () => (await manager.locator('.dashboard-page .alert-row--completionRate >> visible=true').count()) === 0)
  await until(async () => (await card().locator('.kpi-card__target').innerText()) !== targetBefore)
  // The ramp now runs from the 35% baseline down to 12% by the deadline: this week's target is lower, and
  // the light is the one the card's own value and new target give (green at or above it, yellow within 10%).
  const pct = (t: string) => Number(/([\d.]+)%/.exec(t)![1])
  const value = pct(await card().locator('.kpi-card__value').innerText())
  const target = pct(await card().locator('.kpi-card__target').innerText())
  expect(target).toBeLessThan(pct(targetBefore))
  const expected = value >= target ? 'green' : value >= target * 0.9 ? 'yellow' : 'red'
  expect(expected).not.toBe('red')
  expect(await card().getAttribute('class')).toContain(`kpi-card--${expected}`)
  await settle(manager)
  await j.shot(manager, 'alerts-05-dashboard-after')

  // The target's history records the revision, linked to the analysis.
  await visible(manager, '.analytics-link--targets').click()
  const row = visible(manager, '.targets-page .target--completionRate')
  await row.locator('.target-history-toggle').click()
  await row.locator('.target-history__reason', { hasText: '平台调整后完播普遍下滑，本季度终期先按 12% 考核' }).waitFor()
  await row.locator('.target-history__analysis').waitFor()
  await settle(manager)
  await j.shot(manager, 'alerts-06-target-history')
})
