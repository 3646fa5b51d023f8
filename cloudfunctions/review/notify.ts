// Effects of the approval machine that reach people: in-app notifications (stored with the decision)
// and WeChat subscribe messages (sent after it is committed; a refused message never undoes a decision).
import { formatHours } from '../../core/format'
import { authorsOf, isReviewer, type Effect, type ProductionState } from '../../core/review/machine'
import type { NotificationKind } from '../../core/review/schemas'
import { messagePage, ROUTES } from '../../core/routes'
import { inChina } from '../../core/time/china'
import type { MemberCtx } from '../common/context'
import type { NotificationRecord } from '../common/db/review'
import type { MemberRecord } from '../common/db/team'
import { cloud } from '../common/sdk'
import { baseFields } from '../common/records'

/**
 * Subscribe-message template ids, from the function's environment variables (云函数 → 配置 → 环境变量):
 * - REVIEW_TEMPLATE_TODO: "待审核提醒" (review requested); keywords thing1 title, thing2 gate, name3 submitter, time4 time
 * - REVIEW_TEMPLATE_RESULT: "审核结果通知" (changes requested / gate passed / final approved); thing1 title, thing2 result, thing3 comment, time4 time
 * Unset, the local placeholders below are used: the local cloud's outbox shows them, the real platform refuses them
 * (the refusal is ignored; the in-app notification is always there).
 */
export function templateIds(): { todo: string; result: string } {
  return {
    todo: process.env.REVIEW_TEMPLATE_TODO || 'local-review-todo',
    result: process.env.REVIEW_TEMPLATE_RESULT || 'local-review-result',
  }
}

export interface Notice {
  record: NotificationRecord
  openid: string
  gateName: string
}

interface NoticeArgs {
  ctx: MemberCtx
  effects: Effect[]
  next: ProductionState
  prev: ProductionState
  itemId: string
  title: string
  plannedAt: Date | null
  comment: string
  members: MemberRecord[]
}

/** The notifications a transition's effects call for: reviewers of the gate, or the item's authors. */
export function noticesFor(a: NoticeArgs): Notice[] {
  const out: Notice[] = []
  const me = a.ctx.member
  const active = a.members.filter((m) => m.status === 'active' && m._id !== me._id)
  for (const effect of a.effects) {
    if (effect.type === 'notifyReviewers') {
      const gate = a.next.flow[effect.gateIndex]
      const authors = authorsOf(a.next)
      for (const m of active) {
        if (!isReviewer(gate, { memberId: m._id, roles: m.roles }) || authors.includes(m._id)) continue
        out.push(notice(a, m, 'review_requested', gate.name, `待审核：${a.title}`, `${me.name} 提交了「${gate.name}」第 ${effect.versionNo} 版，请在 ${formatHours(gate.slaHours)}内审核`))
      }
    }
    if (effect.type === 'notifyAuthor') {
      const gate = a.prev.flow[effect.gateIndex]
      const to = new Set([a.next.ownerId, a.prev.submittedBy].filter((x): x is string => Boolean(x)))
      for (const m of active.filter((x) => to.has(x._id))) {
        if (effect.reason === 'changes_requested') {
          out.push(notice(a, m, 'changes_requested', gate.name, `需修改：${a.title}`, `${me.name} 要求修改「${gate.name}」：${a.comment}`))
        } else if (effect.reason === 'gate_passed') {
          const next = a.next.flow[effect.gateIndex + 1]
          out.push(notice(a, m, 'gate_passed', gate.name, `已通过：${a.title}`, `「${gate.name}」已由 ${me.name} 通过，请准备「${next?.name ?? ''}」`))
        } else {
          const when = a.plannedAt ? `，计划 ${inChina(a.plannedAt).format('M月D日 HH:mm')} 发布` : ''
          out.push(notice(a, m, 'scheduled', gate.name, `终审通过：${a.title}`, `${me.name} 通过了终审${when}`))
        }
      }
    }
  }
  return out
}

function notice(a: NoticeArgs, m: MemberRecord, kind: NotificationKind, gateName: string, title: string, body: string): Notice {
  const { ctx } = a
  return {
    openid: m.openid,
    gateName,
    record: {
      ...baseFields(ctx, ctx.newId(`notice-${m._id}`)),
      memberId: m._id,
      kind,
      itemId: a.itemId,
      title,
      body,
      read: false,
    },
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Sends one subscribe message per notice; failures (no grant, quota, placeholder template) are ignored. */
export async function sendSubscribeMessages(notices: Notice[], comment: string): Promise<void> {
  const ids = templateIds()
  await Promise.all(
    notices.map(async ({ record, openid, gateName }) => {
      const time = { value: inChina(record.createdAt).format('YYYY-MM-DD HH:mm') }
      const todo = record.kind === 'review_requested'
      const data = todo
        ? { thing1: { value: clip(record.title.replace(/^待审核：/, ''), 20) }, thing2: { value: clip(gateName, 20) }, name3: { value: clip(record.body.split(' ')[0], 10) }, time4: time }
        : { thing1: { value: clip(record.title.replace(/^[^：]+：/, ''), 20) }, thing2: { value: clip(record.title.split('：')[0], 20) }, thing3: { value: clip(comment || record.body, 20) }, time4: time }
      try {
        await (cloud.openapi as unknown as { subscribeMessage: { send(p: unknown): Promise<unknown> } }).subscribeMessage.send({
          touser: openid,
          templateId: todo ? ids.todo : ids.result,
          page: messagePage(ROUTES.itemDetail, { id: record.itemId }),
          data,
        })
      } catch {
        // The member has not granted this template (or it is not configured): the in-app list still has it.
      }
    }),
  )
}
