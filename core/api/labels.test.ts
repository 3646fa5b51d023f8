import { contracts } from '.'
import { AUDIT_AREAS } from '../audit/schemas'
import { actionLabel, AREA_LABELS, auditedActions, inputFieldLabel } from './labels'

describe('labels from the contracts', () => {
  it('names every function as an audit area', () => {
    expect([...AUDIT_AREAS].sort()).toEqual(Object.keys(contracts).sort())
    expect(Object.keys(AREA_LABELS).sort()).toEqual(Object.keys(contracts).sort())
  })

  it("uses the contract's summary for an action and the stored words for one no longer declared", () => {
    expect(actionLabel('team', 'removeMember')).toBe('移除成员')
    expect(actionLabel('team', 'retiredAction', '旧操作')).toBe('旧操作')
  })

  it('labels fields from the input schema descriptions', () => {
    expect(inputFieldLabel('team', 'createInvite', 'ttlHours')).toBe('有效期（小时）')
  })

  it('offers only writes in the action filter', () => {
    expect(auditedActions('team').map((a) => a.action)).toEqual(['createTeam', 'joinTeam', 'updateProfile', 'createInvite', 'revokeInvite', 'setMemberRoles', 'removeMember', 'exportTeamData'])
  })
})
