// The content enums, their Chinese labels and the text limits, without zod: the main package's pages
// (calendar, inbox) draw these labels, and zod stays out of the main package (issue 15). The input
// schemas in ./schemas build on them and re-export them.

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

/** The month theme's length (月度主题). */
export const MONTH_THEME_MAX = 30
