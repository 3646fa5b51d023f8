import { z } from 'zod'
import { dayKeySchema as dayKey, dayRangeSchema, idSchema as id, isoTimeSchema as isoTime, versionSchema as version, visibleText } from '../atoms'

export const FORMATS = ['short_video', 'livestream', 'image_text'] as const
export type Format = (typeof FORMATS)[number]
export const FORMAT_LABELS: Record<Format, string> = { short_video: '短视频', livestream: '直播', image_text: '图文' }

export const LAYERS = ['intro', 'value', 'story'] as const
export type Layer = (typeof LAYERS)[number]
export const LAYER_LABELS: Record<Layer, string> = { intro: '基础认知', value: '深度价值', story: '情感共鸣' }

export const CATEGORIES = ['trending', 'pain_point', 'brand', 'interactive'] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<Category, string> = {
  trending: '行业热点',
  pain_point: '用户痛点',
  brand: '品牌动态',
  interactive: '互动话题',
}

export const SOURCES = ['trending', 'sales', 'comments', 'competitor', 'team', 'other'] as const
export type Source = (typeof SOURCES)[number]
export const SOURCE_LABELS: Record<Source, string> = {
  trending: '热点话题',
  sales: '销售反馈的用户痛点',
  comments: '用户评论',
  competitor: '同行/竞品',
  team: '团队头脑风暴',
  other: '其他',
}

/**
 * idea (topic library) → planned (on the calendar, possibly in production) → scheduled (final review
 * passed: the review function sets it) → published; archived at any point.
 */
export const STATUSES = ['idea', 'planned', 'scheduled', 'published', 'archived'] as const
export type ItemStatus = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<ItemStatus, string> = { idea: '选题', planned: '已排期', scheduled: '待发布', published: '已发布', archived: '已归档' }

/** A creation may name a time a few minutes back: the form was opened a moment ago. */
export const PAST_GRACE_MS = 10 * 60_000

export const TITLE_MAX = 60
export const TAG_MAX = 12

const title = visibleText('标题', TITLE_MAX)
const notes = z.string().trim().max(500).describe('备注')
const tags = z.array(visibleText('标签', TAG_MAX)).max(10).describe('标签')
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份').describe('月份')

const itemFields = {
  title,
  format: z.enum(FORMATS).describe('形式'),
  layer: z.enum(LAYERS).describe('内容层级'),
  category: z.enum(CATEGORIES).describe('选题类别'),
  ownerId: id('负责人'),
  notes: notes.optional(),
  tags: tags.optional(),
  source: z.enum(SOURCES).describe('来源').optional(),
}

export const createItemInput = z
  .object({ ...itemFields, plannedAt: isoTime('计划发布时间').optional() })
  .strict()

export const updateItemInput = z
  .object({
    id: id('内容'),
    version,
    title: title.optional(),
    format: itemFields.format.optional(),
    layer: itemFields.layer.optional(),
    category: itemFields.category.optional(),
    ownerId: itemFields.ownerId.optional(),
    notes: notes.optional(),
    tags: tags.optional(),
    source: itemFields.source,
  })
  .strict()

export const rescheduleItemInput = z
  .object({
    id: id('内容'),
    version,
    plannedAt: isoTime('计划发布时间'),
    reason: z.string().trim().max(100).describe('改期原因').optional(),
  })
  .strict()

export const itemRefInput = z.object({ id: id('内容'), version }).strict()
export const getItemInput = z.object({ id: id('内容') }).strict()

export const markPublishedInput = z
  .object({
    id: id('内容'),
    version,
    publishedAt: isoTime('发布时间').optional(),
    postUrl: z.string().trim().url('应为链接').max(500).describe('视频号链接').optional(),
  })
  .strict()

export const monthViewInput = z.object({ month: monthKey }).strict()
export const weekViewInput = z.object({ day: dayKey('日期') }).strict()
export const dayItemsInput = z.object({ day: dayKey('日期') }).strict()

export const rangeInput = dayRangeSchema()

export const listIdeasInput = z
  .object({
    q: z.string().trim().max(30).describe('搜索').optional(),
    category: z.enum(CATEGORIES).describe('选题类别').optional(),
    source: z.enum(SOURCES).describe('来源').optional(),
    offset: z.number().int().min(0).max(10_000).describe('位置').default(0),
  })
  .strict()

export const setMonthThemeInput = z
  .object({ month: monthKey, theme: visibleText('月度主题', 30, { min: 0 }) })
  .strict()

/** One reschedule, kept forever on the item. */
export interface ScheduleChange {
  from: string | null
  to: string
  byId: string
  byName: string
  reason: string
  at: string
}

/** A compact item as calendar cells and lists show it. */
export interface ItemCard {
  id: string
  title: string
  format: Format
  layer: Layer
  category: Category
  status: ItemStatus
  /** China-time 'HH:mm' of the planned (or real) publish time, if any. */
  time: string | null
  day: string | null
  ownerName: string
}

export interface ItemDetail extends ItemCard {
  ownerId: string
  plannedAt: string | null
  publishedAt: string | null
  postUrl: string | null
  notes: string
  tags: string[]
  source: Source | null
  version: number
  history: ScheduleChange[]
  createdAt: string
  createdByName: string
}
