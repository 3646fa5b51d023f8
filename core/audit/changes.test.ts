import { AUDIT_MAX_CHARS, AUDIT_MAX_FIELDS, auditChanges, auditValueText, boundValues, inputChanges } from './changes'

describe('inputChanges', () => {
  it('keeps the fields an input sets and leaves out ids and the version', () => {
    expect(inputChanges({ id: 'i1', version: 3, itemId: 'x', title: '新标题', plannedAt: undefined })).toEqual({ title: '新标题' })
  })

  it('gives nothing for an input that is not an object', () => {
    expect(inputChanges(null)).toEqual({})
    expect(inputChanges(['a'])).toEqual({})
  })
})

describe('boundValues', () => {
  it('cuts long text and marks the cut', () => {
    const v = boundValues({ note: 'x'.repeat(1000) }).note as string
    expect(v).toHaveLength(AUDIT_MAX_CHARS + 1)
    expect(v.endsWith('…')).toBe(true)
  })

  it('keeps at most the field limit', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i]))
    expect(Object.keys(boundValues(many))).toHaveLength(AUDIT_MAX_FIELDS)
  })

  it('keeps only the named fields of a whole record', () => {
    expect(boundValues({ name: '甲', roles: ['admin'], openid: 'secret' }, ['roles'])).toEqual({ roles: ['admin'] })
  })

  it('cuts long lists and stores nested objects as bounded text', () => {
    const v = boundValues({ rows: Array.from({ length: 30 }, (_, i) => ({ i })) }).rows as unknown[]
    expect(v).toHaveLength(21)
    expect(v[0]).toBe('{"i":0}')
    expect(v[20]).toBe('…共 30 项')
  })

  it('stays within a few kilobytes whatever the input', () => {
    const huge = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'y'.repeat(100_000)]))
    expect(JSON.stringify(boundValues(huge)).length).toBeLessThan(AUDIT_MAX_FIELDS * (AUDIT_MAX_CHARS + 20))
  })
})

describe('auditValueText', () => {
  it('writes codes as their Chinese labels', () => {
    expect(auditValueText('roles', ['admin', 'field'])).toBe('管理员、一线/外勤')
    expect(auditValueText('department', 'sales')).toBe('销售部')
    expect(auditValueText('status', 'removed')).toBe('已移除')
  })

  it('writes instants in China time', () => {
    expect(auditValueText('plannedAt', '2026-12-01T12:00:00.000Z')).toBe('2026-12-01 20:00')
    expect(auditValueText('plannedAt', new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02 00:30')
  })

  it('gives null ("—") for nothing', () => {
    expect(auditValueText('note', null)).toBeNull()
    expect(auditValueText('note', '')).toBeNull()
    expect(auditValueText('roles', [])).toBeNull()
  })
})

describe('auditChanges', () => {
  it('lists changed fields only, with before and after in words', () => {
    expect(auditChanges({ name: '甲', department: 'tech' }, { name: '甲', department: 'sales' }, () => undefined)).toEqual([
      { field: 'department', label: '部门', before: '技术部', after: '销售部' },
    ])
  })

  it('shows a field set without a recorded before as "—" → value', () => {
    expect(auditChanges(undefined, { title: '开箱' }, () => '标题')).toEqual([{ field: 'title', label: '标题', before: null, after: '开箱' }])
  })

  it('treats a Date and the same instant as text as unchanged', () => {
    expect(auditChanges({ plannedAt: new Date('2026-12-01T12:00:00Z') }, { plannedAt: '2026-12-01T12:00:00.000Z' }, () => undefined)).toEqual([])
  })
})
