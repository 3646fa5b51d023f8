// The approval flow of each format: its gates and who reviews each, as the admin sets them. Deciding
// reads the flow a production started with (decide.ts); changing it here never moves a running one.
import type { reviewContract } from '../../core/api/review'
import { FORMATS } from '../../core/content/schemas'
import { AppError, refuseFields } from '../../core/errors'
import { defaultFlow, type Gate } from '../../core/review/flow'
import { MEMBERS, REVIEW_FLOWS } from '../common/db/collections'
import { flowId, type FlowRecord } from '../common/db/review'
import type { MemberRecord } from '../common/db/team'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { flowView } from './views'

export const flowHandlers: Pick<Handlers<typeof reviewContract>, 'listFlows' | 'getFlow' | 'updateFlow'> = {
  async listFlows({ ctx }) {
    const stored = await ctx.repo<FlowRecord>(REVIEW_FLOWS).find({})
    return FORMATS.map((f) => {
      const s = stored.find((x) => x.format === f) ?? null
      return flowView(f, s ? s.gates : defaultFlow(f), s)
    })
  },

  async getFlow({ ctx, input }) {
    const s = await ctx.repo<FlowRecord>(REVIEW_FLOWS).get(flowId(ctx.team._id, input.format))
    return flowView(input.format, s ? s.gates : defaultFlow(input.format), s)
  },

  async updateFlow({ ctx, input }) {
    await requireReviewers(ctx, input.gates)
    const repo = ctx.repo<FlowRecord>(REVIEW_FLOWS)
    const id = flowId(ctx.team._id, input.format)
    const stored = await repo.get(id)
    const view = (c: FlowRecord) => flowView(c.format, c.gates, c)
    ctx.audit({ subjectId: input.format, detail: { gates: input.gates.map((g) => g.name) } })
    if (stored) {
      const updated = await repo.updateVersioned(id, input.version, { gates: ctx.db.command.set(input.gates) }, ctx.now, view)
      return view(updated)
    }
    if (input.version !== 0) throw new AppError('CONFLICT', '流程已被他人修改，请刷新后重试', { current: flowView(input.format, defaultFlow(input.format), null) })
    const record: FlowRecord = { _id: id, teamId: ctx.team._id, format: input.format, gates: input.gates, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.member._id, version: 1 }
    const { doc, created } = await repo.insertOnce(record)
    if (!created) throw new AppError('CONFLICT', '流程已被他人修改，请刷新后重试', { current: view(doc) })
    return view(doc)
  },
}

/** Named reviewers must be active members who may review (not field staff only). */
async function requireReviewers(ctx: MemberCtx, gates: Gate[]): Promise<void> {
  const ids = [...new Set(gates.flatMap((g) => g.reviewers.memberIds))]
  if (ids.length === 0) return
  const found = await ctx.repo<MemberRecord>(MEMBERS).find({ _id: ctx.db.command.in(ids), status: 'active' }, { fields: { _id: true, roles: true } })
  const ok = new Set(found.filter((m) => m.roles.some((r) => r !== 'field')).map((m) => m._id))
  const fields = gates.flatMap((g, i) =>
    g.reviewers.memberIds.flatMap((id, j) => (ok.has(id) ? [] : [{ path: `gates.${i}.reviewers.memberIds.${j}`, message: `「${g.name}」的审核人：必须是团队中可审核的成员` }])),
  )
  refuseFields(fields)
}
