import { canOwnItems, ownerRoleLabels } from './owners'

describe('canOwnItems', () => {
  it('lets operators, managers and admins own items', () => {
    expect(canOwnItems(['operator'])).toBe(true)
    expect(canOwnItems(['manager'])).toBe(true)
    expect(canOwnItems(['admin'])).toBe(true)
  })

  it('refuses field staff, who can neither start production nor submit versions', () => {
    expect(canOwnItems(['field'])).toBe(false)
  })

  it('accepts field staff who also hold a producing role', () => {
    expect(canOwnItems(['field', 'operator'])).toBe(true)
  })

  describe('edge cases', () => {
    it('refuses a member without roles', () => {
      expect(canOwnItems([])).toBe(false)
    })
  })
})

describe('ownerRoleLabels', () => {
  it('names the roles that can own items, in role order', () => {
    expect(ownerRoleLabels()).toBe('管理员、主管/审核、运营')
  })
})
