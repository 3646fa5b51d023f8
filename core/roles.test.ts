import { allows, ROLES, STAFF_ROLES } from './roles'

describe('allows', () => {
  it('lets any signed-in caller through signedIn actions, member or not', () => {
    expect(allows('signedIn', undefined)).toBe(true)
    expect(allows('signedIn', ['field'])).toBe(true)
  })

  it('requires membership for member actions', () => {
    expect(allows('member', undefined)).toBe(false)
    expect(allows('member', [])).toBe(false)
    expect(allows('member', ['field'])).toBe(true)
  })

  it('requires one of the listed roles', () => {
    expect(allows(['admin'], ['field', 'operator'])).toBe(false)
    expect(allows(['admin', 'manager'], ['field', 'manager'])).toBe(true)
    expect(allows(['admin'], undefined)).toBe(false)
  })
})

describe('STAFF_ROLES', () => {
  it('is every role but field staff', () => {
    expect([...STAFF_ROLES].sort()).toEqual(ROLES.filter((r) => r !== 'field').sort())
  })
})
