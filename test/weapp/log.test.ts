import simulate from 'miniprogram-simulate'
import type { PendingToday } from '../../core/results/views'
import { addDays, dayKey } from '../../core/time/china'
import type { MeView } from '../../core/team/schemas'
import { answering, classesOf, eventually, launchMiniProgram, texts, writeProbe } from './harness'

const TODAY = dayKey(new Date())

const ME: MeView = {
  member: { id: 'm_field', name: '赵强', department: 'sales', roles: ['field'], joinedAt: '2025-03-01T02:00:00.000Z', version: 1, isMe: true },
  team: { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 6 },
}

const PENDING: PendingToday = {
  today: TODAY,
  items: [
    {
      id: 'item_x3',
      title: '澄净 X3 开箱：三分钟看懂核心功能',
      format: 'short_video',
      publishedDay: addDays(TODAY, -2),
      last: { date: addDays(TODAY, -1), snapshotId: 's1', metrics: { plays: 12345 } },
    },
    { id: 'item_a7', title: '新款空气净化器 A7 上市', format: 'short_video', publishedDay: TODAY, last: null },
  ],
  doneCount: 3,
}

const cloudFunctions = answering({ 'team.me': ME, 'results.pendingToday': PENDING })

describe('mini-program build (dist/weapp): 填报 tab', () => {
  const route = 'pages/log/index'
  let mp: ReturnType<typeof launchMiniProgram>
  let page: Awaited<ReturnType<ReturnType<typeof launchMiniProgram>['openPage']>>

  beforeAll(async () => {
    mp = launchMiniProgram(cloudFunctions, route)
    page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain('澄净 X3 开箱：三分钟看懂核心功能'))
  })

  it("asks the 'results' function for today's pending items through wx.cloud.callFunction", () => {
    expect(mp.calls.filter((c) => c.name === 'results')).toEqual([{ name: 'results', data: expect.objectContaining({ action: 'pendingToday', data: {} }) }])
  })

  it('hands setData each pending item with its last values, the counts and a 填报 button each', () => {
    const shown = texts(page.data.root)
    expect(shown).toContain('新款空气净化器 A7 上市')
    expect(shown.join('|')).toContain('播放 12,345')
    expect(shown).toContain('2 条待填 · 3 条已填')
    expect(classesOf(page.data.root).filter((c) => c.includes('pending-log'))).toHaveLength(2)
    for (const t of ['直播数据', '线索', '粉丝总数', '导入数据']) expect(shown).toContain(t)
  })

  it('shows no 待同步 bar when the phone holds nothing', () => {
    expect(classesOf(page.data.root).some((c) => c.includes('outbox-bar'))).toBe(false)
  })

  it("renders that tree through the build's own base.wxml template", () => {
    const id = simulate.load(writeProbe())
    const probe = simulate.render(id, { root: page.data.root })
    probe.attach(document.createElement('div'))
    const text = probe.dom!.textContent ?? ''
    expect(text).toContain('澄净 X3 开箱：三分钟看懂核心功能')
    expect(text).toContain('填报')
    expect(text).toContain('今日待填报')
  })
})
