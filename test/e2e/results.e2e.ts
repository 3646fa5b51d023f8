// Journey: field staff 赵强 logs today's numbers for two items from the 填报 tab — one of them while the
// network is cut (kept as 待同步, sent when it returns) —, corrects one within 24 hours, and imports a
// small data-centre export with one bad row, seeing the rows land. Every submission is stored once.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { dayKey, inChina } from '../../core/time/china'
import { journeyNow, startJourney, type Journey } from './support'
import { IMPORTS, ITEMS, SNAPSHOTS } from '../../cloudfunctions/common/db/collections'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

// The day the journey starts. Its numbers are that day's, or the next one's when it runs across midnight
// (a form or an import opened after midnight logs the new day); the seed's history is all before it.
const TODAY = dayKey(journeyNow())
const SINCE_TODAY = { $gte: TODAY }

/** Lets page transitions and toasts finish so a screenshot shows the screen, not the motion. */
async function settle(page: Page) {
  await page.waitForTimeout(1500)
}

async function signInAsField(page: Page) {
  await page.goto(j.emu.url)
  await page.locator('.identity-row--demo_field_zhao').click()
  await page.getByText('赵强').first().waitFor()
  await page.locator('.taro-tabbar__tabbar').getByText('填报').click()
  await page.locator('.pending-list').waitFor()
}

function snapshotsOf(itemId: string) {
  return j.emu.store.find(SNAPSHOTS, { query: { itemId, date: SINCE_TODAY } })
}

/** The id of the n-th pending item on the tab (its class carries it). */
async function pendingId(page: Page, n: number): Promise<string> {
  const cls = (await page.locator('.pending-item').nth(n).getAttribute('class')) ?? ''
  return /pending-item--(\S+)/.exec(cls)![1]
}

/** The snapshot form on screen (the browser build keeps an earlier visit's page in the DOM, hidden). */
// H5 keeps visited pages in the DOM and both show during a page transition; the newest page is the last one.
const form = (page: Page) => page.locator('.snapshot-form >> visible=true').last()

async function fill(page: Page, field: string, value: string) {
  await form(page).locator(`.field-${field} input`).fill(value)
}

test('field staff logs two items (one offline), corrects one, and imports an export with a bad row', async () => {
  const { page, context } = await j.phone()
  await signInAsField(page)
  await settle(page)
  await j.shot(page, 'results-01-log-tab')
  expect(await page.locator('.pending-item').count()).toBeGreaterThanOrEqual(2)

  // ---- item A, online: a wrong number is named under its field first ----
  const a = await pendingId(page, 0)
  await page.locator(`.pending-item--${a} .pending-log`).click()
  await form(page).waitFor()
  await fill(page, 'plays', '3000000')
  await fill(page, 'completions', '3100000')
  await form(page).locator('.snapshot-submit').click()
  await form(page).locator('.field-completions .field-error', { hasText: '完播：不能大于播放（3,000,000）' }).waitFor()
  await settle(page)
  await j.shot(page, 'results-02-form-error')
  await fill(page, 'completions', '1050000')
  await fill(page, 'likes', '150000')
  await fill(page, 'orders', '300')
  await fill(page, 'gmvYuan', '389700')
  await form(page).locator('.snapshot-submit').click()
  await page.locator('.pending-list').waitFor()
  await page.locator(`.pending-item--${a}`).waitFor({ state: 'detached' })
  expect(snapshotsOf(a)).toMatchObject([{ metrics: { plays: 3000000, completions: 1050000, likes: 150000, orders: 300, gmvFen: 38970000 }, source: 'form', kind: 'log' }])

  // ---- item B, with the network cut after the form opened ----
  const b = await pendingId(page, 0)
  await page.locator(`.pending-item--${b} .pending-log`).click()
  await form(page).waitFor()
  await context.setOffline(true)
  await fill(page, 'plays', '2000000')
  await fill(page, 'completions', '700000')
  await settle(page)
  await j.shot(page, 'results-03-form-offline')
  await form(page).locator('.snapshot-submit').click()
  await page.locator('.outbox-bar__pending', { hasText: '待同步 1 条' }).waitFor()
  await page.locator(`.pending-item--${b} .pending-item__queued`).waitFor()
  expect(snapshotsOf(b)).toHaveLength(0)
  await settle(page)
  await j.shot(page, 'results-04-pending-sync')

  // The network returns: the browser's `online` event sends it, with the requestId it was queued with.
  await goOnline(context)
  await page.locator('.outbox-bar').waitFor({ state: 'detached' })
  await waitFor(() => snapshotsOf(b).length === 1)
  expect(snapshotsOf(b)).toMatchObject([{ metrics: { plays: 2000000, completions: 700000 }, kind: 'log' }])

  // ---- correct A within 24 h, from 最近填报 ----
  await page.locator(`.recent-log--${a}`).click()
  const current = page.locator('.snapshot-entry--current', { hasText: '播放 3,000,000' })
  await current.waitFor()
  await settle(page)
  await j.shot(page, 'results-05-history')
  await current.locator('.snapshot-correct').click()
  await form(page).locator('.field-reason input').waitFor()
  expect(await form(page).locator('.field-plays input').inputValue()).toBe('3000000')
  await form(page).locator('.field-reason input').fill('播放数多抄了一位')
  await fill(page, 'plays', '3000500')
  await j.shot(page, 'results-06-correction-form')
  await form(page).locator('.snapshot-submit').click()
  await page.locator('.snapshot-entry--correction.snapshot-entry--current').waitFor()
  await page.locator('.snapshot-entry--superseded').waitFor()
  expect(await page.locator('.snapshot-entry__reason').first().innerText()).toContain('播放数多抄了一位')
  await settle(page)
  await j.shot(page, 'results-07-history-corrected')
  const stored = snapshotsOf(a)
  expect(stored).toHaveLength(2)
  const correction = stored.find((s) => s.kind === 'correction')!
  const original = stored.find((s) => s.kind === 'log')!
  expect(correction).toMatchObject({ supersedes: original._id, reason: '播放数多抄了一位', metrics: { plays: 3000500 } })

  // ---- the other forms open from the tab (looked at, not filled) ----
  await page.goBack()
  for (const [tile, cls] of [['leads', '.leads-form'], ['live', '.live-form'], ['followers', '.followers-form']]) {
    await page.locator(`.log-shortcut--${tile}`).click()
    await page.locator(`${cls} >> visible=true`).waitFor()
    await settle(page)
    await j.shot(page, `results-1${tile === 'leads' ? 0 : tile === 'live' ? 1 : 2}-${tile}-form`)
    await page.goBack()
    await page.locator('.log-shortcuts >> visible=true').waitFor()
  }

  // ---- import an export with one bad row ----
  await page.locator('.log-shortcut--import').click()
  await page.locator('.import-choose').waitFor()
  const [c, d] = importTargets([a, b])
  const file = writeExport([
    ['视频标题', '发表时间', '播放量', '点赞', '评论', '分享', '关注', '完播率', '平均播放时长'],
    [c.title, c.published, '400万', '2.5万', '3000', '2000', '800', '35%', '1分05秒'],
    [d.title, d.published, '3,500,000', '18000', '1200', '900', '400', '31.5%', '48'],
    ['一条日历里没有的视频', '2020/01/01 10:00', '1000', '1', '0', '0', '0', '20%', '30'],
  ])
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.import-choose').click()])
  await chooser.setFiles(file)
  await page.locator('.import-summary__ok', { hasText: '可导入 2 行' }).waitFor()
  expect(await page.locator('.import-row--2.import-row--refused').innerText()).toContain('没有找到标题和发表日期都相同的已发布内容')
  expect(await page.locator('.import-row--0').innerText()).toContain(`→ ${c.title}`)
  // Nothing is written before 确认导入.
  expect(j.emu.store.find(SNAPSHOTS, { query: { source: 'import', date: SINCE_TODAY } })).toHaveLength(0)
  await settle(page)
  await j.shot(page, 'results-08-import-preview')
  await page.locator('.import-confirm').click()
  await page.locator('.import-landed__title', { hasText: '已导入 2 行' }).waitFor()
  await settle(page)
  await j.shot(page, 'results-09-import-landed')

  const imported = j.emu.store.find(SNAPSHOTS, { query: { source: 'import', date: SINCE_TODAY } })
  expect(imported.map((s) => s.itemId).sort()).toEqual([c.id, d.id].sort())
  expect(snapshotsOf(c.id)).toMatchObject([{ metrics: { plays: 4000000, likes: 25000, comments: 3000, shares: 2000, completions: 1400000, avgWatchSeconds: 65, newFollowersOrganic: 800 } }])
  expect(snapshotsOf(d.id)).toHaveLength(1)
  expect(j.emu.store.find(IMPORTS, { query: {} })).toHaveLength(1)
  // Exactly one snapshot per submission: A (log + correction), B (once, though sent after a cut), C and D (import).
  expect(snapshotsOf(a)).toHaveLength(2)
  expect(snapshotsOf(b)).toHaveLength(1)
})

async function goOnline(context: BrowserContext) {
  await context.setOffline(false)
}

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Two published items other than `skip`, with their titles and the publish time as an export writes it. */
function importTargets(skip: string[]) {
  const items = j.emu.store
    .find(ITEMS, { query: { status: 'published' } })
    .filter((i) => !skip.includes(String(i._id)) && snapshotsOf(String(i._id)).length === 0)
    .sort((x, y) => String(y.publishedAt).localeCompare(String(x.publishedAt)))
  return items.slice(0, 2).map((i) => ({
    id: String(i._id),
    title: String(i.title),
    published: inChina(i.publishedAt as Date).format('YYYY/MM/DD HH:mm'),
  }))
}

function writeExport(rows: string[][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'results-export-'))
  const path = join(dir, '视频号作品数据.csv')
  const csv = rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')
  writeFileSync(path, `\uFEFF${csv}`)
  return path
}
