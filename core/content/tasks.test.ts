import { byDue, decisionTaskId, isOverdue, mayCloseTask, sourceGroup, sourceLabel, type TaskSource } from './tasks'

const source: TaskSource = { kind: 'meeting', meetingId: 'm1', decisionId: 'd1', meetingKind: 'review', meetingDay: '2026-12-03' }

describe('isOverdue', () => {
  it('is overdue once the due day has passed in China time', () => {
    expect(isOverdue({ status: 'open', dueDay: '2026-12-01' }, '2026-12-02')).toBe(true)
  })

  it('is not overdue on the due day itself', () => {
    expect(isOverdue({ status: 'open', dueDay: '2026-12-02' }, '2026-12-02')).toBe(false)
  })

  it('is never overdue once done', () => {
    expect(isOverdue({ status: 'done', dueDay: '2026-11-01' }, '2026-12-02')).toBe(false)
  })
})

describe('mayCloseTask', () => {
  it('lets the owner close their task, whatever their role', () => {
    expect(mayCloseTask({ memberId: 'a', roles: ['field'] }, 'a')).toBe(true)
  })

  it('lets a manager or admin close anyone\'s, and not another operator', () => {
    expect([['manager'], ['admin'], ['operator']].map((roles) => mayCloseTask({ memberId: 'b', roles: roles as never }, 'a'))).toEqual([true, true, false])
  })
})

describe('a task\'s source', () => {
  it('gives one task id per decision', () => {
    expect(decisionTaskId('m1', 'd1')).toBe('m1_d1')
  })

  it('groups by kind of meeting and says where it came from', () => {
    expect([sourceGroup(source), sourceLabel(source)]).toEqual(['meeting:review', '复盘会 12月3日'])
  })
})

describe('byDue', () => {
  it('puts the earliest due first, then by title', () => {
    expect(byDue([{ dueDay: '2026-12-03', title: 'b' }, { dueDay: '2026-12-01', title: 'c' }, { dueDay: '2026-12-01', title: 'a' }]).map((t) => t.title)).toEqual(['a', 'c', 'b'])
  })
})
