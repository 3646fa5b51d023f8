// A quarter of demo content for the demo team: eight weeks published (irregular, product-heavy, as
// PRODUCT.md's baseline says), five weeks planned (a little better mixed), and ideas in the library.
// Past items cannot come through createItem (it refuses past times), so they are written to the
// store in the shape the content function itself builds (newItemRecord).
import type { Category, Format, Layer, Source } from '../core/content/schemas'
import { addDays, dayKey, weekStart } from '../core/time/china'
import { ITEMS, THEMES } from '../cloudfunctions/common/db/collections'
import { newItemRecord, themeId, type ItemRecord } from '../cloudfunctions/common/db/content'
import type { Store } from './store'
import { prng } from './prng'

const TITLES: Record<Layer, string[]> = {
  intro: [
    '澄净 X3 净水器开箱：三分钟看懂核心功能',
    '一张图看懂 X3 的五级过滤',
    '新款空气净化器 A7 上市：五大升级点',
    '标准版还是 Pro 版？一次讲清区别',
    '走进工厂：一台净水器的诞生',
    '门店实拍：全系列产品一字排开',
    '选购指南：小户型怎么选净水器',
    '滤芯怎么换？官方演示来了',
    'A7 噪音实测：睡眠模式有多安静',
    '新品预告：厨下净水器 K5',
  ],
  value: [
    '老用户都不知道的 5 个隐藏功能',
    '滤芯保养误区，90% 的人都做错了',
    '装修党必看：净水器安装避坑清单',
    '售后工程师教你 1 分钟自检故障',
    '水质检测笔怎么看？读数背后的意思',
    '花粉季空气净化器这样用最省电',
  ],
  story: [
    '一位老客户和澄净的十年',
    '店长的一天：从开门到打烊',
    '为了这场发布会我们熬了三个通宵',
    '用户来信：它陪我度过了宝宝的第一个冬天',
    '安装师傅老王的 3000 个家庭',
  ],
}

const IDEAS: { title: string; category: Category; source: Source; layer: Layer }[] = [
  { title: '用户最常问的三个问题：滤芯多久换？', category: 'pain_point', source: 'sales', layer: 'value' },
  { title: '北方水碱重，净水器到底有没有用', category: 'pain_point', source: 'comments', layer: 'value' },
  { title: '世界水日：一杯水的旅程', category: 'trending', source: 'trending', layer: 'story' },
  { title: '直播间抽奖玩法：猜猜 TDS 值', category: 'interactive', source: 'team', layer: 'value' },
  { title: '同行都在拍的“水质对比实验”我们怎么拍出新意', category: 'trending', source: 'competitor', layer: 'value' },
  { title: '品牌十周年：请老用户讲故事', category: 'brand', source: 'team', layer: 'story' },
  { title: '租房党能不能装净水器', category: 'pain_point', source: 'sales', layer: 'value' },
  { title: '投票：你家厨房最想解决的一个问题', category: 'interactive', source: 'team', layer: 'story' },
  { title: '618 备货前的选购问答', category: 'trending', source: 'sales', layer: 'intro' },
  { title: '工程师跟拍：一次上门安装全过程', category: 'brand', source: 'team', layer: 'value' },
  { title: '评论区高赞问题合集', category: 'interactive', source: 'comments', layer: 'value' },
  { title: '新国标解读：净水器能效怎么看', category: 'trending', source: 'trending', layer: 'intro' },
]

const CATEGORIES: Category[] = ['trending', 'pain_point', 'brand', 'interactive']
const SLOTS = ['12:00', '18:30', '20:00']

// Per week, from 8 weeks back to 4 weeks ahead: how many items and how many of them product intros.
const PAST = [[2, 2], [3, 3], [1, 1], [3, 2], [2, 2], [4, 3], [3, 3], [3, 2]]
const THIS_AND_AHEAD = [[5, 3], [4, 3], [3, 2], [2, 1], [1, 1]]

export function seedContent(store: Store, teamId: string, people: { id: string; name: string }[], now: Date): void {
  const owners = people.map((p) => p.id)
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? ''
  const rand = prng(20261127)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const used: Record<Layer, number> = { intro: 0, value: 0, story: 0 }
  const docs: ItemRecord[] = []
  const thisMonday = weekStart(dayKey(now))
  const weeks = [...PAST, ...THIS_AND_AHEAD]
  weeks.forEach(([count, intros], w) => {
    const monday = addDays(thisMonday, (w - PAST.length) * 7)
    const days = [0, 1, 2, 3, 4, 5, 6].sort(() => rand() - 0.5).slice(0, count).sort()
    days.forEach((offset, k) => {
      const layer: Layer = k < intros ? 'intro' : rand() < 0.6 ? 'value' : 'story'
      const title = TITLES[layer][used[layer]++ % TITLES[layer].length]
      const at = new Date(`${addDays(monday, offset)}T${pick(SLOTS)}:00+08:00`)
      const drawn: Format = rand() < 0.15 ? 'livestream' : rand() < 0.2 ? 'image_text' : 'short_video'
      // Two weeks ago always had a livestream, so 直播转化率 has a recent session to show (outside the
      // last 7 days, which the 填报 list and its journey count on).
      const format: Format = w === PAST.length - 2 && k === 0 ? 'livestream' : drawn
      const owner = pick(owners)
      const item = newItemRecord({
        _id: `demo_item_${w}_${k}`,
        teamId,
        title: format === 'livestream' ? `直播：${title}` : title,
        format,
        layer,
        category: layer === 'intro' ? (rand() < 0.7 ? 'brand' : pick(CATEGORIES)) : pick(CATEGORIES),
        ownerId: owner,
        plannedAt: at,
        createdBy: owner,
        now: new Date(at.getTime() - 9 * 86400_000),
      })
      if (at < now) {
        // Posts go out up to 90 minutes after their slot, never later than now.
        const published = new Date(Math.min(at.getTime() + Math.floor(rand() * 90) * 60_000, now.getTime()))
        Object.assign(item, { status: 'published', publishedAt: published, day: dayKey(published), postUrl: `https://channels.weixin.qq.com/demo/${item._id}` })
      }
      if (rand() < 0.2) {
        const from = new Date(at.getTime() - 2 * 86400_000)
        item.scheduleHistory.push({ from: from.toISOString(), to: at.toISOString(), byId: owner, byName: nameOf(owner), reason: '拍摄延期', at: new Date(from.getTime() - 86400_000).toISOString() })
      }
      docs.push(item)
    })
  })
  IDEAS.forEach((idea, i) => {
    docs.push(
      newItemRecord({
        _id: `demo_idea_${i}`,
        teamId,
        title: idea.title,
        format: 'short_video',
        layer: idea.layer,
        category: idea.category,
        source: idea.source,
        ownerId: pick(owners),
        plannedAt: null,
        createdBy: owners[0],
        now: new Date(now.getTime() - (i + 1) * 3 * 3600_000),
      }),
    )
  })
  store.insert(ITEMS, docs as unknown as Record<string, unknown>[])
  const month = dayKey(now).slice(0, 7)
  const nextMonth = addDays(`${month}-28`, 7).slice(0, 7)
  const themes = [
    { month, theme: '冬季净水季·老用户回馈' },
    { month: nextMonth, theme: '年终盘点·品牌故事月' },
  ]
  store.insert(
    THEMES,
    themes.map((t) => ({ _id: themeId(teamId, t.month), teamId, ...t, createdAt: now, updatedAt: now, createdBy: owners[0], version: 0 })),
  )
}
