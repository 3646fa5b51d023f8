import { AppError, fieldError, refuseFields, validationError } from './errors'

describe('validationError', () => {
  it('lists every field in its message', () => {
    const e = validationError([
      { path: 'from', message: '开始日期：必填' },
      { path: 'to', message: '结束日期：必填' },
    ])
    expect(e.toShape()).toEqual({
      code: 'VALIDATION',
      message: '开始日期：必填；结束日期：必填',
      fields: [
        { path: 'from', message: '开始日期：必填' },
        { path: 'to', message: '结束日期：必填' },
      ],
    })
  })
  it('builds the error of one field', () => {
    expect(fieldError('to', '结束日期：不能早于开始日期').toShape()).toEqual({
      code: 'VALIDATION',
      message: '结束日期：不能早于开始日期',
      fields: [{ path: 'to', message: '结束日期：不能早于开始日期' }],
    })
  })
  it('throws only when there are fields', () => {
    expect(() => refuseFields([])).not.toThrow()
    expect(() => refuseFields([{ path: 'date', message: '日期：必填' }])).toThrow(AppError)
  })
})
