import { z } from 'zod'
import { idSchema as id, versionSchema, visibleText } from '../atoms'
import { DEPARTMENTS, ROLES, type Department, type Role } from '../roles'

export const roleSchema = z.enum(ROLES)
export const departmentSchema = z.enum(DEPARTMENTS)

/** Invite codes avoid look-alike characters (0/O, 1/I/L) so they can be read aloud. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 8
export const INVITE_TTL_HOURS_DEFAULT = 48

/** Limits people see as counters in the forms. */
export const PERSON_NAME_MAX = 20
export const TEAM_NAME_MAX = 30

const personName = visibleText('姓名', PERSON_NAME_MAX)
const teamName = visibleText('团队名称', TEAM_NAME_MAX, { min: 2 })

export const inviteCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), '应为 8 位邀请码'))
  .describe('邀请码')

export const createTeamInput = z
  .object({
    name: teamName,
    memberName: personName,
    department: departmentSchema.describe('部门'),
  })
  .strict()

export const updateProfileInput = z
  .object({
    name: personName,
    department: departmentSchema.describe('部门'),
  })
  .strict()

export const createInviteInput = z
  .object({
    role: roleSchema.describe('角色'),
    ttlHours: z.number().int().min(1).max(168).default(INVITE_TTL_HOURS_DEFAULT).describe('有效期（小时）'),
  })
  .strict()

export const joinTeamInput = z
  .object({
    code: inviteCodeSchema,
    name: personName,
    department: departmentSchema.describe('部门'),
  })
  .strict()

export const setMemberRolesInput = z
  .object({
    memberId: id('成员'),
    roles: z
      .array(roleSchema.describe('角色'))
      .min(1)
      .max(4)
      .refine((r) => new Set(r).size === r.length, '不能重复')
      .describe('角色'),
    version: versionSchema,
  })
  .strict()

export const removeMemberInput = z.object({ memberId: id('成员') }).strict()
export const revokeInviteInput = z.object({ code: inviteCodeSchema }).strict()
export const emptyInput = z.object({}).strict()

/** What a page receives about a member: no openid, dates as ISO strings. */
export interface MemberView {
  id: string
  name: string
  department: Department
  roles: Role[]
  joinedAt: string
  version: number
  isMe: boolean
}

export interface TeamView {
  id: string
  name: string
  memberCount: number
}

export interface MeView {
  member: MemberView | null
  team: TeamView | null
}

export interface InviteView {
  code: string
  role: Role
  expiresAt: string
  createdByName: string
}
