import type { resultsContract } from '../../core/api/results'
import { PAST_GRACE_MS } from '../../core/content/schemas'
import { AppError, refuseFields, type FieldError } from '../../core/errors'
import { dayNotInFutureErrors, snapshotDateErrors } from '../../core/results/dates'
import { matchRow, rowMetrics } from '../../core/results/import'
import { leadContribution, liveContribution, type Contribution, type ItemDims } from '../../core/results/rollup'
import { CORRECTION_WINDOW_MS, snapshotMetrics, type LogLiveInput } from '../../core/results/schemas'
import type { PreviewRow } from '../../core/results/views'
import { dailyIncrements, monotoneViolations } from '../../core/results/series'
import { addDays, dayKey } from '../../core/time/china'
import { fieldErrors } from '../../core/validation'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { FOLLOWER_TOTALS, IMPORTS, ITEM_SERIES, ITEMS, LEADS, LIVE_SESSIONS, ROLLUPS, SNAPSHOTS, type CollectionName } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import { correctionId, seriesId, type FollowerRecord, type ImportRecord, type LeadRecord, type LiveRecord, type RollupRecord, type SeriesRecord, type SnapshotRecord } from '../common/db/results'
import { rebuildTeam } from './rebuild'
import { assertNotRebuilding, commitSnapshots, inTransaction, RollupBatch, txGet, txSet, type Logger, type PlannedSnapshot } from './tx'
import { followerView, historyEntry, leadView, liveView, rollupView, snapshotView } from './views'

const ITEM_FIELDS = { _id: true, title: true, status: true, publishedAt: true, format: true, layer: true, category: true, day: true }
type ItemLite = Pick<ItemRecord, '_id' | 'title' | 'status' | 'publishedAt' | 'format' | 'layer' | 'category' | 'day'>
/** Published items an import is matched against (a year of a busy team). */
const MATCH_CAP = 2000

export const handlers: Handlers<typeof resultsContract> = {
  async logSnapshot({ ctx, input }) {
    const item = await publishedItem(ctx, input.itemId)
    refuseFields(snapshotDateErrors(input.date, { now: ctx.now, publishedAt: item.publishedAt }))
    const plan: PlannedSnapshot = { id: ctx.newId('snapshot'), itemId: item._id, dims: dimsOf(item), date: input.date, metrics: input.metrics, source: 'form', importId: null, path: 'metrics' }
    const [record] = await inTransaction(ctx.db, (tx) => commitSnapshots(tx, logger(ctx), [plan]))
    ctx.audit({ target: record._id, detail: { itemId: item._id, date: input.date, supersedes: record.supersedes } })
    return snapshotView(record)
  },

  async correctSnapshot({ ctx, input }) {
    const target = await ctx.repo<SnapshotRecord>(SNAPSHOTS).get(input.snapshotId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的记录不存在')
    const byManager = ctx.member.roles.includes('manager')
    assertMayCorrect(ctx, target)
    const plan: PlannedSnapshot = {
      id: ctx.newId('snapshot'),
      itemId: target.itemId,
      dims: target.dims,
      date: target.date,
      metrics: input.metrics,
      source: 'form',
      corrects: { snapshotId: target._id, reason: input.reason, byManager },
      importId: null,
      path: 'metrics',
    }
    const [record] = await inTransaction(ctx.db, (tx) => commitSnapshots(tx, logger(ctx), [plan]))
    ctx.audit({ target: record._id, detail: { corrects: target._id, itemId: target.itemId, date: target.date, reason: input.reason, before: target.metrics } })
    return snapshotView(record)
  },

  async itemHistory({ ctx, input }) {
    const item = await ctx.repo<ItemRecord>(ITEMS).get(input.itemId)
    if (!item) throw new AppError('NOT_FOUND', '内容不存在')
    const [records, series] = await Promise.all([
      ctx.repo<SnapshotRecord>(SNAPSHOTS).find({ itemId: item._id }, { orderBy: ['loggedAt', 'desc'], limit: 2000 }),
      ctx.repo<SeriesRecord>(ITEM_SERIES).get(seriesId(ctx.team._id, item._id)),
    ])
    const supersededBy = new Map(records.filter((r) => r.supersedes).map((r) => [r.supersedes!, r._id]))
    const points = series?.points ?? []
    const increments = dailyIncrements(points)
    return {
      item: { id: item._id, title: item.title, publishedDay: item.publishedAt ? dayKey(item.publishedAt) : null },
      entries: records.map((r) => historyEntry(r, supersededBy.get(r._id) ?? null)),
      series: points.map((p) => ({ ...p, increments: (increments.get(p.date) ?? {}) as Record<string, number> })),
    }
  },

  async pendingToday({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const items = await ctx
      .repo<ItemRecord>(ITEMS)
      .find({ status: 'published', day: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['publishedAt', 'desc'], limit: 300, fields: ITEM_FIELDS })
    const series = await seriesOf(ctx, items.map((i) => i._id))
    const pending = items.filter((i) => !series.get(i._id)?.points.some((p) => p.date === today))
    return {
      today,
      items: pending.map((i) => {
        const before = (series.get(i._id)?.points ?? []).filter((p) => p.date < today)
        return { id: i._id, title: i.title, format: i.format, publishedDay: dayKey(i.publishedAt!), last: before[before.length - 1] ?? null }
      }),
      doneCount: items.length - pending.length,
    }
  },

  async logLive({ ctx, input }) {
    const item = await ctx.repo<ItemRecord>(ITEMS).get(input.itemId)
    if (!item || item.status === 'archived') throw new AppError('NOT_FOUND', '直播不存在')
    if (item.format !== 'livestream') refuseFields([{ path: 'itemId', message: '直播：这条内容不是直播' }])
    const record: LiveRecord = {
      ...logged(ctx, ctx.newId('live')),
      ...sessionOf(ctx, input),
      itemId: item._id,
      supersedes: null,
      dims: dimsOf(item),
    }
    const saved = await commitFact(ctx, LIVE_SESSIONS, record, [liveContribution({ ...record, id: record._id }, record.dims)], (stored) => stored)
    ctx.audit({ target: saved._id, detail: { itemId: item._id, day: saved.day } })
    return liveView(saved)
  },

  async logLeads({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.date, { now: ctx.now }))
    if (input.itemId && !(await ctx.repo<ItemRecord>(ITEMS).get(input.itemId))) refuseFields([{ path: 'itemId', message: '关联内容：不存在' }])
    if (input.liveId && !(await ctx.repo<LiveRecord>(LIVE_SESSIONS).get(input.liveId))) refuseFields([{ path: 'liveId', message: '关联直播：不存在' }])
    const record: LeadRecord = {
      ...logged(ctx, ctx.newId('lead')),
      date: input.date,
      channel: input.channel,
      count: input.count,
      itemId: input.itemId ?? null,
      liveId: input.liveId ?? null,
      supersedes: null,
    }
    const saved = await commitFact(ctx, LEADS, record, [leadContribution({ ...record, id: record._id })], (stored) => stored)
    ctx.audit({ target: saved._id, detail: { date: saved.date, channel: saved.channel, count: saved.count } })
    return leadView(saved)
  },

  async correctLive({ ctx, input }) {
    const target = await ctx.repo<LiveRecord>(LIVE_SESSIONS).get(input.liveId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的直播记录不存在')
    assertMayCorrect(ctx, target)
    const record: LiveRecord = {
      ...logged(ctx, correctionId('live', target._id)),
      ...sessionOf(ctx, input),
      itemId: target.itemId,
      supersedes: target._id,
      reason: input.reason,
      requestId: ctx.requestKey,
      dims: target.dims,
    }
    const moves = [liveContribution({ ...target, id: target._id }, target.dims, -1), liveContribution({ ...record, id: record._id }, record.dims)]
    const saved = await commitFact(ctx, LIVE_SESSIONS, record, moves, (stored) => sameRequestOrConflict(ctx, stored, liveView))
    ctx.audit({ target: saved._id, detail: { corrects: target._id, itemId: target.itemId, reason: input.reason } })
    return liveView(saved)
  },

  async correctLeads({ ctx, input }) {
    const target = await ctx.repo<LeadRecord>(LEADS).get(input.leadId)
    if (!target) throw new AppError('NOT_FOUND', '要更正的线索记录不存在')
    assertMayCorrect(ctx, target)
    const record: LeadRecord = {
      ...logged(ctx, correctionId('lead', target._id)),
      date: target.date,
      channel: target.channel,
      count: input.count,
      itemId: target.itemId,
      liveId: target.liveId,
      supersedes: target._id,
      reason: input.reason,
      requestId: ctx.requestKey,
    }
    const moves = [leadContribution({ ...target, id: target._id }, -1), leadContribution({ ...record, id: record._id })]
    const saved = await commitFact(ctx, LEADS, record, moves, (stored) => sameRequestOrConflict(ctx, stored, leadView))
    ctx.audit({ target: saved._id, detail: { corrects: target._id, before: target.count, count: saved.count, reason: input.reason } })
    return leadView(saved)
  },

  async recentLives({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const items = await ctx
      .repo<ItemRecord>(ITEMS)
      .find({ format: 'livestream', status: _.neq('archived'), day: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['day', 'desc'], limit: 100, fields: ITEM_FIELDS })
    const records = items.length ? await ctx.repo<LiveRecord>(LIVE_SESSIONS).find({ itemId: _.in(items.map((i) => i._id)) }, { orderBy: ['startAt', 'desc'], limit: 1000 }) : []
    const live = inForce(records)
    return items.map((i) => ({
      id: i._id,
      title: i.title,
      day: i.day ?? '',
      status: i.status,
      sessions: live.filter((r) => r.itemId === i._id).map((r) => ({ ...liveView(r), canCorrect: mayCorrect(ctx, r) })),
    }))
  },

  async recentLeads({ ctx, input }) {
    const today = dayKey(ctx.now)
    const _ = ctx.db.command
    const records = await ctx
      .repo<LeadRecord>(LEADS)
      .find({ date: _.gte(addDays(today, -(input.withinDays - 1))).and(_.lte(today)) }, { orderBy: ['loggedAt', 'desc'], limit: 1000 })
    return inForce(records)
      .slice(0, 200)
      .map((r) => ({ ...leadView(r), canCorrect: mayCorrect(ctx, r) }))
  },

  async logFollowers({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.date, { now: ctx.now }))
    const id = ctx.newId('followers')
    const saved = await inTransaction(ctx.db, async (tx) => {
      await assertNotRebuilding(tx, ctx.team._id, ctx.now)
      const stored = await txGet<FollowerRecord>(tx, FOLLOWER_TOTALS, id)
      if (stored) return { ...stored, _id: id }
      const rollups = new RollupBatch(tx, ctx.team._id)
      const day = await rollups.day(input.date)
      // The total in force for the day is replaced; both records stay.
      const record: FollowerRecord = { ...logged(ctx, id), date: input.date, total: input.total, supersedes: day.followers?.factId ?? null }
      day.followers = { total: record.total, factId: id }
      await txSet(tx, FOLLOWER_TOTALS, record)
      await rollups.flush(ctx.now)
      return record
    })
    ctx.audit({ target: id, detail: { date: saved.date, total: saved.total, supersedes: saved.supersedes } })
    return followerView(saved)
  },

  async importPreview({ ctx, input }) {
    const items = await matchableItems(ctx)
    const byId = new Map(items.map((i) => [i._id, i]))
    const matches = input.rows.map((row) => (row.itemId ? { itemId: byId.has(row.itemId) ? row.itemId : null, candidates: [] } : matchRow(row, items.map(matchable))))
    const series = await seriesOf(ctx, matches.map((m) => m.itemId).filter((x): x is string => !!x))
    const firstRowOf = new Map<string, number>()
    const rows: PreviewRow[] = input.rows.map((row, index) => {
      const { itemId, candidates } = matches[index]
      const item = itemId ? byId.get(itemId)! : null
      const reasons: string[] = []
      const metrics = rowMetrics(row)
      if (!metrics) reasons.push('播放量：缺少')
      else {
        const parsed = snapshotMetrics.safeParse(metrics)
        if (!parsed.success) reasons.push(...fieldErrors(snapshotMetrics, parsed.error).map((f) => f.message))
      }
      if (row.itemId && !item) reasons.push('对应内容：不存在或未发布')
      else if (!item) reasons.push(candidates.length ? '没有唯一匹配的内容，请从候选中手动选择' : '没有找到标题和发表日期都相同的已发布内容')
      if (item) {
        reasons.push(...snapshotDateErrors(input.date, { now: ctx.now, publishedAt: item.publishedAt }).map((f) => f.message))
        if (firstRowOf.has(item._id)) reasons.push(`与第${firstRowOf.get(item._id)! + 1}行是同一内容`)
        else firstRowOf.set(item._id, index)
        if (metrics) reasons.push(...monotoneViolations(series.get(item._id)?.points ?? [], input.date, metrics, { correction: false }).map((v) => v.message))
      }
      return {
        index,
        title: row.title,
        status: reasons.length ? 'refused' : 'ok',
        itemId: item?._id ?? null,
        itemTitle: item?.title ?? null,
        date: input.date,
        metrics,
        reasons,
        candidates,
      }
    })
    const okCount = rows.filter((r) => r.status === 'ok').length
    return { date: input.date, rows, okCount, refusedCount: rows.length - okCount }
  },

  async importConfirm({ ctx, input }) {
    const items = new Map(
      (await ctx.repo<ItemRecord>(ITEMS).find({ _id: ctx.db.command.in([...new Set(input.rows.map((r) => r.itemId))]) }, { fields: ITEM_FIELDS })).map((i) => [i._id, i]),
    )
    const fields: FieldError[] = []
    input.rows.forEach((row, i) => {
      const item = items.get(row.itemId)
      if (!item || item.status !== 'published') fields.push({ path: `rows.${i}.itemId`, message: `第${i + 1}行：内容不存在或未发布` })
      else fields.push(...snapshotDateErrors(row.date, { now: ctx.now, publishedAt: item.publishedAt, path: `rows.${i}.date` }).map((f) => ({ ...f, message: `第${i + 1}行：${f.message}` })))
    })
    refuseFields(fields)
    const importId = ctx.newId('import')
    const plans: PlannedSnapshot[] = input.rows.map((row, i) => ({
      id: ctx.newId('snapshot'),
      itemId: row.itemId,
      dims: dimsOf(items.get(row.itemId)!),
      date: row.date,
      metrics: row.metrics,
      source: 'import',
      importId,
      path: `rows.${i}.metrics`,
    }))
    const records = await inTransaction(ctx.db, async (tx) => {
      const out = await commitSnapshots(tx, logger(ctx), plans)
      const record: ImportRecord = { ...logged(ctx, importId), fileName: input.fileName ?? '', rows: out.length, snapshotIds: out.map((r) => r._id) }
      await txSet(tx, IMPORTS, record)
      return out
    })
    ctx.audit({ target: importId, detail: { fileName: input.fileName ?? '', rows: records.length } })
    return { importId, rows: records.length, snapshotIds: records.map((r) => r._id) }
  },

  async rollups({ ctx, input }) {
    const _ = ctx.db.command
    const list = await ctx.repo<RollupRecord>(ROLLUPS).find({ day: _.gte(input.from).and(_.lte(input.to)) }, { orderBy: ['day', 'asc'], limit: 400 })
    return list.map(rollupView)
  },

  async rebuildRollups({ ctx }) {
    const result = await rebuildTeam(ctx.db, ctx.team._id, ctx.now)
    ctx.audit({ detail: { ...result } })
    return result
  },
}


/**
 * Stores one fact and moves the day rollups by its contributions, in one transaction. When the fact's id is
 * already stored (a retried or re-run request; or, for a correction, an earlier correction of the same
 * record) `onStored` decides the answer and nothing is written.
 */
async function commitFact<R extends { _id: string }>(ctx: MemberCtx, coll: CollectionName, record: R, contributions: Contribution[], onStored: (stored: R) => R): Promise<R> {
  return inTransaction(ctx.db, async (tx) => {
    await assertNotRebuilding(tx, ctx.team._id, ctx.now)
    const stored = await txGet<R>(tx, coll, record._id)
    if (stored) return onStored({ ...stored, _id: record._id })
    const rollups = new RollupBatch(tx, ctx.team._id)
    await rollups.add(contributions)
    await txSet(tx, coll, record)
    await rollups.flush(ctx.now)
    return record
  })
}

/** A session's times and numbers as stored, shared by logging and correcting it; an end in the future is refused. */
function sessionOf(ctx: MemberCtx, input: Omit<LogLiveInput, 'itemId'>) {
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  if (endAt.getTime() > ctx.now.getTime() + PAST_GRACE_MS) refuseFields([{ path: 'endAt', message: '下播时间：不能晚于现在' }])
  return {
    day: dayKey(startAt),
    startAt,
    endAt,
    durationSeconds: Math.round((endAt.getTime() - startAt.getTime()) / 1000),
    uniqueViewers: input.uniqueViewers,
    peakConcurrent: input.peakConcurrent,
    avgWatchSeconds: input.avgWatchSeconds ?? null,
    newFollowers: input.newFollowers,
    comments: input.comments ?? null,
    orders: input.orders,
    gmvFen: input.gmvFen,
  }
}

/** Only the logger within 24 h, or a manager, may correct a record (issue 5, part 5). */
function mayCorrect(ctx: MemberCtx, r: { createdBy: string; loggedAt: Date }): boolean {
  if (ctx.member.roles.includes('manager')) return true
  return r.createdBy === ctx.member._id && ctx.now.getTime() - new Date(r.loggedAt).getTime() <= CORRECTION_WINDOW_MS
}

function assertMayCorrect(ctx: MemberCtx, r: { createdBy: string; loggedAt: Date }): void {
  if (!mayCorrect(ctx, r)) throw new AppError('FORBIDDEN', '只有填报人（24 小时内）或主管可以更正这条记录')
}

/** A correction already stored under the derived id: this request's own (a re-run) or someone else's. */
function sameRequestOrConflict<R extends { requestId?: string; createdBy: string }, V>(ctx: MemberCtx, existing: R, view: (r: R) => V): R {
  if (existing.requestId === ctx.requestKey && existing.createdBy === ctx.member._id) return existing
  throw new AppError('CONFLICT', '这条记录已被更正过，请刷新后再更正', { current: view(existing) })
}

/** Records no other record supersedes. */
function inForce<R extends { _id: string; supersedes: string | null }>(records: R[]): R[] {
  const replaced = new Set(records.map((r) => r.supersedes).filter(Boolean))
  return records.filter((r) => !replaced.has(r._id))
}

function logger(ctx: MemberCtx): Logger {
  return { teamId: ctx.team._id, memberId: ctx.member._id, name: ctx.member.name, now: ctx.now }
}

function logged(ctx: MemberCtx, _id: string) {
  return { _id, teamId: ctx.team._id, loggedByName: ctx.member.name, loggedAt: ctx.now, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.member._id, version: 0 }
}

function dimsOf(i: Pick<ItemRecord, 'format' | 'layer' | 'category'>): ItemDims {
  return { format: i.format, layer: i.layer, category: i.category }
}

async function publishedItem(ctx: MemberCtx, id: string): Promise<ItemRecord> {
  const item = await ctx.repo<ItemRecord>(ITEMS).get(id)
  if (!item || item.status === 'archived') throw new AppError('NOT_FOUND', '内容不存在')
  if (item.status !== 'published' || !item.publishedAt) refuseFields([{ path: 'itemId', message: '内容：还没有发布，不能填报数据' }])
  return item
}

async function seriesOf(ctx: MemberCtx, itemIds: string[]): Promise<Map<string, SeriesRecord>> {
  if (!itemIds.length) return new Map()
  const ids = [...new Set(itemIds)].map((i) => seriesId(ctx.team._id, i))
  const list = await ctx.repo<SeriesRecord>(ITEM_SERIES).find({ _id: ctx.db.command.in(ids) }, { limit: ids.length })
  return new Map(list.map((s) => [s.itemId, s]))
}

async function matchableItems(ctx: MemberCtx): Promise<ItemLite[]> {
  return ctx.repo<ItemLite & { teamId: string }>(ITEMS).find({ status: 'published' }, { orderBy: ['publishedAt', 'desc'], limit: MATCH_CAP, fields: ITEM_FIELDS })
}

function matchable(i: ItemLite) {
  return { id: i._id, title: i.title, publishedAt: i.publishedAt }
}
