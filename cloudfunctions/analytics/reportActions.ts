// The report actions: the 报告 list, one report (field staff get the short version), and a 日报 made on
// demand. Reading a report is one request; the list reads no content (its counts ride on the document).
import type { analyticsContract } from '../../core/api/analytics'
import { AppError, fieldError } from '../../core/errors'
import {
  DAILY_BACK_DAYS,
  PERIODIC_BACK_DAYS,
  REPORT_KIND_LABELS,
  REPORTS_PAGE,
  dataAsOfText,
  forField,
  reportHeadline,
  reportId,
  reportTitle,
  revisionId,
  type ReportAudience,
  type ReportSummary,
  type ReportVersion,
  type ReportView,
} from '../../core/reports/schemas'
import { STAFF_ROLES, type Role } from '../../core/roles'
import { addDays, dayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { REPORTS } from '../common/db/collections'
import type { ReportRecord } from '../common/db/reports'
import { docIn, isConflict } from '../common/transaction'
import { addReportOnce, periodOfDay, reportRecord } from './reports'

type C = typeof analyticsContract

/** Field staff (and only they, holding no staff role) read the short version. */
function audienceOf(roles: readonly Role[]): ReportAudience {
  return roles.some((r) => (STAFF_ROLES as readonly Role[]).includes(r)) ? 'full' : 'field'
}

const iso = (d: Date | string) => new Date(d).toISOString()

function summaryOf(r: Pick<ReportRecord, '_id' | 'kind' | 'period' | 'from' | 'to' | 'revision' | 'generatedAt' | 'counts'>, audience: ReportAudience): ReportSummary {
  return { id: r._id, kind: r.kind, kindLabel: REPORT_KIND_LABELS[r.kind], title: reportTitle(r.kind, r.period, r.from, r.to), period: r.period, revision: r.revision, generatedAt: iso(r.generatedAt), headline: reportHeadline(r.counts, audience, r.kind) }
}

export function viewOf(r: ReportRecord, audience: ReportAudience): ReportView {
  return {
    ...summaryOf(r, audience),
    from: r.from,
    to: r.to,
    audience,
    definitionsVersion: r.definitionsVersion,
    dataAsOf: iso(r.dataAsOf),
    dataAsOfText: dataAsOfText(r.dataAsOf),
    generatedByName: r.generatedBy.kind === 'timer' ? '定时生成' : `${r.generatedBy.name} 手动生成`,
    superseded: !r.current,
    daily: r.daily ? (audience === 'field' ? forField(r.daily) : r.daily) : null,
    weekly: r.weekly ?? null,
    monthly: r.monthly ?? null,
  }
}

/**
 * Replaces the stored report by a new revision in one transaction: the old one is kept, unchanged but
 * for `current: false`, at `${id}_r${revision}`. Two admins at once: one commits, the other is refused.
 */
async function replaceRevision(ctx: MemberCtx, next: ReportRecord): Promise<void> {
  try {
    await ctx.db.runTransaction(async (tx) => {
      const cur = await docIn<ReportRecord>(tx, REPORTS, next._id)
      if (!cur || cur.teamId !== ctx.team._id || cur.revision + 1 !== next.revision) throw new AppError('CONFLICT', '报告刚被他人重新生成，请刷新后再试')
      const { _id, ...old } = cur
      await tx.collection(REPORTS).add({ data: { ...old, _id: revisionId(_id, cur.revision), current: false, supersededAt: ctx.now } as unknown as Record<string, unknown> })
      const { _id: _ignored, ...fresh } = next
      await tx.collection(REPORTS).doc(next._id).set({ data: fresh as unknown as Record<string, unknown> })
    })
  } catch (e) {
    if (e instanceof AppError) throw e
    if (isConflict(e)) throw new AppError('CONFLICT', '报告刚被他人重新生成，请刷新后再试')
    throw e
  }
}

/**
 * Every version of a report, newest first, when it has more than one (an admin regenerated it): the
 * current one at its id and the replaced ones at `${id}_r${n}`. One request when reading the current
 * version, two when reading an old one (the current version says how many there are); none otherwise.
 */
async function versionsOf(ctx: MemberCtx, r: ReportRecord): Promise<ReportVersion[]> {
  const repo = ctx.repo<ReportRecord>(REPORTS)
  const fields = { _id: true, revision: true, generatedAt: true, current: true }
  const current = r.current ? r : await repo.get(reportId(ctx.team._id, r.kind, r.period))
  if (!current || current.revision < 2) return []
  const ids = Array.from({ length: current.revision - 1 }, (_, i) => revisionId(current._id, i + 1))
  const old = await repo.find({ _id: ctx.db.command.in(ids) }, { limit: ids.length, fields })
  return [current, ...old]
    .sort((a, b) => b.revision - a.revision)
    .map((v) => ({ id: v._id, revision: v.revision, generatedAt: iso(v.generatedAt), current: v.current }))
}

export const reportHandlers: Pick<Handlers<C>, 'reports' | 'report' | 'generateReport'> = {
  async reports({ ctx, input }) {
    const page = input.page ?? 0
    const where = input.kind ? { current: true, kind: input.kind } : { current: true }
    const list = await ctx.repo<ReportRecord>(REPORTS).find(where, { orderBy: ['to', 'desc'], skip: page * REPORTS_PAGE, limit: REPORTS_PAGE + 1, fields: { daily: false, weekly: false, monthly: false } })
    const audience = audienceOf(ctx.member.roles)
    return { list: list.slice(0, REPORTS_PAGE).map((r) => summaryOf(r, audience)), hasMore: list.length > REPORTS_PAGE }
  },

  async report({ ctx, input }) {
    const r = await ctx.repo<ReportRecord>(REPORTS).get(input.id)
    if (!r) throw new AppError('NOT_FOUND', '报告不存在')
    return { ...viewOf(r, audienceOf(ctx.member.roles)), versions: await versionsOf(ctx, r) }
  },

  async generateReport({ ctx, input }) {
    const today = dayKey(ctx.now)
    const p = periodOfDay(input.kind, input.day)
    const word = REPORT_KIND_LABELS[input.kind]
    // A period is reported once it is over: a 周报 of this week would freeze half a week's numbers.
    if (p.to >= today) throw fieldError('day', input.kind === 'daily' ? '日期：只能生成今天以前的日报' : `日期：只能生成已结束的${input.kind === 'weekly' ? '周' : '月'}的${word}`)
    const back = input.kind === 'daily' ? DAILY_BACK_DAYS : PERIODIC_BACK_DAYS
    if (p.from < addDays(today, -back)) throw fieldError('day', `日期：只能生成最近 ${back} 天的${word}`)
    if (input.regenerate && !ctx.member.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有管理员可以重新生成报告')
    const audience = audienceOf(ctx.member.roles)
    const repo = ctx.repo<ReportRecord>(REPORTS)
    const id = reportId(ctx.team._id, p.kind, p.period)
    const existing = await repo.get(id)
    // One report per team and period: a second call gets the stored one, numbers as they were frozen.
    if (existing && !input.regenerate) return viewOf(existing, audience)
    const by = { kind: 'member' as const, memberId: ctx.member._id, name: ctx.member.name }
    const next = await reportRecord(ctx, p, by, existing ? existing.revision + 1 : 1)
    if (existing) await replaceRevision(ctx, next)
    else if (!(await addReportOnce(ctx.db, next))) return viewOf((await repo.get(id))!, audience) // the timer got there first
    ctx.audit({ subjectId: id, subjectName: reportTitle(p.kind, p.period, p.from, p.to), detail: { kind: p.kind, period: p.period, revision: next.revision, regenerate: !!existing } })
    return viewOf(next, audience)
  },
}
