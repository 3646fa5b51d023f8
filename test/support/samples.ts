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
  content: {
    createItem: (w) => ({ title: '新品开箱', format: 'short_video', layer: 'intro', category: 'brand', ownerId: w.memberId.operator, plannedAt: inDays(3) }),
    updateItem: (w) => ({ id: w.itemId, version: w.itemVersion, title: '门店店长的一天（修订）' }),
    rescheduleItem: (w) => ({ id: w.itemId, version: w.itemVersion, plannedAt: inDays(4), reason: '配合新品上市' }),
    archiveItem: (w) => ({ id: w.itemId, version: w.itemVersion }),
    markPublished: (w) => ({ id: w.itemId, version: w.itemVersion }),
    setMonthTheme: () => ({ month: '2026-12', theme: '年终回馈' }),
    getItem: (w) => ({ id: w.itemId }),
    monthView: () => ({ month: '2026-12' }),
    weekView: () => ({ day: '2026-12-02' }),
    dayItems: () => ({ day: '2026-12-02' }),
    listIdeas: () => ({ q: '问题' }),
    mixStats: () => ({ from: '2026-12-01', to: '2026-12-31' }),
    exportCsv: () => ({ from: '2026-12-01', to: '2026-12-31' }),
    owners: () => ({}),
  },
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86400_000).toISOString()
}
