import { z } from 'zod'
import { AppError } from './errors'
import { createTeamInput, joinTeamInput, setMemberRolesInput } from './team/schemas'
import { fieldErrors, labelAt, parseInput, textLimitOf, valueError } from './validation'

function errorsOf(schema: z.ZodTypeAny, input: unknown) {
  try {
    parseInput(schema, input)
  } catch (e) {
    if (e instanceof AppError) return e
  }
  throw new Error('expected a VALIDATION error')
}

describe('parseInput', () => {
  it('returns the parsed value, trimmed, for valid input', () => {
    expect(parseInput(createTeamInput, { name: ' 品牌中心 ', memberName: '王敏', department: 'marketing' })).toEqual({
      name: '品牌中心',
      memberName: '王敏',
      department: 'marketing',
    })
  })

  it('names each bad field in Chinese', () => {
    const e = errorsOf(createTeamInput, { name: 'x', memberName: '', department: 'hr' })
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual([
      { path: 'name', message: '团队名称：至少 2 个字' },
      { path: 'memberName', message: '姓名：不能为空' },
      { path: 'department', message: '部门：不是可选的值' },
    ])
    expect(e.message).toContain('团队名称')
  })

  it('says a missing field is required', () => {
    expect(errorsOf(createTeamInput, {}).fields?.map((f) => f.message)).toEqual([
      '团队名称：必填',
      '姓名：必填',
      '部门：必填',
    ])
  })

  it('refuses unknown keys by name', () => {
    const e = errorsOf(createTeamInput, { name: '品牌中心', memberName: '王敏', department: 'tech', admin: true })
    expect(e.fields).toEqual([{ path: 'admin', message: '不支持的字段：admin' }])
  })

  it('upper-cases invite codes and refuses look-alike characters', () => {
    expect(parseInput(joinTeamInput, { code: 'abcdefgh', name: '李', department: 'sales' }).code).toBe('ABCDEFGH')
    expect(errorsOf(joinTeamInput, { code: 'ABCDEFG0', name: '李', department: 'sales' }).fields?.[0]).toEqual({
      path: 'code',
      message: '邀请码：应为 8 位邀请码',
    })
  })

  it('names the list item that is wrong', () => {
    const e = errorsOf(setMemberRolesInput, { memberId: 'm1', roles: ['admin', 'boss'], version: 0 })
    expect(e.fields?.[0]).toEqual({ path: 'roles.1', message: '角色第2项：不是可选的值' })
  })

  it('uses a refinement message', () => {
    const e = errorsOf(setMemberRolesInput, { memberId: 'm1', roles: ['field', 'field'], version: 0 })
    expect(e.fields?.[0].message).toBe('角色：不能重复')
  })

  describe('edge cases', () => {
    it('falls back to the path when a field has no label', () => {
      const s = z.object({ n: z.number() })
      expect(fieldErrors(s, s.safeParse({ n: 'x' }).error!)).toEqual([{ path: 'n', message: 'n：应为数字' }])
    })

    it('labels a non-object input as 输入', () => {
      expect(errorsOf(createTeamInput, 'hello').fields?.[0].message).toBe('输入：应为对象')
    })

    it('finds labels through optional and default wrappers', () => {
      const s = z.object({ a: z.number().int().default(1).describe('数量').optional() })
      expect(labelAt(s, ['a'])).toBe('数量')
    })
  })
})

describe('textLimitOf', () => {
  it("reads a text field's max and Chinese name from its schema", () => {
    expect(textLimitOf(z.string().trim().min(1).max(60).describe('标题'))).toEqual({ max: 60, label: '标题' })
  })

  it('finds the limit through optional and refine wrappers', () => {
    expect(textLimitOf(z.string().trim().max(500).describe('备注').optional())).toEqual({ max: 500, label: '备注' })
    expect(textLimitOf(z.string().max(100).refine(Boolean).describe('原因'))).toEqual({ max: 100, label: '原因' })
  })

  describe('edge cases', () => {
    it('has no limit for text without a max', () => {
      expect(textLimitOf(z.string().describe('正文'))).toBeUndefined()
    })

    it('has no limit for non-text fields', () => {
      expect(textLimitOf(z.number().max(5).describe('数量'))).toBeUndefined()
    })

    it('calls an unnamed field 内容', () => {
      expect(textLimitOf(z.string().max(8))).toEqual({ max: 8, label: '内容' })
    })
  })
})

describe('valueError (a form field checked as it changes)', () => {
  const title = z.string().trim().min(1).max(60).describe('标题')

  test('names the field by its own description, through optional and effects wrappers', () => {
    expect(valueError(title, '   ')).toBe('标题：不能为空')
    expect(valueError(title.optional(), 'x'.repeat(61))).toBe('标题：最多 60 个字')
    expect(valueError(title.transform((s) => s.toUpperCase()), '')).toBe('标题：不能为空')
  })

  test('passes a good value, and a message written in Chinese in the schema wins', () => {
    expect(valueError(title, '滤芯怎么换')).toBeUndefined()
    expect(valueError(z.string().min(1, '要求修改时必须填写意见').describe('意见'), '')).toBe('意见：要求修改时必须填写意见')
  })

  test('a field with no description is called 输入', () => {
    expect(valueError(z.number().int(), 1.5)).toBe('输入：应为整数')
  })
})
