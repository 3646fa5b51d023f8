/**
 * Timer events come only from the local scheduler (issue 16): over HTTP a timer-shaped body is refused,
 * and the function wrapper itself runs onTimer only when the platform says the call is a trigger.
 */
import { startEmulator, type Emulator } from './main'

/* eslint-disable @typescript-eslint/no-explicit-any */
let emu: Emulator
const timerEvents = [
  ['results', 'nightlyRollupRepair'],
  ['team', 'repairAdminCounts'],
  ['review', 'firstPassBackfill'],
] as const

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:' })
  emu.store.insert('teams', [{ _id: 'team_t', teamId: 'team_t', name: '定时任务测试', adminCount: 7 }])
  emu.store.insert('members', [{ _id: 'm1', teamId: 'team_t', openid: 'timer_admin', name: '管理员', roles: ['admin'], status: 'active' }])
})
afterAll(() => emu.close())

async function post(fn: string, body: unknown) {
  const res = await fetch(new URL(`/api/fn/${fn}`, emu.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as any }
}

describe('timer events', () => {
  it.each(timerEvents)('refuses a timer event for %s/%s sent over HTTP without running it', async (fn, trigger) => {
    const r = await post(fn, { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() })
    expect(r).toEqual({ status: 403, json: { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由本地调度器触发' } } })
    expect(emu.store.find('teams', { query: { _id: 'team_t' } })[0].adminCount).toBe(7)
  })

  it.each(timerEvents)('the %s wrapper does not trust a timer-shaped event from an anonymous caller', async (fn, trigger) => {
    const r = (await emu.invoke(fn, { Type: 'Timer', TriggerName: trigger }, '')) as any
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    expect(emu.store.find('teams', { query: { _id: 'team_t' } })[0].adminCount).toBe(7)
  })

  it('the scheduler still runs them', async () => {
    for (const t of emu.server.functions.triggers()) {
      expect(await emu.server.functions.runTimer(t)).toMatchObject({ ok: true })
    }
    expect(emu.store.find('teams', { query: { _id: 'team_t' } })[0].adminCount).toBe(1)
  })
})
