// Journey: an A/B push-timing experiment on the demo team. The operator 李娜 sets it up from 看板 (24 小时 as
// the control vs 3 分钟, metric 打开率, baseline 10%, 5 points to detect), sees the sample each group needs,
// starts it, logs both groups' counts below that sample (样本不足, no winner shown), then above it: the verdict
// sentence is the one the statistics fixture's reference values give. She ends it; the manager 陈静 records 采用.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { openTab, signInAs, startJourney, until, visible, type Journey } from './support'

interface FixtureCase {
  name: string
  control: { successes: number; trials: number }
  variant: { successes: number; trials: number }
  expected: { diff: { diff: number; low: number; high: number } }
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../../core/research/__fixtures__/stats-reference.json'), 'utf8')) as {
  cases: FixtureCase[]
  sampleSize: { baseline: number; mde: number; expected: number }[]
}
const below = fixture.cases.find((c) => c.name.startsWith('push timing') && c.name.includes('below'))!
const above = fixture.cases.find((c) => c.name.startsWith('push timing') && c.name.includes('above'))!
const need = fixture.sampleSize.find((s) => s.baseline === 0.1 && s.mde === 0.05)!.expected
const one = (v: number) => (v * 100).toFixed(1)
/** The sentence the fixture's reference values give (jstat), written out independently of verdict.ts. */
const expectedSentence = `3 分钟 的打开率比 24 小时 高 ${one(above.expected.diff.diff)} 个百分点（95% 区间 ${one(above.expected.diff.low)}–${one(above.expected.diff.high)}），显著`

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const settle = (page: Page) => page.waitForTimeout(1200)

async function confirmModal(page: Page, text: string) {
  await page.locator('.taro__modal').getByText(text, { exact: true }).click()
}

async function logCounts(page: Page, key: 'A' | 'B', sent: number, opened: number) {
  const form = visible(page, `.experiment-page .counts-form--${key}`)
  await form.locator(`.field-sent--${key} input`).fill(String(sent))
  await form.locator(`.field-opened--${key} input`).fill(String(opened))
  await form.locator(`.counts-save--${key}`).click()
  await until(async () => (await form.locator('.counts-form__last').innerText()).includes(`推送 ${sent.toLocaleString('en-US')} · 打开 ${opened}`))
}

test('an operator plans and runs a push-timing experiment; the verdict waits for the sample, then matches the reference; a manager adopts', async () => {
  // ---- operator 李娜: 看板 → 实验 → 新建实验 ----
  const op = (await j.phone()).page
  await signInAs(op, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(op, '看板')
  await visible(op, '.dashboard-page__experiments').click()
  await visible(op, '.experiments-page__new').click()
  const form = () => visible(op, '.experiments-page .experiment-form')
  await form().waitFor()
  await form().locator('.field-title input').fill('推送时机')
  await form().locator('.field-hypothesis textarea').fill('发布后 3 分钟推送，打开率比 24 小时后推送更高')
  await form().locator('.variable-option--推送时机').click()
  await form().locator('.metric-option--openRate').click()
  await form().locator('.field-baseline input').fill('10')
  await form().locator('.field-dailySends input').fill('200')
  await form().locator('.field-variant-name--0 input').fill('24 小时')
  await form().locator('.field-variant-name--1 input').fill('3 分钟')
  // The required sample, from the function's plan: each group needs the fixture's sample size.
  await until(async () => (await form().locator('.plan-preview__need').innerText().catch(() => '')) === `每组约需 ${need} 次推送`)
  expect(await form().locator('.plan-preview__days').innerText()).toBe(`预计用时：约 ${Math.ceil((need * 2) / 200)} 天（按每天约 200 次推送）`)
  await settle(op)
  await j.shot(op, 'experiments-01-create-form')
  await form().locator('.experiment-save').click()

  // ---- the experiment page: start it ----
  const page = () => visible(op, '.experiment-page')
  await page().locator('.experiment-start').waitFor()
  expect(await page().locator('.experiment-plan__need').innerText()).toBe(`样本量：每组约需 ${need} 次推送`)
  await page().locator('.experiment-start').click()
  await confirmModal(op, '开始')
  await page().locator('.counts-form--A').waitFor()

  // ---- below the sample: 样本不足, no winner ----
  await logCounts(op, 'A', below.control.trials, below.control.successes)
  await logCounts(op, 'B', below.variant.trials, below.variant.successes)
  await until(async () => (await page().locator('.verdict__state').first().innerText().catch(() => '')) === '样本不足')
  const verdict = () => page().locator('.verdict').first()
  expect(await verdict().locator('.verdict__sentence').innerText()).toBe(`样本不足：每组还需约 ${need - below.control.trials} 次（计划每组 ${need} 次），暂不判断胜负`)
  expect(await verdict().locator('.verdict__progress').count()).toBe(1)
  expect(await verdict().locator('.verdict-row__badge').count()).toBe(0)
  expect(await verdict().locator('.verdict-row--winner').count()).toBe(0)
  expect(await verdict().locator('.verdict-row__compare').count()).toBe(0)
  await settle(op)
  await verdict().scrollIntoViewIfNeeded()
  await j.shot(op, 'experiments-02-insufficient')

  // ---- above the sample: a later entry for the same day replaces the first; the verdict is the reference's ----
  await logCounts(op, 'A', above.control.trials, above.control.successes)
  await logCounts(op, 'B', above.variant.trials, above.variant.successes)
  await until(async () => (await verdict().locator('.verdict__state').innerText()) === '显著')
  expect(await verdict().locator('.verdict__sentence').innerText()).toBe(expectedSentence)
  expect(await verdict().locator('.verdict-row--B .verdict-row__badge').innerText()).toBe('胜出')
  await settle(op)
  await verdict().scrollIntoViewIfNeeded()
  await j.shot(op, 'experiments-03-significant')
  await page().locator('.experiment-end').click()
  await confirmModal(op, '结束')
  await until(async () => (await page().locator('.experiment-head__status').innerText()) === '已结束')
  expect(await page().locator('.experiment-decide').count()).toBe(0) // operators do not decide
  expect(await page().locator('.experiment-page__note').innerText()).toContain('由主管记录决策')

  // ---- manager 陈静: 看板 → 实验 → 已结束 → 采用 B with the learning ----
  const mg = (await j.phone()).page
  await signInAs(mg, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(mg, '看板')
  await visible(mg, '.dashboard-page__experiments').click()
  await visible(mg, '.experiments-page').getByText('已结束', { exact: true }).click()
  const row = visible(mg, '.experiment-row--ended')
  await row.waitFor()
  expect(await row.locator('.experiment-row__state').innerText()).toBe('已结束 · 样本 100% · B 胜出 · 待决策')
  await row.click()
  const mpage = () => visible(mg, '.experiment-page')
  await mpage().locator('.experiment-decide').waitFor()
  await mpage().locator('.experiment-choice--adopt').click()
  await mpage().locator('.experiment-adopt--B').click()
  await mpage().locator('.field-learning textarea').fill('发布后 3 分钟推送打开率高 8 个百分点，今后统一在发布后立即推送')
  await settle(mg)
  await mpage().locator('.experiment-decide').scrollIntoViewIfNeeded()
  await j.shot(mg, 'experiments-04-decide')
  await mpage().locator('.experiment-decide__save').click()
  await mpage().locator('.experiment-decision').waitFor()
  expect(await mpage().locator('.experiment-decision .analytics-card__title').innerText()).toBe('决策 · 采用 B（3 分钟）')
  await settle(mg)
  await j.shot(mg, 'experiments-05-decided')
  await mg.goBack()
  await until(async () => (await visible(mg, '.experiment-row--ended').locator('.experiment-row__state').innerText()) === '已结束 · 采用 B（3 分钟）')
}, 180_000)
