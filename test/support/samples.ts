// One valid input per action, built from a world. The authorization matrix and the fuzz test read
// this; a new action without a sample fails to compile (and the matrix test fails at run time).
import type { Contracts, InputOf } from '../../core/api'
import type { World } from './world'

type Samples = { [F in keyof Contracts]: { [A in keyof Contracts[F]]: (w: World) => InputOf<Contracts[F][A]> } }

export const samples: Samples = {
  team: {
    ping: () => ({}),
    me: () => ({}),
    createTeam: () => ({ name: '新的团队', memberName: '新人', department: 'other' }),
    joinTeam: (w) => ({ code: w.inviteCode, name: '新成员', department: 'sales' }),
    updateProfile: () => ({ name: '改过的名字', department: 'tech' }),
    listMembers: () => ({}),
    createInvite: () => ({ role: 'field', ttlHours: 24 }),
    listInvites: () => ({}),
    revokeInvite: (w) => ({ code: w.inviteCode }),
    setMemberRoles: (w) => ({ memberId: w.memberId.field, roles: ['field', 'operator'], version: w.memberVersion.field }),
    removeMember: (w) => ({ memberId: w.memberId.field }),
  },
}
