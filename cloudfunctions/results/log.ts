// New facts: a work's numbers (by form or a whole data-centre export), a livestream session, leads and the
// follower total. Each is stored with the rollup moves it makes in one transaction, so the day rollups
// the dashboard reads always agree with the facts.
import type { resultsContract } from '../../core/api/results'
import { AppError, refuseFields, type FieldError } from '../../core/errors'
import { dayNotInFutureErrors, snapshotDateErrors } from '../../core/results/dates'
import { matchRow, rowMetrics } from '../../core/results/import'
import { leadContribution, liveContribution } from '../../core/results/rollup'
import { snapshotMetrics } from '../../core/results/schemas'
import type { PreviewRow } from '../../core/results/views'
import { monotoneViolations } from '../../core/results/series'
import { fieldErrors } from '../../core/validation'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { loggedFact } from '../common/records'
import { FOLLOWER_TOTALS, IMPORTS, ITEMS, LEADS, LIVE_SESSIONS } from '../common/db/collections'
import type { ItemRecord } from '../common/db/content'
import type { FollowerRecord, ImportRecord, LeadRecord, LiveRecord } from '../common/db/results'
import { commitFact, dimsOf, ITEM_FIELDS, logger, seriesOf, sessionOf, type ItemLite } from './facts'
import { assertNotRebuilding, commitSnapshots, inTransaction, RollupBatch, txGet, txSet, type PlannedSnapshot } from './tx'
import { followerView, leadView, liveView, snapshotView } from './views'

/** Published items an import is matched against (a year of a busy team). */
const MATCH_CAP = 2000

type LogActions = 'logSnapshot' | 'logLive' | 'logLeads' | 'logFollowers' | 'importPreview' | 'importConfirm'

export const logHandlers: Pick<Handlers<typeof resultsContract>, LogActions> = {
  async logSnapshot({ ctx, input }) {
    const item = await publishedItem(ctx, input.itemId)
    refuseFields(snapshotDateErrors(input.date, { now: ctx.now, publishedAt: item.publishedAt }))
    const plan: PlannedSnapshot = { id: ctx.newId('snapshot'), itemId: item._id, dims: dimsOf(item), date: input.date, metrics: input.metrics, source: 'form', importId: null, path: 'metrics' }
    const [record] = await inTransaction(ctx.db, (tx) => commitSnapshots(tx, logger(ctx), [plan]))
    ctx.audit({ subjectId: record._id, detail: { itemId: item._id, date: input.date, supersedes: record.supersedes } })
    return snapshotView(record)
  },

  async logLive({ ctx, input }) {
    const item = await ctx.repo<ItemRecord>(ITEMS).get(input.itemId)
    if (!item || item.status === 'archived') throw new AppError('NOT_FOUND', '直播不存在')
    if (item.format !== 'livestream') refuseFields([{ path: 'itemId', message: '直播：这条内容不是直播' }])
    const record: LiveRecord = {
      ...loggedFact(ctx, ctx.newId('live')),
      ...sessionOf(ctx, input),
      itemId: item._id,
      supersedes: null,
      dims: dimsOf(item),
    }
    const saved = await commitFact(ctx, LIVE_SESSIONS, record, [liveContribution({ ...record, id: record._id }, record.dims)], (stored) => stored)
    ctx.audit({ subjectId: saved._id, detail: { itemId: item._id, day: saved.day } })
    return liveView(saved)
  },

  async logLeads({ ctx, input }) {
    refuseFields(dayNotInFutureErrors(input.date, { now: ctx.now }))
    if (input.itemId && !(await ctx.repo<ItemRecord>(ITEMS).get(input.itemId))) refuseFields([{ path: 'itemId', message: '关联内容：不存在' }])
    if (input.liveId && !(await ctx.repo<LiveRecord>(LIVE_SESSIONS).get(input.liveId))) refuseFields([{ path: 'liveId', message: '关联直播：不存在' }])
    const record: LeadRecord = {
      ...loggedFact(ctx, ctx.newId('lead')),
      date: input.date,
      channel: input.channel,
      count: input.count,
      itemId: input.itemId ?? null,
      liveId: input.liveId ?? null,
      supersedes: null,
    }
    const saved = await commitFact(ctx, LEADS, record, [leadContribution({ ...record, id: record._id })], (stored) => stored)
    ctx.audit({ subjectId: saved._id, detail: { date: saved.date, channel: saved.channel, count: saved.count } })
    return leadView(saved)
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
      const record: FollowerRecord = { ...loggedFact(ctx, id), date: input.date, total: input.total, supersedes: day.followers?.factId ?? null }
      day.followers = { total: record.total, factId: id }
      await txSet(tx, FOLLOWER_TOTALS, record)
      await rollups.flush(ctx.now)
      return record
    })
    ctx.audit({ subjectId: id, detail: { date: saved.date, total: saved.total, supersedes: saved.supersedes } })
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
      const record: ImportRecord = { ...loggedFact(ctx, importId), fileName: input.fileName ?? '', rows: out.length, snapshotIds: out.map((r) => r._id) }
      await txSet(tx, IMPORTS, record)
      return out
    })
    ctx.audit({ subjectId: importId, detail: { fileName: input.fileName ?? '', rows: records.length } })
    return { importId, rows: records.length, snapshotIds: records.map((r) => r._id) }
  },
}

async function publishedItem(ctx: MemberCtx, id: string): Promise<ItemRecord> {
  const item = await ctx.repo<ItemRecord>(ITEMS).get(id)
  if (!item || item.status === 'archived') throw new AppError('NOT_FOUND', '内容不存在')
  if (item.status !== 'published' || !item.publishedAt) refuseFields([{ path: 'itemId', message: '内容：还没有发布，不能填报数据' }])
  return item
}

async function matchableItems(ctx: MemberCtx): Promise<ItemLite[]> {
  return ctx.repo<ItemLite & { teamId: string }>(ITEMS).find({ status: 'published' }, { orderBy: ['publishedAt', 'desc'], limit: MATCH_CAP, fields: ITEM_FIELDS })
}

function matchable(i: ItemLite) {
  return { id: i._id, title: i.title, publishedAt: i.publishedAt }
}
