import type { ErrorShape } from '../../core/errors'
import type { MeView, MemberView } from '../../core/team/schemas'
import type { CallBody, Transport } from '../../src/api/client'

/** One answer of a fake cloud function: data, or the error shape the real wrapper returns. */
export type FakeAnswer = { data: unknown } | { error: ErrorShape }
type Handler = (data: unknown) => FakeAnswer

/**
 * A stand-in for the local cloud at the transport boundary: the app's real api client
 * (validation, requestIds, error unwrapping) runs unchanged on top of it.
 */
export function fakeCloud(handlers: Record<string, Handler>) {
  const calls: { fn: string; body: CallBody }[] = []
  const transport: Transport = {
    async call(fn, body) {
      calls.push({ fn, body })
      const handler = handlers[`${fn}.${body.action}`]
      if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `测试未定义 ${fn}.${body.action}` } }
      const answer = handler(body.data)
      return 'error' in answer ? { ok: false, error: answer.error } : { ok: true, data: answer.data }
    },
  }
  return { transport, calls }
}

export function member(overrides: Partial<MemberView> & Pick<MemberView, 'id' | 'name'>): MemberView {
  return {
    department: 'marketing',
    roles: ['operator'],
    joinedAt: '2025-03-01T02:00:00.000Z',
    version: 1,
    isMe: false,
    ...overrides,
  }
}

export const TEAM = { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 3 }

export const ADMIN = member({ id: 'm_admin', name: '王敏', roles: ['admin', 'manager'], isMe: true })
export const FIELD = member({ id: 'm_field', name: '赵强', roles: ['field'], department: 'sales' })
export const OPERATOR = member({ id: 'm_op', name: '李娜', roles: ['operator'] })
export const MANAGER = member({ id: 'm_mgr', name: '陈静', roles: ['manager'] })

export function meAs(m: MemberView): MeView {
  return { member: { ...m, isMe: true }, team: TEAM }
}
