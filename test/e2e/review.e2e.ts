// Journey (two phones): the operator 李娜 starts production of one of her planned short videos from
// its calendar page and submits the topic, and is told who reviews it; the manager 陈静 approves it
// from its row in 待我审核 in two taps (the 审核 tab, 通过), deciding on the row's preview. At the
// script gate the manager requests changes with a comment; the operator sees the comment on her 审核
// tab, resubmits, and from there the manager approves every gate through 终审 (the operator submitting
// at each). The item ends 待发布 on the calendar with its production cycle time shown.
import type { Page } from 'playwright-core'
import { addDays, dayKey } from '../../core/time/china'
import { openTab, signInAs, journeyNow, startJourney, type Journey } from './support'
import { ITEMS, MEMBERS, NOTIFICATIONS, PRODUCTIONS, REVIEW_EVENTS, REVIEW_FLOWS, REVIEW_VERSIONS } from '../../cloudfunctions/common/db/collections'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(() => j?.close())

const CHANGES = '开头太慢，前三秒直接展示出水效果'
/** A duration as core/format says it: whole minutes, hours or days with at most one decimal. */
const DURATION = /^(\d+ 分钟|[\d,]+(\.\d)? 小时|[\d,]+(\.\d)? 天)$/
/** Hours back from such a text (to compare with the 24-hour target). */
function hoursOf(text: string): number {
  const [n, unit] = text.split(' ')
  return Number(n.replace(/,/g, '')) * (unit === '分钟' ? 1 / 60 : unit === '天' ? 24 : 1)
}

/** Lets page transitions and toasts finish so a screenshot shows the screen, not the motion. */
async function settle(page: Page) {
  await page.waitForTimeout(1800)
}



/** The production screen of `itemId`, read afresh (what the other phone did is in it). */
async function openProduction(page: Page, itemId: string) {
  // Chromium pauses animation frames of a phone in the background: Taro's page transitions wait for them.
  await page.bringToFront()
  await page.goto(`${j.emu.url}#/package-review/production/index?itemId=${itemId}`)
  await page.reload()
  await page.locator('.gate-status').waitFor()
}

/** The operator hands in a version at the current gate and waits for it to be in review. */
async function submitVersion(page: Page, itemId: string, gate: string, text: string, link?: string) {
  await openProduction(page, itemId)
  await page.locator('.version-form__title', { hasText: `提交「${gate}」` }).waitFor()
  await page.locator('.field-version-text textarea').fill(text)
  if (link) await page.locator('.field-version-links textarea').fill(link)
  await page.locator('.version-submit').click()
  await page.locator('.gate-status', { hasText: '待审核' }).waitFor()
}

/** The manager approves the version in review at `gate`. */
async function approve(page: Page, itemId: string, gate: string) {
  await openProduction(page, itemId)
  await page.locator('.decision-panel__title', { hasText: `审核「${gate}」` }).waitFor()
  await page.locator('.decision-approve').click()
  await page.locator('.decision-panel').waitFor({ state: 'detached' })
}

test('operator and manager take a short video through five gates, with one round of changes, to 待发布', async () => {
  const li = j.emu.store.find(MEMBERS, { query: { openid: 'demo_operator_li' } })[0]
  // Her own new short video, planned five days ahead (the demo items are already at their gates).
  const day = addDays(dayKey(journeyNow()), 5)
  const created = (await j.emu.invoke(
    'content',
    {
      action: 'createItem',
      data: { title: '净水器出水实测：一杯水的五级旅程', format: 'short_video', layer: 'value', category: 'pain_point', ownerId: li._id, plannedAt: `${day}T20:00:00+08:00` },
      requestId: 'review-journey-item',
    },
    'demo_operator_li',
  )) as { ok: boolean; data: { id: string; title: string; day: string } }
  expect(created.ok).toBe(true)
  const item = created.data
  const itemId = item.id
  const title = item.title

  const opPhone = await j.phone()
  const mgrPhone = await j.phone()
  const op = opPhone.page
  const mgr = mgrPhone.page
  await signInAs(op, j.emu.url, 'demo_operator_li', '李娜')
  await signInAs(mgr, j.emu.url, 'demo_manager_chen', '陈静')

  // 李娜: the item's calendar page → 制作进度 → 开始制作 → submit the topic.
  await op.bringToFront()
  await op.goto(`${j.emu.url}#/package-content/item/index?id=${itemId}`)
  await op.locator('.item-production-link').click()
  await op.locator('.production-start-button').click()
  await op.locator('.gate-step--current', { hasText: '选题' }).waitFor()
  await settle(op)
  await j.shot(op, 'review-01-started')
  await op.locator('.field-version-text textarea').fill('店长视角讲新品：用户最常问的三个问题')
  await op.locator('.version-submit').click()
  await op.locator('.gate-status', { hasText: '待审核' }).waitFor()
  // The author sees no decision buttons, and who will decide by when (the topic gate is the managers').
  await op.locator('.review-blocked', { hasText: '已提交第 1 版，等待 王敏、陈静 审核' }).waitFor()
  expect(await op.locator('.gate-reviewers__who').innerText()).toBe('「选题」关由 王敏、陈静 审核')
  expect(await op.locator('.gate-reviewers__when').innerText()).toMatch(/^截止 \d+月\d+日 \d\d:\d\d$/)
  expect(await op.locator('.decision-approve').count()).toBe(0)
  await settle(op)
  await j.shot(op, 'review-02-topic-submitted')

  // 陈静: two taps. The 审核 tab lists it with what the version says; 通过 on the row decides it.
  await openTab(mgr, '审核')
  const waiting = mgr.locator('.waiting-entry', { hasText: title })
  await waiting.waitFor()
  expect(await waiting.locator('.waiting-entry__excerpt').innerText()).toBe('店长视角讲新品：用户最常问的三个问题')
  expect(await waiting.locator('.inbox-entry__wait').innerText()).toMatch(new RegExp(`^已等待 ${DURATION.source.slice(1, -1)}（时限 24 小时）$`))
  await settle(mgr)
  await j.shot(mgr, 'review-03-manager-inbox')
  await waiting.locator('.inbox-approve').click()
  await waiting.waitFor({ state: 'detached' })
  expect(j.emu.store.find(PRODUCTIONS, { query: { _id: itemId } })[0]).toMatchObject({ gateIndex: 1, gateState: 'drafting' })
  expect(j.emu.store.find(REVIEW_EVENTS, { query: { itemId, type: 'approved' } })).toHaveLength(1)

  // Script: submitted, sent back with a comment.
  await submitVersion(op, itemId, '脚本', '开场：店长拆箱，介绍五级过滤。\n中段：现场接水试喝。\n结尾：引导到店体验。')
  await openProduction(mgr, itemId)
  await mgr.locator('.decision-request-changes').click()
  await mgr.locator('.field-error', { hasText: '要求修改时必须填写意见' }).waitFor() // nothing sent without a comment
  await mgr.locator('.field-decision-comment textarea').fill(CHANGES)
  await settle(mgr)
  await j.shot(mgr, 'review-04-request-changes')
  await mgr.locator('.decision-request-changes').click()
  await mgr.locator('.gate-status', { hasText: '需修改' }).waitFor()

  // 李娜 sees what is asked and the comment, on her 审核 tab and in the timeline; she resubmits.
  await op.bringToFront()
  await op.goto(j.emu.url)
  await openTab(op, '审核')
  const mine = op.locator('.my-item', { hasText: title })
  await mine.locator('.inbox-chip', { hasText: '需修改' }).waitFor()
  await mine.locator('.inbox-entry__comment', { hasText: CHANGES }).waitFor()
  await settle(op)
  await j.shot(op, 'review-05-operator-changes')
  await mine.click()
  await op.locator('.timeline-entry--changes_requested', { hasText: CHANGES }).waitFor()
  await op.locator('.field-version-text textarea').fill('开场：前三秒直接展示出水效果。\n中段：店长讲五级过滤。\n结尾：引导到店体验。')
  await op.locator('.version-submit').click()
  await op.locator('.gate-status', { hasText: '待审核' }).waitFor()

  // From here every gate passes: the operator submits, the manager approves.
  await approve(mgr, itemId, '脚本')
  await submitVersion(op, itemId, '拍摄', '素材已上传网盘：门店 3 个机位', 'https://pan.example.com/s/raw-footage')
  await approve(mgr, itemId, '拍摄')
  await submitVersion(op, itemId, '剪辑', '成片 58 秒，已加字幕', 'https://pan.example.com/s/final-cut')
  await approve(mgr, itemId, '剪辑')
  await submitVersion(op, itemId, '终审', '封面与标题定稿，可以发布')
  await approve(mgr, itemId, '终审')

  // 待发布 with its planned time and the cycle time, on the operator's phone.
  await openProduction(op, itemId)
  await op.locator('.publish-panel', { hasText: '终审已通过，待发布' }).waitFor()
  await op.locator('.cycle-total').waitFor()
  expect(await op.locator('.cycle-card__target').innerText()).toBe('目标 ≤ 24 小时')
  expect(await op.locator('.cycle-total').innerText()).toMatch(DURATION)
  expect(await op.locator('.gate-step--passed').count()).toBe(5)
  await settle(op)
  await j.shot(op, 'review-06-scheduled')
  await op.locator('.review-timeline').scrollIntoViewIfNeeded()
  await j.shot(op, 'review-07-timeline')

  // The calendar shows it 待发布 on its day.
  await op.goto(j.emu.url)
  await openTab(op, '日历')
  await op.locator('.month-grid').waitFor()
  for (let i = 0; i < 3 && !(await op.locator(`.month-cell--${item.day}`).count()); i++) await op.locator('.calendar-next').click()
  await op.locator(`.month-cell--${item.day} .month-chip--scheduled`).first().waitFor()
  await op.locator(`.month-cell--${item.day}`).click()
  await op.locator('.day-sheet .item-row', { hasText: title }).locator('.status-badge--scheduled').waitFor()
  await settle(op)
  await j.shot(op, 'review-08-calendar-scheduled')

  // What is stored: the item scheduled, the production past its last gate, six versions, one request for changes.
  expect(j.emu.store.find(ITEMS, { query: { _id: itemId } })[0]).toMatchObject({ status: 'scheduled' })
  expect(j.emu.store.find(PRODUCTIONS, { query: { _id: itemId } })[0]).toMatchObject({ status: 'scheduled', gateIndex: 4, versionNo: 6 })
  const versions = j.emu.store.find(REVIEW_VERSIONS, { query: { itemId } })
  expect(versions.map((v) => v.gateName)).toEqual(['选题', '脚本', '脚本', '拍摄', '剪辑', '终审'])
  expect(versions.find((v) => v.gateName === '拍摄')).toMatchObject({ links: ['https://pan.example.com/s/raw-footage'] })
  const events = j.emu.store.find(REVIEW_EVENTS, { query: { itemId } })
  expect(events.filter((e) => e.type === 'changes_requested').map((e) => e.comment)).toEqual([CHANGES])
  expect(events.filter((e) => e.type === 'approved').length).toBe(5)
  // The manager's approvals notified the author in the app.
  const notes = j.emu.store.find(NOTIFICATIONS, { query: { itemId, memberId: li._id } })
  expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['changes_requested', 'gate_passed', 'scheduled']))
  await opPhone.context.close()
  await mgrPhone.context.close()
})

test('the manager reads her review notifications and marks them read', async () => {
  // One phone at a time: a phone left open in the background keeps the next one's first page hidden.
  const { page, context } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(page, '审核')
  await page.locator('.inbox-notifications').click()
  await page.locator('.notification').first().waitFor()
  await settle(page)
  await j.shot(page, 'review-09-notifications')
  const chen = j.emu.store.find(MEMBERS, { query: { openid: 'demo_manager_chen' } })[0]
  expect(j.emu.store.find(NOTIFICATIONS, { query: { memberId: chen._id, read: false } }).length).toBeGreaterThan(0)
  await page.locator('.notifications-read-all').click()
  await page.locator('.notifications-head__count', { hasText: '全部已读' }).waitFor()
  expect(j.emu.store.find(NOTIFICATIONS, { query: { memberId: chen._id, read: false } })).toEqual([])
  await context.close()
})

test('an admin adds a 复盘 gate to the image-text flow; items already in production keep theirs', async () => {
  const { page } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_admin_wangmin', '王敏')
  await openTab(page, '我的')
  await page.locator('.entry-flows').click()
  await page.locator('.flow-format--image_text').click()
  await page.locator('.flow-gate').nth(2).waitFor()
  expect(await page.locator('.flow-gate').count()).toBe(3)
  await page.locator('.flow-add-gate').click()
  const added = page.locator('.flow-gate').nth(3)
  await added.locator('.field-gate-name input').fill('复盘')
  await added.locator('.field-gate-sla input').fill('48')
  await added.locator('.flow-gate-up').click() // before 终审
  await settle(page)
  await j.shot(page, 'review-10-flow-editor')
  await page.locator('.flow-save').click()
  await page.locator('.flows-page__state', { hasText: '已自定义' }).waitFor()
  const flow = j.emu.store.find(REVIEW_FLOWS, { query: { format: 'image_text' } })[0]
  expect((flow.gates as { name: string; slaHours: number }[]).map((g) => [g.name, g.slaHours])).toEqual([
    ['选题', 24],
    ['初稿', 24],
    ['复盘', 48],
    ['终审', 24],
  ])
  // The demo image-text items already in production keep the three gates they started with.
  const inFlight = j.emu.store.find(PRODUCTIONS, { query: { format: 'image_text' } })
  expect(inFlight.length).toBeGreaterThan(0)
  for (const p of inFlight) expect((p.flow as { name: string }[]).map((g) => g.name)).toEqual(['选题', '初稿', '终审'])
})

test('the demo pipeline: an overdue review in red, and a published item’s cycle time against the 24-hour target', async () => {
  const { page, context } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_manager_chen', '陈静')
  await openTab(page, '审核')
  const overdue = page.locator('.waiting-entry--overdue').first()
  await overdue.waitFor()
  expect(await overdue.locator('.inbox-entry__wait').innerText()).toMatch(new RegExp(`^已逾期 · 已等待 ${DURATION.source.slice(1, -1)}（时限 24 小时）$`))
  await overdue.locator('.inbox-entry__title').click()
  await page.locator('.gate-status__wait--overdue').waitFor()
  await settle(page)
  await j.shot(page, 'review-11-overdue-review')

  // The most recently published item with a production: its whole history and cycle time.
  const published = j.emu.store
    .find(PRODUCTIONS, { query: { status: 'published' } })
    .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)))[0]
  await openProduction(page, String(published._id))
  await page.locator('.cycle-total').waitFor()
  const total = await page.locator('.cycle-total').innerText()
  expect(total).toMatch(DURATION)
  // Over the target shows red, within it green.
  const hours = hoursOf(total)
  expect(await page.locator(hours > 24 ? '.cycle-total--over' : '.cycle-total--ok').count()).toBe(1)
  expect(await page.locator('.timeline-entry--published').count()).toBe(1)
  await settle(page)
  await j.shot(page, 'review-12-published-cycle')
  await context.close()
})
