// Item retrospectives (单条复盘) and the case library (案例库): reading one with its day-7 numbers against
// the team's average, writing it (which completes its task), and the library of written ones.
// Created by the hourly timer (retroTimer.ts).
import type { contentContract } from '../../core/api/content'
import {
  averageValues,
  averageWindow,
  caseFilters,
  compareToAverage,
  day7Sums,
  firstLine,
  matchesText,
  OUTCOME_LABELS,
  retroDueDay,
  tagLine,
  valuesOf,
  type CaseLine,
  type ComparisonRow,
  type Day7Sums,
  type RetrospectiveView,
} from '../../core/content/retrospectives'
import { mayCloseTask } from '../../core/content/tasks'
import { AppError } from '../../core/errors'
import type { SeriesPoint } from '../../core/results/views'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { ITEM_SERIES, RETROSPECTIVES, TASKS } from '../common/db/collections'
import type { RetrospectiveRecord, TaskRecord } from '../common/db/meetings'
import { seriesId, type SeriesRecord } from '../common/db/results'
import { docIn, isConflict } from '../common/transaction'
import { memberNames } from './shared'

/** Retrospectives an average reads at most (a team publishing 10 a day for 30 days stays under it). */
const AVERAGE_READ = 500
/** With a text search, the newest written cases searched (filtered here, then paged). */
const SEARCH_READ = 500
const CASE_FIELDS = { _id: true, title: true, layer: true, category: true, format: true, publishedDay: true, outcome: true, worked: true, change: true, tags: true, comparison: true, ownerId: true }

export const retroHandlers: Pick<Handlers<typeof contentContract>, 'getRetrospective' | 'saveRetrospective' | 'listCases'> = {
  async getRetrospective({ ctx, input }) {
    const r = await found(ctx, input.id)
    // A written one shows what it was written against; a due one, the numbers as they stand now.
    const numbers = r.status === 'written' && r.comparison ? { comparison: r.comparison, averageNote: r.averageNote ?? '', day7: r.day7 } : await liveNumbers(ctx, r)
    return view(ctx, r, numbers, await memberNames(ctx))
  },

  async saveRetrospective({ ctx, input }) {
    const r = await found(ctx, input.id)
    if (!mayCloseTask({ memberId: ctx.member._id, roles: ctx.member.roles }, r.ownerId)) throw new AppError('NOT_FOUND', '没有找到你的这条复盘（只有内容负责人或主管可以填写）')
    if (r.version !== input.version) throw new AppError('CONFLICT', '复盘刚被其他人修改，请刷新后重试')
    // Numbers logged after the retrospective was created count: the written one is frozen with today's.
    const numbers = await liveNumbers(ctx, r)
    const first = r.status !== 'written'
    const patch = {
      worked: input.worked,
      change: input.change,
      tags: input.tags,
      outcome: input.outcome,
      day7: numbers.day7,
      comparison: numbers.comparison,
      averageNote: numbers.averageNote,
      status: 'written',
      writtenAt: first ? ctx.now : r.writtenAt,
      writtenById: first ? ctx.member._id : r.writtenById,
      writtenByName: first ? ctx.member.name : r.writtenByName,
      updatedAt: ctx.now,
      version: r.version + 1,
    }
    try {
      await ctx.db.runTransaction(async (tx) => {
        const cur = await docIn<RetrospectiveRecord>(tx, RETROSPECTIVES, r._id)
        if (!cur || cur.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '复盘不存在')
        if (cur.version !== input.version) throw new AppError('CONFLICT', '复盘刚被其他人修改，请刷新后重试')
        await tx.collection(RETROSPECTIVES).doc(r._id).update({ data: patch })
        // Writing it is what the task asked: it is done (whoever wrote it), once.
        const task = cur.taskId ? await docIn<TaskRecord>(tx, TASKS, cur.taskId) : null
        if (task && task.status === 'open') {
          await tx.collection(TASKS).doc(task._id).update({ data: { status: 'done', doneAt: ctx.now, doneById: ctx.member._id, doneByName: ctx.member.name, updatedAt: ctx.now, version: task.version + 1 } })
        }
      })
    } catch (e) {
      if (e instanceof AppError || !isConflict(e)) throw e
      throw new AppError('CONFLICT', '复盘刚被其他人修改，请刷新后重试')
    }
    ctx.audit({ subjectId: r._id, subjectName: r.title, before: r, after: { outcome: input.outcome, tags: input.tags, worked: input.worked, change: input.change } })
    const saved = { ...r, ...patch } as RetrospectiveRecord
    return view(ctx, saved, numbers, await memberNames(ctx))
  },

  async listCases({ ctx, input }) {
    const where = { status: 'written', ...caseFilters(input) }
    const repo = ctx.repo<RetrospectiveRecord>(RETROSPECTIVES)
    const order: [string, 'desc'] = ['writtenAt', 'desc']
    let rows: RetrospectiveRecord[]
    let hasMore: boolean
    if (input.q) {
      const all = (await repo.find(where, { orderBy: order, limit: SEARCH_READ, fields: CASE_FIELDS })).filter((c) => matchesText(c, input.q))
      rows = all.slice(input.offset, input.offset + input.limit)
      hasMore = all.length > input.offset + input.limit
    } else {
      const page = await repo.find(where, { orderBy: order, skip: input.offset, limit: input.limit + 1, fields: CASE_FIELDS })
      rows = page.slice(0, input.limit)
      hasMore = page.length > input.limit
    }
    const names = await memberNames(ctx)
    return { items: rows.map((c) => caseLine(c, names)), hasMore, nextOffset: input.offset + rows.length }
  },
}

async function found(ctx: MemberCtx, id: string): Promise<RetrospectiveRecord> {
  const r = await ctx.repo<RetrospectiveRecord>(RETROSPECTIVES).get(id)
  if (!r) throw new AppError('NOT_FOUND', '复盘不存在')
  return r
}

interface Numbers {
  day7: Day7Sums
  comparison: ComparisonRow[]
  averageNote: string
}

/**
 * The item's day-7 numbers from its series (1 request) against the stored day-7 sums of the team's items
 * published in the 30 days before it (1 request; each retrospective keeps its item's).
 */
async function liveNumbers(ctx: MemberCtx, r: RetrospectiveRecord): Promise<Numbers> {
  const w = averageWindow(r.publishedDay)
  const _ = ctx.db.command
  const [series, others] = await Promise.all([
    ctx.repo<SeriesRecord>(ITEM_SERIES).get(seriesId(ctx.team._id, r.itemId)),
    ctx.repo<RetrospectiveRecord>(RETROSPECTIVES).find({ publishedDay: _.gte(w.from).and(_.lte(w.to)) }, { orderBy: ['publishedDay', 'asc'], limit: AVERAGE_READ, fields: { _id: true, day7: true } }),
  ])
  const day7 = series ? day7Sums((series.points ?? []) as SeriesPoint[], r.publishedDay) : r.day7
  const avg = averageValues(others.map((o) => o.day7))
  const span = `${w.from.slice(5)} 至 ${w.to.slice(5)}`
  const averageNote = avg.items ? `团队均值：${span} 发布的 ${avg.items} 条内容第 7 天的数据` : `团队均值：${span} 没有可比的内容`
  return { day7, comparison: compareToAverage(valuesOf(day7), avg.values), averageNote }
}

function view(ctx: MemberCtx, r: RetrospectiveRecord, n: Numbers, names: Map<string, string>): RetrospectiveView {
  return {
    id: r._id,
    itemId: r.itemId,
    title: r.title,
    tagLine: tagLine(r.layer, r.category, r.format),
    ownerName: names.get(r.ownerId) ?? '',
    publishedDay: r.publishedDay,
    dueDay: retroDueDay(r.publishedDay),
    status: r.status,
    version: r.version,
    asOf: n.day7.asOf,
    comparison: n.comparison,
    averageNote: n.averageNote,
    worked: r.worked,
    change: r.change,
    tags: r.tags,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : null,
    writtenByName: r.writtenByName,
    writtenAt: r.writtenAt ? new Date(r.writtenAt).toISOString() : null,
    mayWrite: mayCloseTask({ memberId: ctx.member._id, roles: ctx.member.roles }, r.ownerId),
  }
}

function caseLine(c: RetrospectiveRecord, names: Map<string, string>): CaseLine {
  const row = c.comparison?.find((x) => x.metric === 'completionRate' && x.value !== '—') ?? c.comparison?.find((x) => x.metric === 'plays')
  return {
    id: c._id,
    title: c.title,
    tagLine: tagLine(c.layer, c.category, c.format),
    publishedDay: c.publishedDay,
    outcome: c.outcome!,
    outcomeLabel: OUTCOME_LABELS[c.outcome!],
    worked: firstLine(c.worked),
    tags: c.tags,
    keyNumber: row ? `${row.label} ${row.value}（均值 ${row.average}）` : '—',
    ownerName: names.get(c.ownerId) ?? '',
  }
}
