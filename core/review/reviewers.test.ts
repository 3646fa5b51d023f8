import { defaultFlow, type Gate } from './flow'
import { gateReviewers, namesText, whoReviewsText, type TeamMember } from './reviewers'

const m = (id: string, name: string, roles: TeamMember['roles'], active = true): TeamMember => ({ id, name, roles, active })
const TEAM = [m('op', '李娜', ['operator']), m('mg', '陈静', ['manager']), m('ad', '王敏', ['admin', 'manager']), m('fd', '赵强', ['field'])]
const topic = defaultFlow('short_video')[0]

describe('gateReviewers', () => {
  it('lists the holders of the gate’s roles in team order', () => {
    expect(gateReviewers(topic, TEAM, ['op']).map((x) => x.name)).toEqual(['陈静', '王敏'])
  })

  it('puts named reviewers first, once, even when they also hold a listed role', () => {
    const gate: Gate = { ...topic, reviewers: { roles: ['manager'], memberIds: ['ad'] } }
    expect(gateReviewers(gate, TEAM, ['op']).map((x) => x.name)).toEqual(['王敏', '陈静'])
  })

  it('leaves out the authors of the version: they cannot approve it', () => {
    expect(gateReviewers(topic, TEAM, ['op', 'ad']).map((x) => x.name)).toEqual(['陈静'])
  })

  it('leaves out who already approved it (an all-gate waits for the others)', () => {
    expect(gateReviewers(topic, TEAM, ['op'], [{ by: 'mg', roles: ['manager'] }]).map((x) => x.name)).toEqual(['王敏'])
  })

  describe('edge cases', () => {
    it('skips removed members and members named while field staff only', () => {
      const gate: Gate = { ...topic, reviewers: { roles: ['manager'], memberIds: ['fd'] } }
      expect(gateReviewers(gate, [...TEAM.slice(0, 2).map((x) => ({ ...x, active: false })), ...TEAM.slice(2)], []).map((x) => x.name)).toEqual(['王敏'])
    })

    it('is empty when nobody but the author could review', () => {
      expect(gateReviewers(topic, [m('mg', '陈静', ['manager'])], ['mg'])).toEqual([])
    })
  })
})

describe('namesText', () => {
  it('joins up to three names', () => expect(namesText(['陈静', '王敏'])).toBe('陈静、王敏'))
  it('counts the rest beyond three', () => expect(namesText(['a', 'b', 'c', 'd'])).toBe('a、b、c等 4 人'))
})

describe('whoReviewsText', () => {
  it('names the reviewers', () => expect(whoReviewsText(['陈静'])).toBe('本关由 陈静 审核'))
  it('says when nobody can review, and who can fix it', () => expect(whoReviewsText([])).toBe('本关暂无可审核的成员，请管理员在评审流程中指定审核人'))
})
