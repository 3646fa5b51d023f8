// Journey: reports on the demo team (issue 11). The seed's timer run has written the recent 日报, 周报 and
// 月报. A manager opens 看板 → 报告 → the latest 周报, sees the week's verdicts and the best and worst items,
// shares it as a picture (the browser downloads a PNG) and takes its KPI table out as .xlsx; the table's
// numbers are the report's. Field staff see the 报告 list but no 导出表格.
import readXlsx from 'read-excel-file/node'
import { openTab, signInAs, startJourney, visible, type Journey } from './support'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

test('a manager reads the latest 周报 and shares it as a picture and a spreadsheet', async () => {
  const { page } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(page, '看板')
  await visible(page, '.dashboard-page__reports').click()
  // The list is newest first: the first 周报 row on screen is the latest.
  const weekly = page.locator('.reports-page .report-row--weekly >> visible=true').first()
  await weekly.waitFor()
  const title = await weekly.locator('.report-row__title').innerText()
  expect(title).toMatch(/^周报 · \d{4}-W\d{2}（\d\d-\d\d 至 \d\d-\d\d）$/)
  await j.shot(page, 'reports-01-list')
  await weekly.click()

  const report = visible(page, '.report-page')
  await report.locator('.report-verdicts').waitFor()
  expect(await report.locator('.report-head__title').innerText()).toBe(title)
  // The week's verdicts, one per KPI, each in words.
  const verdicts = await report.locator('.report-verdicts .report-verdict__value').allInnerTexts()
  expect(verdicts.length).toBeGreaterThan(10)
  for (const v of verdicts) expect(['达标', '未达标', '未录入', '无目标', '未评定']).toContain(v)
  // Best and worst items by completion, with their numbers and plays.
  const ranking = report.locator('.report-ranking--completionRate')
  expect(await ranking.locator('.report-line__title').first().innerText()).toMatch(/ · \d+\.\d%（播放 [\d,]+）$/)
  expect(await ranking.innerText()).toContain('最差的')
  await j.shot(page, 'reports-02-weekly')

  const [png] = await Promise.all([page.waitForEvent('download'), report.locator('.report-share__image').click()])
  expect(png.suggestedFilename()).toMatch(/^周报-\d{4}-W\d{2}\.png$/)
  const pngPath = await png.path()
  const head = require('node:fs').readFileSync(pngPath).subarray(0, 8)
  expect(head.toString('hex')).toBe('89504e470d0a1a0a') // a real PNG

  const [xlsx] = await Promise.all([page.waitForEvent('download'), report.locator('.report-share__table').click()])
  expect(xlsx.suggestedFilename()).toMatch(/^周报-\d{4}-W\d{2}\.xlsx$/)
  const rows = (await readXlsx((await xlsx.path())!))[0].data
  expect(rows[0][0]).toBe('指标')
  const completion = rows.find((r) => r[0] === '完播率')!
  const card = report.locator('.kpi-card--completionRate').first()
  expect(await card.innerText()).toContain(String(completion[3])) // the display value, e.g. 28.0%

  // Field staff: the list, no table to take out.
  const field = (await j.phone()).page
  await signInAs(field, j.emu.url, 'demo_field_liu', '刘洋')
  await field.goto(`${j.emu.url}#/package-analytics/reports/index`)
  await field.locator('.reports-page .report-row--weekly >> visible=true').first().click()
  await visible(field, '.report-page .report-verdicts').waitFor()
  expect(await visible(field, '.report-page').locator('.report-share__table').count()).toBe(0)
  await j.shot(field, 'reports-03-field-weekly')
})
