import { z } from 'zod'
import { idSchema, visibleText } from '../atoms'
import { FORMATS, type Format } from '../content/schemas'
import { STAFF_ROLES, type StaffRole } from '../roles'

/** Who may review a gate: anyone holding one of `roles`, and the members named in `memberIds`. */
export interface Reviewers {
  roles: StaffRole[]
  memberIds: string[]
}

/**
 * One review gate of a flow.
 * - `mode: 'any'`: one eligible reviewer's approval passes the gate.
 * - `mode: 'all'`: every named member must approve, and every listed role needs one approval
 *   from someone holding it (a role is a seat, not "everyone who holds it": membership changes,
 *   the sign-off requirement should not).
 */
export interface Gate {
  key: string
  name: string
  reviewers: Reviewers
  mode: 'any' | 'all'
  /** Hours a submission may wait for a decision before it is overdue. */
  slaHours: number
}

export const DEFAULT_SLA_HOURS = 24
const MANAGERS: Reviewers = { roles: ['manager'], memberIds: [] }

const gate = (key: string, name: string): Gate => ({ key, name, reviewers: MANAGERS, mode: 'any', slaHours: DEFAULT_SLA_HOURS })

/** The flows a team starts with (PRODUCT.md capability 2), by format. */
export const DEFAULT_FLOWS: Record<Format, readonly Gate[]> = {
  short_video: [gate('topic', '选题'), gate('script', '脚本'), gate('shooting', '拍摄'), gate('editing', '剪辑'), gate('final', '终审')],
  livestream: [gate('topic', '选题'), gate('rundown', '脚本/流程'), gate('rehearsal', '彩排'), gate('final', '终审')],
  image_text: [gate('topic', '选题'), gate('draft', '初稿'), gate('final', '终审')],
}

/**
 * A fresh copy of the default flow of a format (callers may mutate it).
 *
 * @example
 * defaultFlow('image_text').map((g) => g.name) //=> ['选题', '初稿', '终审']
 */
export function defaultFlow(format: Format): Gate[] {
  return DEFAULT_FLOWS[format].map((g) => ({ ...g, reviewers: { roles: [...g.reviewers.roles], memberIds: [...g.reviewers.memberIds] } }))
}

/** A gate's name is short: it is shown in chips and timeline lines. */
export const GATE_NAME_MAX = 12


export const gateSchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,23}$/, '应为小写英文字母开头的短代号').describe('关卡代号'),
    name: visibleText('关卡名称', GATE_NAME_MAX),
    reviewers: z
      .object({
        roles: z.array(z.enum(STAFF_ROLES).describe('审核角色')).max(3).describe('审核角色'),
        memberIds: z.array(idSchema('审核人')).max(10).describe('审核人'),
      })
      .strict()
      .refine((r) => r.roles.length + r.memberIds.length > 0, { message: '至少指定一个审核角色或审核人' })
      .describe('审核人'),
    mode: z.enum(['any', 'all']).describe('通过方式'),
    slaHours: z.number().int().min(1).max(24 * 14).describe('审核时限（小时）'),
  })
  .strict()

/** A flow as admins edit it: 1–8 gates with distinct keys. */
export const flowGatesSchema = z
  .array(gateSchema)
  .min(1)
  .max(8)
  .refine((gs) => new Set(gs.map((g) => g.key)).size === gs.length, { message: '关卡代号不能重复' })
  .describe('关卡')

export const formatSchema = z.enum(FORMATS).describe('形式')
