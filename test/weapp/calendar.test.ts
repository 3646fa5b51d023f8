import simulate from 'miniprogram-simulate'
import { buildMonthView } from '../../core/content/calendar'
import { DEFAULT_CONTENT_TARGETS } from '../../core/content/mix'
import type { ItemCard } from '../../core/content/schemas'
import { dayKey, inChina } from '../../core/time/china'
import type { MeView } from '../../core/team/schemas'
import { answering, classesOf, eventually, launchMiniProgram, texts, writeProbe } from './harness'

// The tab opens on the current China-time month: build the month around it.
const MONTH = inChina(new Date()).format('YYYY-MM')
const TODAY = dayKey(new Date())
const day = (n: number) => `${MONTH}-${String(n).padStart(2, '0')}`

const ME: MeView = {
  member: { id: 'm_op', name: '李娜', department: 'marketing', roles: ['operator'], joinedAt: '2025-03-01T02:00:00.000Z', version: 1, isMe: true },
  team: { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 6 },
}

let seq = 0
const card = (d: string, title: string, o: Partial<ItemCard> = {}): ItemCard => ({
  id: `item_${++seq}`,
  title,
  format: 'short_video',
  layer: 'intro',
  category: 'brand',
  status: 'planned',
  time: '20:00',
  day: d,
  ownerName: '李娜',
  ...o,
})

// A product-heavy month, as the baseline says: four intros, one usage tip; day 3 has more than a cell shows.
const CARDS = [
  card(day(2), '澄净 X3 开箱', { status: 'published' }),
  card(day(3), '滤芯怎么换', { layer: 'value' }),
  card(day(3), '新品预告 K5', { format: 'livestream' }),
  card(day(3), '参数一图看懂', { format: 'image_text' }),
  card(day(3), '门店实拍'),
]
const MONTH_VIEW = buildMonthView(MONTH, CARDS, '冬季净水季', DEFAULT_CONTENT_TARGETS)

const cloudFunctions = answering({ 'team.me': ME, 'content.monthView': MONTH_VIEW })


describe('mini-program build (dist/weapp): 日历 tab', () => {
  const route = 'pages/calendar/index'
  let mp: ReturnType<typeof launchMiniProgram>
  let page: Awaited<ReturnType<ReturnType<typeof launchMiniProgram>['openPage']>>

  beforeAll(async () => {
    mp = launchMiniProgram(cloudFunctions, route)
    page = await mp.openPage(route)
    await eventually(() => expect(texts(page.data.root)).toContain('澄净 X3 开箱'))
  })

  it("asks the 'content' function for the current month through wx.cloud.callFunction", () => {
    const calls = mp.calls.filter((c) => c.name === 'content')
    expect(calls).toEqual([{ name: 'content', data: expect.objectContaining({ action: 'monthView', data: { month: MONTH } }) }])
  })

  it('hands setData the item titles, capped at three per day', () => {
    const shown = texts(page.data.root)
    for (const t of ['澄净 X3 开箱', '滤芯怎么换', '新品预告 K5', '参数一图看懂']) expect(shown).toContain(t)
    expect(shown).not.toContain('门店实拍')
    expect(shown).toContain('+1')
  })

  it('hands setData the theme, the mix check and each week’s cadence', () => {
    const shown = texts(page.data.root).join('|')
    expect(shown).toContain('冬季净水季')
    expect(shown).toContain('基础认知 占比 80.0%，目标 ≤ 60.0%')
    for (const w of MONTH_VIEW.cadence) expect(shown).toContain(`/${w.target}`)
    expect(shown).toMatch(/第\d+周/)
  })

  it("marks today's cell for highlighting", () => {
    expect(classesOf(page.data.root).filter((c) => c.includes('month-cell--today'))).toEqual([expect.stringContaining(`month-cell--${TODAY}`)])
  })

  it("renders that tree through the build's own base.wxml template", () => {
    const id = simulate.load(writeProbe())
    const probe = simulate.render(id, { root: page.data.root })
    probe.attach(document.createElement('div'))
    const text = probe.dom!.textContent ?? ''
    expect(text).toContain('澄净 X3 开箱')
    expect(text).toContain('本月 5 条')
    expect(text).toContain('冬季净水季')
    const cadence = MONTH_VIEW.cadence.find((w) => w.count > 0)!
    expect(text).toContain(`${cadence.count}/${cadence.target}`)
  })
})
