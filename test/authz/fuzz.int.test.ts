// Input fuzzing: for every action, malformed inputs get a VALIDATION answer naming fields in Chinese,
// never INTERNAL, and leave the database exactly as it was.
import fc from 'fast-check'
import { contracts } from '../../core/api'
import type { TestCloud } from '../support/cloud'
import { samples } from '../support/samples'
import { type World, worldOnce } from '../support/world'

let cloud: TestCloud
let world: World
worldOnce((c, w) => {
  cloud = c
  world = w
})

const INJECTIONS = [
  { $gt: '' },
  { $where: 'sleep(1000)' },
  "'; DROP TABLE docs; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"$ne":null}',
  '\u0000\u202e',
  'x'.repeat(100_000),
]

const actions = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c).map(([action, def]) => ({ fn, action, def })),
)

/** Malformed variants of a valid sample: each field wrong-typed, missing, huge or injected, plus extra keys. */
function mutations(sample: Record<string, unknown>): unknown[] {
  const out: unknown[] = [null, 42, 'text', [], true, { ...sample, __proto__: { admin: true } }, { ...sample, teamId: 'other' }, { ...sample, $where: '1' }]
  for (const key of Object.keys(sample)) {
    const { [key]: _dropped, ...missing } = sample
    out.push(missing)
    for (const bad of [null, 12345, -1, 1.5, '', 'x'.repeat(10_000), [], {}, true, ...INJECTIONS]) out.push({ ...sample, [key]: bad })
  }
  return out
}

describe.each(actions)('$fn.$action', ({ fn, action, def }) => {
  const caller = () => world.openid.owner // holds admin, manager and operator: passes every role check

  test('malformed variants of a valid input are refused as VALIDATION and write nothing', async () => {
    const sample = (samples as unknown as Record<string, Record<string, (w: World) => Record<string, unknown>>>)[fn][action](world)
    for (const input of mutations(sample)) {
      if (def.input.safeParse(input).success) continue
      const before = cloud.snapshot()
      const res = await cloud.call(fn, caller(), { action, data: input, requestId: `fuzz-${Math.random().toString(36).slice(2)}` })
      expect(res.ok).toBe(false)
      if (res.ok) continue
      expect(res.error.code).toBe('VALIDATION')
      expect(res.error.fields?.length ?? 0).toBeGreaterThan(0)
      expect(res.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(cloud.snapshot()).toBe(before)
    }
  })

  test('random inputs never cause an INTERNAL error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (input) => {
        const invalid = !def.input.safeParse(input === undefined ? {} : input).success // absent data means {}
        const before = invalid ? cloud.snapshot() : ''
        const res = await cloud.call(fn, caller(), { action, data: input, requestId: `fuzz-${Math.random().toString(36).slice(2)}` })
        expect(res.ok ? 'ok' : res.error.code).not.toBe('INTERNAL')
        if (invalid) {
          expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
          expect(cloud.snapshot()).toBe(before)
        }
      }),
      { numRuns: 60 },
    )
  })
})

test('a malformed envelope is a VALIDATION error too', async () => {
  for (const body of [null, 'x', { action: 42 }, { action: 'me', requestId: 'short' }, { action: 'me', requestId: '$$$$$$$$$' }]) {
    const res = await cloud.call('team', world.openid.owner, body as never)
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  }
  const unknown = await cloud.call('team', world.openid.owner, { action: 'dropEverything', data: {} })
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
