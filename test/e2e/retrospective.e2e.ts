// Journey: an item's retrospective (issue 11 part 4). 李娜's short video goes out today and 赵强 logs its
// first numbers; a week later (the local cloud's clock moved on 8 days, its hourly content timer run) the
// retrospective is in her 我的待办, pre-filled with the day-7 numbers against the team's average. She
// writes it; the task is done; the case library finds it by text and by outcome, and her next 选题会
// shows it beside the topic library.
import { ITEMS, MEMBERS, RETROSPECTIVES, TASKS } from '../../cloudfunctions/common/db/collections'
import { newItemRecord } from '../../cloudfunctions/common/db/content'
import { dayKey } from '../../core/time/china'
import { openTab, signInAs, journeyNow, startJourney, until, visible, type Journey } from './support'
import { FAKE_CLOCK as FAKE } from '../support/clock'

// Only Date moves: the browser, the server's sockets and playwright keep their real timers.
const DAY_MS = 86_400_000
const TITLE = '滤芯五分钟自己换：一镜到底实拍'

let j: Journey
beforeAll(async () => {
  j = await startJourney({ seed: true })
})
afterAll(async () => {
  jest.useRealTimers()
  await j?.close()
})

test('a week after publishing, 李娜 writes the retrospective from 我的待办 and finds it in the case library', async () => {
  const li = j.emu.store.find(MEMBERS, { query: { openid: 'demo_operator_li' } })[0] as unknown as { _id: string; teamId: string }
  // Published today at 08:00 (as the content function's markPublished leaves an item), then logged by field staff.
  const at = new Date(`${dayKey(journeyNow())}T08:00:00+08:00`)
  const published = { ...newItemRecord({ _id: 'retro_journey_item', teamId: li.teamId, title: TITLE, format: 'short_video', layer: 'value', category: 'pain_point', ownerId: li._id, plannedAt: at, createdBy: li._id, now: at }), status: 'published', publishedAt: at, day: dayKey(at) }
  j.emu.store.insert(ITEMS, [published] as unknown as Record<string, unknown>[])
  const logged = (await j.emu.invoke('results', { action: 'logSnapshot', data: { itemId: published._id, date: dayKey(at), metrics: { plays: 8000, completions: 3600, likes: 500, comments: 120, shares: 80, favorites: 100, newFollowersOrganic: 60, inquiries: 9 } }, requestId: 'retro-journey-log' }, 'demo_field_zhao')) as { ok: boolean }
  expect(logged.ok).toBe(true)

  // A simulated week: the server's clock moves 8 days on and the hourly content timer runs.
  jest.useFakeTimers(FAKE as never)
  jest.setSystemTime(new Date(Date.now() + 8 * DAY_MS))
  await j.emu.server.functions.runTimer({ fn: 'content', name: 'retrospectives' })
  const retroId = `retro_${published._id}`
  expect(j.emu.store.find(RETROSPECTIVES, { query: { _id: retroId } })).toHaveLength(1)

  const { page } = await j.phone()
  await signInAs(page, j.emu.url, 'demo_operator_li', '李娜')
  await openTab(page, '我的')
  await visible(page, '.entry-tasks').click()
  const row = visible(page, '.tasks-list--open').locator('.task-row', { hasText: TITLE })
  await row.waitFor()
  expect(await row.innerText()).toContain('单条复盘')
  await j.shot(page, 'retro-01-tasks')
  await row.locator('.task-retro-write').click()

  // Pre-filled: day-7 numbers against the team's average of the 30 days before.
  const retro = visible(page, '.retro-page')
  await retro.locator('.retro-numbers').waitFor()
  expect(await retro.locator('.retro-head__title').innerText()).toBe(TITLE)
  expect(await retro.locator('.retro-metric--plays').innerText()).toContain('8,000')
  expect(await retro.locator('.retro-metric--completionRate').innerText()).toContain('45.0%')
  expect(await retro.locator('.retro-numbers').innerText()).toMatch(/团队均值：\d\d-\d\d 至 \d\d-\d\d 发布的 \d+ 条内容第 7 天的数据/)
  await j.shot(page, 'retro-02-prefilled')

  await retro.locator('.field-worked textarea').fill('一镜到底实拍，前三秒就拆开滤芯，完播明显高于均值')
  await retro.locator('.field-change textarea').fill('结尾没有引导私信咨询，询盘偏少')
  await retro.locator('.field-tags input').fill('实拍 一镜到底')
  await retro.locator('.outcome-option--above').click()
  await retro.locator('.retro-save').click()
  await until(async () => (await retro.locator('.retro-head__status').innerText()).includes('超出预期'))
  await page.waitForTimeout(800)
  await j.shot(page, 'retro-03-written')
  const task = j.emu.store.find(TASKS, { query: { _id: retroId } })[0] as unknown as { status: string; doneByName: string }
  expect(task).toMatchObject({ status: 'done', doneByName: '李娜' })

  // The case library finds it by text and by outcome.
  await page.goBack()
  await page.goBack()
  await openTab(page, '我的')
  await visible(page, '.entry-cases').click()
  const cases = visible(page, '.cases-page')
  await cases.locator('.case-row', { hasText: TITLE }).waitFor()
  await cases.locator('.case-search input').fill('一镜到底')
  await until(async () => (await cases.locator('.case-row').count()) === 1)
  await cases.locator('.outcome-filter--above').click()
  await cases.locator('.case-row', { hasText: TITLE }).waitFor()
  expect(await cases.locator('.case-row').first().innerText()).toContain('超出预期')
  await page.waitForTimeout(500)
  await j.shot(page, 'retro-04-cases')
  await cases.locator('.outcome-filter--below').click()
  await until(async () => (await cases.locator('.case-row').count()) === 0)

  // Her next 选题会 shows the case beside the topic library.
  await page.goBack()
  await visible(page, '.entry-meetings').click()
  await visible(page, '.meeting-open').click()
  const meeting = visible(page, '.meeting-page')
  await meeting.locator('.meeting-cases .case-row', { hasText: TITLE }).waitFor()
  await meeting.locator('.meeting-cases').scrollIntoViewIfNeeded()
  await page.waitForTimeout(500)
  await j.shot(page, 'retro-05-meeting')
})
