import { z } from 'zod'
import { dayKeySchema as dayKey, dayRangeSchema, idSchema as id, isoTimeSchema as isoTime, versionSchema as version, visibleText } from '../atoms'
import { CATEGORIES, FORMATS, LAYERS, MONTH_THEME_MAX, SOURCES, TAG_MAX, TITLE_MAX, type Category, type Format, type ItemStatus, type Layer, type Source } from './labels'

export * from './labels'

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
  .object({ month: monthKey, theme: visibleText('月度主题', MONTH_THEME_MAX, { min: 0 }) })
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
