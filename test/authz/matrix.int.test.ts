// The authorization matrix: every action of every function × every kind of caller is allowed or
// refused exactly as its contract declares. New actions join automatically (they need a sample).
import { contracts } from '../../core/api'
import { allows, type Role } from '../../core/roles'
import { createTestCloud, type TestCloud } from '../support/cloud'
import { samples } from '../support/samples'
import { buildWorld, CALLER_KINDS, type CallerKind, type World } from '../support/world'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await createTestCloud()
})
afterAll(() => cloud.close())

const actions = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c).map(([action, def]) => ({ fn, action, def })),
)

function rolesOf(kind: CallerKind): readonly Role[] | undefined {
  if (kind === 'outsider' || kind === 'anonymous') return undefined
  if (kind === 'otherTeam') return ['admin', 'manager', 'operator'] // what a team creator holds
  return [kind]
}

function openidOf(w: World, kind: CallerKind): string | null {
  return kind === 'anonymous' ? null : w.openid[kind]
}

test('every action has a sample input, so none escapes the matrix', () => {
  for (const { fn, action } of actions) {
    expect(samples[fn as keyof typeof samples]?.[action as never]).toBeDefined()
  }
})

describe.each(actions)('$fn.$action', ({ fn, action, def }) => {
  test.each(CALLER_KINDS)('as %s', async (kind) => {
    const w = await buildWorld(cloud)
    const input = (samples as unknown as Record<string, Record<string, (w: World) => unknown>>)[fn][action](w)
    const before = cloud.snapshot()
    const teamABefore = cloud.snapshot(w.teamA)
    const res = await cloud.call(fn, openidOf(w, kind), { action, data: input, requestId: `matrix-${kind}-${Date.now()}` })

    if (kind === 'anonymous') {
      expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(cloud.snapshot()).toBe(before)
      return
    }
    if (!allows(def.access, rolesOf(kind))) {
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
      expect(cloud.snapshot()).toBe(before)
      return
    }
    if (kind === 'otherTeam') {
      // Samples name team A's records; to another team they do not exist (or are not its members).
      // A read or write may answer ok only about the caller's own team: nothing of team A in it, nothing of A changed.
      expect(res.ok ? teamAIn(res.data, input, w) : res.error.code).toEqual(res.ok ? [] : expect.stringMatching(/^(NOT_FOUND|CONFLICT|VALIDATION)$/))
      expect(cloud.snapshot(w.teamA)).toBe(teamABefore)
      return
    }
    expect(res.ok ? 'ok' : res.error.code).toMatch(/^(ok|NOT_FOUND|CONFLICT)$/)
  })
})

/**
 * What of team A an answer shows: its ids, names, titles, openids and invite code found anywhere in it,
 * except what the caller sent itself (an import preview echoes the titles of the rows it was given).
 */
function teamAIn(data: unknown, input: unknown, w: World): string[] {
  const text = JSON.stringify(data ?? null)
  const sent = JSON.stringify(input ?? null)
  const markers = [
    w.teamA,
    '测试团队甲',
    '团队创建人',
    w.inviteCode,
    ...Object.values(w.memberId),
    ...Object.entries(w.openid).filter(([k]) => k !== 'otherTeam' && k !== 'outsider').map(([, v]) => v),
    ...(['admin', 'manager', 'operator', 'field'] as const).map((r) => `成员${r}`),
    w.itemId,
    w.ideaId,
    w.reviewItemId,
    w.publishedItemId,
    w.liveItemId,
    w.publishedTitle,
    '门店店长的一天',
    '用户最常问的三个问题',
    '图文：滤芯更换指南',
  ]
  return markers.filter((m) => text.includes(m) && !sent.includes(m))
}
