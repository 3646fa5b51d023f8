// Journey: the two-week rule on the demo team (at baseline, its plan five weeks old, so 完播率 has missed
// its ramped target two weeks running). An operator sees the alert on 看板 and reads the special
// analysis's evidence, but cannot close it. The manager opens it from 看板, is told what is missing,
// decides 调整目标 with a reason: the 完播率 card's target and light change, the alert leaves 看板, and the
// target's history records the revision linked to the analysis.
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
  await page().locator('.field-value input').fill('30')
  await page().locator('.field-reason textarea').fill('本季度先守住 30%，下季度再上调')
  await settle(manager)
  await j.shot(manager, 'alerts-03-decision-form')
  await page().locator('.decision-save').click()
  await page().locator('.analysis-outcome').waitFor()
  expect(await page().locator('.analysis-head__status').innerText()).toBe('已结案')
  expect(await page().locator('.analysis-outcome__target').innerText()).toContain('30.0%')
  await settle(manager)
  await j.shot(manager, 'alerts-04-closed')

  // Back on 看板: the alert has ended, the card judges against the revised target.
  await manager.goBack()
  await until(async () => (await manager.locator('.dashboard-page .alert-row--completionRate >> visible=true').count()) === 0)
  await until(async () => (await card().locator('.kpi-card__target').innerText()) !== targetBefore)
  expect(await card().getAttribute('class')).not.toContain('kpi-card--red')
  await settle(manager)
  await j.shot(manager, 'alerts-05-dashboard-after')

  // The target's history records the revision, linked to the analysis.
  await visible(manager, '.analytics-link--targets').click()
  const row = visible(manager, '.targets-page .target--completionRate')
  await row.locator('.target-history-toggle').click()
  await row.locator('.target-history__reason', { hasText: '本季度先守住 30%，下季度再上调' }).waitFor()
  await row.locator('.target-history__analysis').waitFor()
  await settle(manager)
  await j.shot(manager, 'alerts-06-target-history')
})
