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
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(cloud.snapshot()).toBe(before)
      return
    }
    if (kind === 'otherTeam') {
      // Samples name team A's records; to another team they do not exist (or are not its members).
      if (!res.ok) expect(['NOT_FOUND', 'CONFLICT', 'VALIDATION']).toContain(res.error.code)
      expect(cloud.snapshot(w.teamA)).toBe(teamABefore)
      return
    }
    if (!res.ok) expect(['NOT_FOUND', 'CONFLICT']).toContain(res.error.code)
  })
})
