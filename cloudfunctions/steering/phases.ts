// The team plan and its phases (issue 13 part 3): one document per team holds the four phases and their
// milestones. Starting is idempotent (the plan's id is the team's); every edit re-reads the plan inside a
// transaction and checks the milestone's own version, so two managers never overwrite each other.
import type { steeringContract } from '../../core/api/steering'
import { AppError, fieldError } from '../../core/errors'
import {
  MILESTONES_MAX,
  PLAN_DAYS_RANGE,
  milestoneView,
  phasePlanView,
  type PhaseView,
  type Milestone,
  type PhaseSpan,
} from '../../core/steering/phasePlan'
import { PHASE_LABELS, defaultPlan, mayClose, phaseProgress, type PhaseKey } from '../../core/steering/phases'
import { addDays, dayKey, type DayKey } from '../../core/time/china'
import type { Handlers } from '../common/action'
import type { MemberCtx } from '../common/context'
import { MEMBERS, PHASE_PLANS } from '../common/db/collections'
import { phasePlanId, type PhasePlanRecord } from '../common/db/steering'
import type { MemberRecord } from '../common/db/team'
import { docIn, isConflict } from '../common/transaction'
import { baseFields } from '../common/records'

type C = typeof steeringContract

/** Members read for the staffing and the owner picker: far above any team's size. */
const MEMBERS_CAP = 500

export const phaseHandlers: Pick<Handlers<C>, 'phasePlan' | 'startPhasePlan' | 'updateMilestone' | 'addMilestone' | 'closePhase'> = {
  /** 4 requests: member, team (wrapper), the plan by id, the active members. */
  async phasePlan({ ctx }) {
    const [plan, members] = await Promise.all([ctx.repo<PhasePlanRecord>(PHASE_PLANS).get(phasePlanId(ctx.team._id)), activeMembers(ctx)])
    return phasePlanView(plan, members, dayKey(ctx.now))
  },

  /** Creates the plan from the defaults; a plan already there (a second tap, another manager) is answered as it is. */
  async startPhasePlan({ ctx, input }) {
    refuseFar(ctx, 'startDay', '开始日期', input.startDay)
    const phases = defaultPlan(input.startDay)
    const record: PhasePlanRecord = {
      ...baseFields(ctx, phasePlanId(ctx.team._id)),
      startDay: input.startDay,
      phases: phases.map((p): PhaseSpan => ({ key: p.key, startDay: p.startDay, endDay: p.endDay, review: null })),
      milestones: phases.flatMap((p) => p.milestones.map((m) => newMilestone(ctx, p.key, { title: m.title, dueDay: m.dueDay, ownerId: null, ownerName: null, note: '' }))),
    }
    const [{ doc, created }, members] = await Promise.all([ctx.repo<PhasePlanRecord>(PHASE_PLANS).insertOnce(record), activeMembers(ctx)])
    ctx.audit({ subjectId: doc._id, subjectName: '阶段计划', after: { startDay: doc.startDay }, detail: { created } })
    return phasePlanView(doc, members, dayKey(ctx.now))
  },

  async updateMilestone({ ctx, input }) {
    const { id, version, ...fields } = input
    if (fields.dueDay !== undefined) refuseFar(ctx, 'dueDay', '截止日期', fields.dueDay)
    const owner = fields.ownerId ? await ownerOf(ctx, fields.ownerId) : null
    const { before, after } = await inPlan(ctx, (plan) => {
      const current = plan.milestones.find((m) => m.id === id)
      if (!current) throw new AppError('NOT_FOUND', '里程碑不存在')
      refuseClosed(plan, current.phase)
      if (current.version !== version) {
        throw new AppError('CONFLICT', '里程碑刚被其他人修改，请刷新后重试', { current: milestoneView(current, new Map(), dayKey(ctx.now)) })
      }
      const next: Milestone = {
        ...current,
        ...(fields.title !== undefined && { title: fields.title }),
        ...(fields.dueDay !== undefined && { dueDay: fields.dueDay }),
        ...(fields.note !== undefined && { note: fields.note }),
        ...(fields.ownerId !== undefined && { ownerId: owner?._id ?? null, ownerName: owner?.name ?? null }),
        ...(fields.status !== undefined && { status: fields.status, doneAt: fields.status === 'done' ? (current.doneAt ?? ctx.now) : null }),
        version: current.version + 1,
        updatedAt: ctx.now,
        updatedByName: ctx.member.name,
      }
      return { milestones: plan.milestones.map((m) => (m.id === id ? next : m)), result: { before: current, after: next } }
    })
    ctx.audit({ subjectId: id, subjectName: after.title, before })
    return milestoneView(after, new Map(), dayKey(ctx.now))
  },

  /** A milestone of the team's own; its id comes from the request, so a re-run finds the one it wrote. */
  async addMilestone({ ctx, input }) {
    refuseFar(ctx, 'dueDay', '截止日期', input.dueDay)
    const owner = input.ownerId ? await ownerOf(ctx, input.ownerId) : null
    const added = newMilestone(ctx, input.phase, { title: input.title, dueDay: input.dueDay, ownerId: owner?._id ?? null, ownerName: owner?.name ?? null, note: input.note ?? '' })
    const milestone = await inPlan(ctx, (plan) => {
      const stored = plan.milestones.find((m) => m.id === added.id)
      if (stored) return { milestones: null, result: stored }
      refuseClosed(plan, input.phase)
      if (plan.milestones.length >= MILESTONES_MAX) throw new AppError('CONFLICT', `一个计划最多 ${MILESTONES_MAX} 个里程碑`)
      return { milestones: [...plan.milestones, added], result: added }
    })
    ctx.audit({ subjectId: milestone.id, subjectName: milestone.title, detail: { phase: input.phase } })
    return milestoneView(milestone, new Map(), dayKey(ctx.now))
  },

  /** Ends a phase whose milestones are all done, keeping its 复盘 (what went well, what to change) on it. */
  async closePhase({ ctx, input }) {
    const plan = await inPlan(ctx, (p) => {
      const phase = p.phases.find((x) => x.key === input.phase)
      if (!phase) throw new AppError('NOT_FOUND', '计划中没有这个阶段')
      refuseClosed(p, input.phase)
      const progress = phaseProgress(p.milestones.filter((m) => m.phase === input.phase))
      if (!mayClose(progress)) {
        const label = PHASE_LABELS[input.phase]
        throw new AppError('CONFLICT', progress.total ? `「${label}」还有 ${progress.total - progress.done} 个里程碑未完成，完成后才能复盘` : `「${label}」没有里程碑`)
      }
      const review = { wentWell: input.wentWell, toChange: input.toChange, byId: ctx.member._id, byName: ctx.member.name, at: ctx.now }
      const phases = p.phases.map((x) => (x.key === input.phase ? { ...x, review } : x))
      return { milestones: p.milestones, phases, result: { ...p, phases } }
    })
    ctx.audit({ subjectId: plan._id, subjectName: `阶段复盘：${PHASE_LABELS[input.phase]}` })
    const view = phasePlanView(plan, await activeMembers(ctx), dayKey(ctx.now))
    return view.phases.find((p) => p.key === input.phase) as PhaseView
  },
}

type Change<R> = { milestones: Milestone[] | null; phases?: PhaseSpan[]; result: R }

/**
 * Runs `change` on the team's plan read inside a transaction and writes what it returns (milestones and
 * phases; `milestones: null` writes nothing). A lost race with another writer is a CONFLICT.
 */
async function inPlan<R>(ctx: MemberCtx, change: (plan: PhasePlanRecord) => Change<R>): Promise<R> {
  const id = phasePlanId(ctx.team._id)
  try {
    return await ctx.db.runTransaction(async (tx) => {
      const plan = await docIn<PhasePlanRecord>(tx, PHASE_PLANS, id)
      if (!plan || plan.teamId !== ctx.team._id) throw new AppError('NOT_FOUND', '还没有启动阶段计划')
      const { milestones, phases, result } = change(plan)
      if (milestones === null) return result
      const _ = ctx.db.command
      const data: Record<string, unknown> = { milestones: _.set(milestones), updatedAt: ctx.now, version: plan.version + 1 }
      if (phases) data.phases = _.set(phases)
      await tx.collection(PHASE_PLANS).doc(id).update({ data })
      return result
    })
  } catch (e) {
    if (e instanceof AppError || !isConflict(e)) throw e
    throw new AppError('CONFLICT', '阶段计划刚被其他人修改，请刷新后重试')
  }
}

function refuseClosed(plan: PhasePlanRecord, phase: PhaseKey): void {
  if (plan.phases.find((p) => p.key === phase)?.review) throw new AppError('CONFLICT', `「${PHASE_LABELS[phase]}」已复盘，不能再修改`)
}

/** A day within two years of today either way: far enough for any plan, near enough to catch a typo. */
function refuseFar(ctx: MemberCtx, path: string, label: string, day: DayKey): void {
  const today = dayKey(ctx.now)
  if (day < addDays(today, -PLAN_DAYS_RANGE) || day > addDays(today, PLAN_DAYS_RANGE)) throw fieldError(path, `${label}：应在今天前后两年内`)
}

function newMilestone(ctx: MemberCtx, phase: PhaseKey, m: Pick<Milestone, 'title' | 'dueDay' | 'ownerId' | 'ownerName' | 'note'>): Milestone {
  return { id: ctx.newId('milestone'), phase, ...m, status: 'todo', doneAt: null, version: 0, updatedAt: ctx.now, updatedByName: ctx.member.name }
}

async function ownerOf(ctx: MemberCtx, ownerId: string): Promise<MemberRecord> {
  const owner = await ctx.repo<MemberRecord>(MEMBERS).findOne({ _id: ownerId, status: 'active' })
  if (!owner) throw fieldError('ownerId', '负责人：必须是团队的现有成员')
  return owner
}

function activeMembers(ctx: MemberCtx): Promise<MemberRecord[]> {
  return ctx.repo<MemberRecord>(MEMBERS).find({ status: 'active' }, { orderBy: ['joinedAt', 'asc'], limit: MEMBERS_CAP, fields: { _id: true, name: true, department: true, joinedAt: true } })
}

