import type { MeView } from '../../core/team/schemas'
import { answering, eventually, launchMiniProgram } from './harness'

// A person WeChat knows but who is in no team yet: the app must send them to team setup.
const NEWCOMER: MeView = { member: null, team: null }

describe('mini-program build (dist/weapp): launch', () => {
  it('waits for the first page before sending a newcomer to team setup, and sends them once', async () => {
    const mp = launchMiniProgram(answering({ 'team.me': NEWCOMER }), 'pages/dashboard/index')
    await eventually(() => expect(mp.calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(['team.me']))
    // team.me has answered, but WeChat has not created the first page yet: navigating now would race it.
    await new Promise((r) => setTimeout(r, 200))
    expect(mp.navigations).toEqual([])

    await mp.openPage('pages/dashboard/index')
    await eventually(() => expect(mp.navigations).toEqual([{ kind: 'reLaunch', url: '/package-team/welcome/index', pagesOpen: 1 }]))
    await new Promise((r) => setTimeout(r, 100))
    expect(mp.navigations).toHaveLength(1)
  })

  it('leaves a team member on the page they opened', async () => {
    const me: MeView = {
      member: { id: 'm_op', name: '李娜', roles: ['operator'], department: 'marketing', joinedAt: '2025-03-01T02:00:00.000Z', version: 1, isMe: true },
      team: { id: 'team_1', name: '集团品牌中心·视频号运营组', memberCount: 3 },
    }
    const mp = launchMiniProgram(answering({ 'team.me': me }), 'pages/calendar/index')
    await mp.openPage('pages/calendar/index')
    await eventually(() => expect(mp.calls.some((c) => c.data.action === 'me')).toBe(true))
    await new Promise((r) => setTimeout(r, 200))
    expect(mp.navigations).toEqual([])
  })
})
