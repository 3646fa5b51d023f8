import simulate from 'miniprogram-simulate'
import type { InboxEntry, InboxView, MyItemEntry, NotificationPage } from '../../core/review/schemas'
import type { MeView } from '../../core/team/schemas'
import { answering, classesOf, eventually, launchMiniProgram, texts, writeProbe } from './harness'

const ME: MeView = {
  member: { id: 'm_mgr', name: '陈静', department: 'marketing', roles: ['manager'], joinedAt: '2025-03-01T02:00:00.000Z', version: 1, isMe: true },
  team: { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 6 },
}

const waiting = (o: Partial<InboxEntry> & Pick<InboxEntry, 'itemId' | 'title'>): InboxEntry => ({
  format: 'short_video',
  gateIndex: 1,
  gateCount: 5,
  gateName: '脚本',
  versionNo: 2,
  submittedByName: '李娜',
  ownerName: '李娜',
  reviewSince: '2026-03-01T01:00:00.000Z',
  dueAt: '2026-03-02T01:00:00.000Z',
  overdue: false,
  waitingHours: 3,
  plannedAt: '2026-03-10T12:00:00.000Z',
  version: 4,
  preview: null,
  ...o,
})

const MINE: MyItemEntry = {
  itemId: 'item_m',
  title: '门店店长讲新品',
  format: 'short_video',
  status: 'in_production',
  gateIndex: 0,
  gateCount: 5,
  gateName: '选题',
  gateState: 'changes_requested',
  ask: '按意见修改后重新提交「选题」',
  myTurn: true,
  overdue: false,
  plannedAt: '2026-03-12T12:00:00.000Z',
}

// Oldest first, as the function sorts them; the first one has waited past its SLA.
const INBOX: InboxView = {
  waiting: [
    waiting({
      itemId: 'item_a',
      title: '澄净 X3 开箱',
      overdue: true,
      waitingHours: 30.5,
      preview: { note: '按意见改了开头', excerpt: '开场：店长拆箱\n中段：现场接水试喝', cover: 'cloud://env-1/review/item_a/cover.jpg', links: 0, files: 1 },
    }),
    waiting({ itemId: 'item_b', title: '滤芯怎么换', gateName: '剪辑', gateIndex: 3 }),
  ],
  waitingTotal: 2,
  overdueTotal: 1,
  mine: [MINE],
  unread: 0,
}
const NOTES: NotificationPage = {
  items: [{ id: 'n1', kind: 'changes_requested', itemId: 'item_m', title: '需修改：门店店长讲新品', body: '王敏 要求修改「选题」：换一个更贴近用户的角度', read: false, at: '2026-03-01T03:00:00.000Z' }],
  unread: 3,
  hasMore: false,
  nextOffset: 1,
}

const cloudFunctions = answering({ 'team.me': ME, 'review.inbox': INBOX, 'review.notifications': NOTES })

describe('mini-program build (dist/weapp): 审核 tab', () => {
  const route = 'pages/approvals/index'
  let mp: ReturnType<typeof launchMiniProgram>
  let page: Awaited<ReturnType<ReturnType<typeof launchMiniProgram>['openPage']>>

  beforeAll(async () => {
    mp = launchMiniProgram(cloudFunctions, route)
    page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain('澄净 X3 开箱'))
  })

  it("asks the 'review' function for the inbox through wx.cloud.callFunction", () => {
    expect(mp.calls.filter((c) => c.name === 'review').map((c) => c.data.action).sort()).toEqual(['inbox', 'notifications'])
  })

  it('hands setData the waiting reviews oldest first, with the wait against the SLA', () => {
    const shown = texts(page.data.root)
    expect(shown.indexOf('澄净 X3 开箱')).toBeLessThan(shown.indexOf('滤芯怎么换'))
    expect(shown).toContain('已逾期 · 已等待 30.5 小时（时限 24 小时）')
    expect(shown).toContain('待我审核 2 条')
  })

  it('hands setData each row’s preview with 通过 and 要求修改 on the row, and the cover as a cloud image', () => {
    const shown = texts(page.data.root)
    expect(shown).toContain('说明：按意见改了开头')
    expect(shown).toContain('开场：店长拆箱\n中段：现场接水试喝')
    expect(shown.filter((t) => t === '通过')).toHaveLength(2)
    expect(shown.filter((t) => t === '要求修改')).toHaveLength(2)
    expect(JSON.stringify(page.data.root)).toContain('cloud://env-1/review/item_a/cover.jpg')
  })

  it('marks only the overdue review for the red style', () => {
    expect(classesOf(page.data.root).filter((c) => c.includes('waiting-entry--overdue'))).toHaveLength(1)
  })

  it("hands setData my item's state and the reviewer's comment", () => {
    const shown = texts(page.data.root)
    expect(shown).toContain('需修改')
    expect(shown).toContain('按意见修改后重新提交「选题」')
    expect(shown).toContain('王敏 要求修改「选题」：换一个更贴近用户的角度')
  })

  it("renders that tree through the build's own base.wxml template", () => {
    const id = simulate.load(writeProbe())
    const probe = simulate.render(id, { root: page.data.root })
    probe.attach(document.createElement('div'))
    const text = probe.dom!.textContent ?? ''
    expect(text).toContain('待我审核 2 条')
    expect(text).toContain('逾期 1 条')
    expect(text).toContain('澄净 X3 开箱')
    expect(text).toContain('通知')
  })
})
