import { buildMonthView } from '../../core/content/calendar'
import { DEFAULT_CONTENT_TARGETS } from '../../core/content/mix'
import type { ItemCard } from '../../core/content/schemas'
import { inChina } from '../../core/time/china'
import type { MeView } from '../../core/team/schemas'
import { answering, eventually, launchMiniProgram, texts } from './harness'

// The tab opens on the current China-time month: the look-alike items sit on its fourth day.
const MONTH = inChina(new Date()).format('YYYY-MM')

const ME: MeView = {
  member: { id: 'm_op', name: '李娜', department: 'marketing', roles: ['operator'], joinedAt: '2025-03-01T02:00:00.000Z', version: 1, isMe: true },
  team: { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 6 },
}

const card = (id: string, title: string, time: string): ItemCard => ({
  id,
  title,
  format: 'short_video',
  layer: 'value',
  category: 'pain_point',
  status: 'planned',
  time,
  day: `${MONTH}-04`,
  ownerName: '李娜',
})

const MONTH_VIEW = buildMonthView(
  MONTH,
  [card('a', '净水器滤芯更换教程', '10:00'), card('b', '净水器滤芯安装避坑', '11:00')],
  '',
  DEFAULT_CONTENT_TARGETS,
)

describe('mini-program build (dist/weapp): month chips', () => {
  it('hands setData the distinctive part of look-alike titles, not their shared start', async () => {
    const route = 'pages/calendar/index'
    const mp = launchMiniProgram(answering({ 'team.me': ME, 'content.monthView': MONTH_VIEW }), route)
    const page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain('更换教程'))
    const shown = texts(page.data.root)
    expect(shown).toContain('安装避坑')
    expect(shown).not.toContain('净水器滤芯更换教程')
  })
})
