import type { contentContract } from '../../core/api/content'
import { canOwnItems, ownerRoleLabels } from '../../core/api/owners'
import { buildMonthView, buildWeekView } from '../../core/content/calendar'
import { toCsv } from '../../core/content/csv'
import { cadenceByWeek, countsTowardPlan, introCheck, mixOf } from '../../core/content/mix'
import { contentTargets, teamTargetsOn } from '../../core/analytics/targets'
import {
  CATEGORY_LABELS,
  FORMAT_LABELS,
  LAYER_LABELS,
  STATUS_LABELS,
} from '../../core/content/schemas'
import { AppError, fieldError } from '../../core/errors'
import { daysBetween, dayKey, inChina, monthDays, weekDays } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { publishItem } from '../common/itemLifecycle'
import { ITEMS, MEMBERS, THEMES } from '../common/db/collections'
import { newItemRecord, themeId, type ItemRecord, type ThemeRecord } from '../common/db/content'
import { meetingHandlers } from './meetings'
import { scheduling, notInPast } from './schedule'
import { memberNames, writeMonthTheme } from './shared'
import { retroHandlers } from './retrospectives'
import { taskHandlers } from './tasks'
import type { MemberRecord } from '../common/db/team'
import { CARD_FIELDS, itemCard, itemDetail } from './views'

const IDEA_PAGE = 20
/** Calendar ranges read at most this many items (a year of a busy team); the page gets summaries only. */
const RANGE_CAP = 5000

// Split by area: the calendar and the topic library here; the four meetings (四会) in meetings.ts (their view: meetingView.ts); 待办 in tasks.ts.
export const handlers: Handlers<typeof contentContract> = {
  ...meetingHandlers,
  ...taskHandlers,
  ...retroHandlers,
  async createItem({ ctx, input }) {
    await requireOwner(ctx, input.ownerId)
    const plannedAt = input.plannedAt ? notInPast(ctx.now, new Date(input.plannedAt)) : null
    const record = newItemRecord({ ...input, _id: ctx.newId('item'), teamId: ctx.team._id, plannedAt, createdBy: ctx.member._id, now: ctx.now })
    const { doc } = await items(ctx).insertOnce(record)
    ctx.audit({ subjectId: doc._id, detail: { title: doc.title, plannedAt: input.plannedAt ?? null } })
    return itemDetail(doc, await memberNames(ctx))
  },

  async updateItem({ ctx, input }) {
    const item = await editable(ctx, input.id)
    const { id, version, ...fields } = input
    if (fields.ownerId) await requireOwner(ctx, fields.ownerId)
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    const names = await memberNames(ctx)
    const updated = await items(ctx).updateVersioned(id, version, patch, ctx.now, (c) => itemDetail(c, names))
    ctx.audit({ subjectId: id, subjectName: item.title, before: item, detail: { fields: Object.keys(patch), title: item.title } })
    return itemDetail(updated, names)
  },

  async rescheduleItem({ ctx, input }) {
    const item = await editable(ctx, input.id)
    const { fields, change } = scheduling(item, new Date(input.plannedAt), { id: ctx.member._id, name: ctx.member.name }, input.reason ?? '', ctx.now)
    const names = await memberNames(ctx)
    const updated = await items(ctx).updateVersioned(
      item._id,
      input.version,
      { ...fields, scheduleHistory: ctx.db.command.push([change]) },
      ctx.now,
      (c) => itemDetail(c, names),
    )
    ctx.audit({ subjectId: item._id, subjectName: item.title, before: item, detail: { from: change.from, to: change.to, reason: change.reason } })
    return itemDetail(updated, names)
  },

  async archiveItem({ ctx, input }) {
    const item = await editable(ctx, input.id)
    const names = await memberNames(ctx)
    const updated = await items(ctx).updateVersioned(input.id, input.version, { status: 'archived' }, ctx.now, (c) => itemDetail(c, names))
    ctx.audit({ subjectId: input.id, subjectName: item.title, before: item, after: { status: 'archived' } })
    return itemDetail(updated, names)
  },

  async markPublished({ ctx, input }) {
    const names = await memberNames(ctx)
    const updated = await publishItem(ctx, input, (c) => itemDetail(c, names))
    ctx.audit({ subjectId: input.id, subjectName: updated.title, after: { status: 'published', publishedAt: updated.publishedAt }, detail: { publishedAt: new Date(updated.publishedAt!).toISOString() } })
    return itemDetail(updated, names)
  },

  async setMonthTheme({ ctx, input }) {
    await writeMonthTheme(ctx, input.month, input.theme)
    ctx.audit({ subjectId: input.month, detail: { theme: input.theme } })
    return { month: input.month, theme: input.theme }
  },

  async getItem({ ctx, input }) {
    const item = await items(ctx).get(input.id)
    if (!item) throw new AppError('NOT_FOUND', '内容不存在')
    return itemDetail(item, await memberNames(ctx))
  },

  async monthView({ ctx, input }) {
    const days = monthDays(input.month)
    const [cards, theme] = await Promise.all([cardsIn(ctx, days[0], days[days.length - 1]), monthTheme(ctx, input.month)])
    return buildMonthView(input.month, cards, theme, contentTargets(teamTargetsOn(ctx.team, dayKey(ctx.now))))
  },

  async weekView({ ctx, input }) {
    const days = weekDays(input.day)
    return buildWeekView(input.day, await cardsIn(ctx, days[0], days[6]), contentTargets(teamTargetsOn(ctx.team, dayKey(ctx.now))))
  },

  async dayItems({ ctx, input }) {
    const cards = await cardsIn(ctx, input.day, input.day)
    return cards.sort((a, b) => (a.time ?? '99').localeCompare(b.time ?? '99'))
  },

  async listIdeas({ ctx, input }) {
    const where: Record<string, unknown> = { status: 'idea' }
    if (input.category) where.category = input.category
    if (input.source) where.source = input.source
    if (input.q) where.title = ctx.db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' })
    const [found, names] = await Promise.all([
      items(ctx).find(where, { orderBy: ['createdAt', 'desc'], skip: input.offset, limit: IDEA_PAGE + 1 }),
      memberNames(ctx),
    ])
    return {
      items: found.slice(0, IDEA_PAGE).map((i) => itemCard(i, names)),
      hasMore: found.length > IDEA_PAGE,
      nextOffset: input.offset + Math.min(found.length, IDEA_PAGE),
    }
  },

  async mixStats({ ctx, input }) {
    const cards = (await cardsIn(ctx, input.from, input.to)).filter((c) => countsTowardPlan(c.status))
    const mix = mixOf(cards)
    return {
      from: input.from,
      to: input.to,
      mix,
      mixCheck: introCheck(mix, contentTargets(teamTargetsOn(ctx.team, dayKey(ctx.now)))),
      cadence: cadenceByWeek(cards, daysBetween(input.from, input.to), contentTargets(teamTargetsOn(ctx.team, dayKey(ctx.now))).weeklyCadence),
    }
  },

  async exportCsv({ ctx, input }) {
    const names = await memberNames(ctx)
    const list = (await rangeItems(ctx, input.from, input.to, undefined)).sort((a, b) =>
      `${a.day}${a.plannedAt ?? ''}`.localeCompare(`${b.day}${b.plannedAt ?? ''}`),
    )
    const rows = list.map((i) => {
      const at = i.publishedAt ?? i.plannedAt
      return [
        i.day,
        at ? inChina(at).format('HH:mm') : '',
        i.title,
        FORMAT_LABELS[i.format],
        LAYER_LABELS[i.layer],
        CATEGORY_LABELS[i.category],
        STATUS_LABELS[i.status],
        names.get(i.ownerId) ?? '',
        i.tags.join(' '),
        i.notes,
        i.postUrl ?? '',
      ]
    })
    const header = ['日期', '时间', '标题', '形式', '内容层级', '选题类别', '状态', '负责人', '标签', '备注', '视频号链接']
    return { fileName: `内容日历_${input.from}_${input.to}.csv`, csv: toCsv(header, rows), rows: rows.length }
  },

  async owners({ ctx }) {
    const list = await ctx.repo<MemberRecord>(MEMBERS).find({ status: 'active' }, { orderBy: ['joinedAt', 'asc'] })
    // Only people who can do the work: an owner starts production and submits versions.
    return list.filter((m) => canOwnItems(m.roles)).map((m) => ({ id: m._id, name: m.name }))
  },
}

function items(ctx: MemberCtx) {
  return ctx.repo<ItemRecord>(ITEMS)
}

async function requireOwner(ctx: MemberCtx, ownerId: string): Promise<void> {
  const owner = await ctx.repo<MemberRecord>(MEMBERS).findOne({ _id: ownerId, status: 'active' })
  if (!owner) throw fieldError('ownerId', '负责人：必须是团队的现有成员')
  if (!canOwnItems(owner.roles)) throw fieldError('ownerId', `负责人：${owner.name} 不能开始制作或提交版本，请选择${ownerRoleLabels()}`)
}

/** The item, if it may still change: archived items are read-only. */
async function editable(ctx: MemberCtx, id: string): Promise<ItemRecord> {
  const item = await items(ctx).get(id)
  if (!item) throw new AppError('NOT_FOUND', '内容不存在')
  if (item.status === 'archived') throw new AppError('CONFLICT', '内容已归档，不能修改')
  return item
}

async function rangeItems(ctx: MemberCtx, from: string, to: string, fields: Record<string, boolean> | undefined): Promise<ItemRecord[]> {
  const _ = ctx.db.command
  return items(ctx).find(
    { day: _.gte(from).and(_.lte(to)), status: _.neq('archived') },
    { orderBy: ['day', 'asc'], limit: RANGE_CAP, fields },
  )
}

async function cardsIn(ctx: MemberCtx, from: string, to: string) {
  const [list, names] = await Promise.all([rangeItems(ctx, from, to, CARD_FIELDS), memberNames(ctx)])
  return list.map((i) => itemCard(i, names))
}

async function monthTheme(ctx: MemberCtx, month: string): Promise<string> {
  const t = await ctx.repo<ThemeRecord>(THEMES).get(themeId(ctx.team._id, month))
  return t?.theme ?? ''
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
