import fc from 'fast-check'
import type { Role } from '../roles'
import { defaultFlow, type Gate } from './flow'
import { gateSatisfied, initialState, transition, type Actor, type ProductionEvent, type ProductionState } from './machine'

const manager: Actor = { memberId: 'mgr', roles: ['manager'] }
const operator: Actor = { memberId: 'op', roles: ['operator'] }
const owner: Actor = { memberId: 'owner', roles: ['operator'] }

function at(state: ProductionState, event: ProductionEvent, actor: Actor): ProductionState {
  const r = transition(state, event, actor)
  if (!r.ok) throw new Error(r.reason)
  return r.state
}

describe('the default flows', () => {
  test('short video passes five gates, then is scheduled', () => {
    let s = initialState(defaultFlow('short_video'), owner.memberId)
    const passed: string[] = []
    for (let i = 0; i < 5; i++) {
      passed.push(s.flow[s.gateIndex].name)
      s = at(s, { type: 'submit' }, owner)
      s = at(s, { type: 'approve' }, manager)
    }
    expect(passed).toEqual(['选题', '脚本', '拍摄', '剪辑', '终审'])
    expect(s.status).toBe('scheduled')
    expect(s.versionNo).toBe(5)
  })

  test('livestream and image-text flows have their own gates', () => {
    expect(defaultFlow('livestream').map((g) => g.name)).toEqual(['选题', '脚本/流程', '彩排', '终审'])
    expect(defaultFlow('image_text').map((g) => g.name)).toEqual(['选题', '初稿', '终审'])
  })

  test('every default gate is reviewed by managers, one approval, within 24 hours', () => {
    for (const g of defaultFlow('short_video')) expect(g).toMatchObject({ reviewers: { roles: ['manager'], memberIds: [] }, mode: 'any', slaHours: 24 })
  })
})

describe('transition', () => {
  test('approving the last gate schedules the item and tells the author', () => {
    let s = initialState(defaultFlow('image_text').slice(2), owner.memberId)
    s = at(s, { type: 'submit' }, owner)
    const r = transition(s, { type: 'approve' }, manager)
    expect(r).toEqual({
      ok: true,
      state: expect.objectContaining({ status: 'scheduled', gateIndex: 0 }),
      effects: [{ type: 'scheduleItem' }, { type: 'notifyAuthor', reason: 'scheduled', gateIndex: 0 }],
    })
  })

  test('approving the gate before the last moves on to the last gate; it does not schedule', () => {
    let s = initialState(defaultFlow('image_text').slice(1), owner.memberId)
    s = at(s, { type: 'submit' }, owner)
    const r = transition(s, { type: 'approve' }, manager)
    expect(r).toEqual({
      ok: true,
      state: expect.objectContaining({ status: 'in_production', gateIndex: 1, gateState: 'drafting' }),
      effects: [{ type: 'notifyAuthor', reason: 'gate_passed', gateIndex: 0 }],
    })
  })

  test('a submission notifies the gate reviewers', () => {
    const r = transition(initialState(defaultFlow('image_text'), owner.memberId), { type: 'submit' }, owner)
    expect(r.ok && r.effects).toEqual([{ type: 'notifyReviewers', gateIndex: 0, versionNo: 1 }])
  })

  test('requesting changes sends the item back to the author at the same gate', () => {
    let s = initialState(defaultFlow('image_text'), owner.memberId)
    s = at(at(s, { type: 'submit' }, owner), { type: 'approve' }, manager)
    s = at(s, { type: 'submit' }, owner)
    const r = transition(s, { type: 'requestChanges', comment: '开头太慢' }, manager)
    expect(r.ok && r.state).toMatchObject({ gateIndex: 1, gateState: 'changes_requested', versionNo: 2 })
    expect(r.ok && r.effects).toEqual([{ type: 'notifyAuthor', reason: 'changes_requested', gateIndex: 1 }])
    expect(at((r as { state: ProductionState }).state, { type: 'submit' }, owner)).toMatchObject({ gateIndex: 1, gateState: 'in_review', versionNo: 3 })
  })

  test('the submitter cannot approve even when holding the reviewer role', () => {
    const both: Actor = { memberId: 'boss', roles: ['manager', 'operator'] }
    const s = at(initialState(defaultFlow('image_text'), owner.memberId), { type: 'submit' }, both)
    expect(transition(s, { type: 'approve' }, both)).toEqual({ ok: false, reason: '不能审核自己的提交', refusal: 'actor' })
  })

  test('the item owner cannot approve a version someone else submitted for them', () => {
    const ownerManager: Actor = { memberId: 'owner', roles: ['manager'] }
    const s = at(initialState(defaultFlow('image_text'), 'owner'), { type: 'submit' }, operator)
    expect(transition(s, { type: 'approve' }, ownerManager)).toEqual({ ok: false, reason: '不能审核自己的提交', refusal: 'actor' })
  })

  test('a new submission replaces the version in review and clears its approvals', () => {
    const flow = [{ ...defaultFlow('image_text')[0], mode: 'all' as const, reviewers: { roles: ['manager' as const, 'admin' as const], memberIds: [] } }]
    let s = at(initialState(flow, owner.memberId), { type: 'submit' }, owner)
    s = at(s, { type: 'approve' }, manager)
    expect(at(s, { type: 'submit' }, owner)).toMatchObject({ gateState: 'in_review', versionNo: 2, approvals: [] })
  })

  test('a member holding field and operator roles may submit', () => {
    const r = transition(initialState(defaultFlow('image_text'), owner.memberId), { type: 'submit' }, { memberId: 'x', roles: ['field', 'operator'] })
    expect(r.ok).toBe(true)
  })

  test('an empty initial flow is a programming error', () => {
    expect(() => initialState([], 'x')).toThrow()
  })
})

describe("'all' gates", () => {
  const gate = (reviewers: Gate['reviewers']): Gate => ({ key: 'final', name: '终审', reviewers, mode: 'all', slaHours: 24 })

  test('every named reviewer must approve', () => {
    const g = gate({ roles: [], memberIds: ['a', 'b'] })
    expect(gateSatisfied(g, [{ by: 'a', roles: ['manager'] }], ['owner'])).toBe(false)
    expect(gateSatisfied(g, [{ by: 'a', roles: ['manager'] }, { by: 'b', roles: ['operator'] }], ['owner'])).toBe(true)
  })

  test('a named reviewer who is an author is not waited for', () => {
    const g = gate({ roles: [], memberIds: ['a', 'owner'] })
    expect(gateSatisfied(g, [{ by: 'a', roles: ['manager'] }], ['owner'])).toBe(true)
  })

  test('each listed role is a seat: one holder of it must approve', () => {
    const g = gate({ roles: ['manager', 'admin'], memberIds: [] })
    expect(gateSatisfied(g, [{ by: 'm', roles: ['manager'] }], [])).toBe(false)
    expect(gateSatisfied(g, [{ by: 'm', roles: ['manager'] }, { by: 'x', roles: ['admin'] }], [])).toBe(true)
    expect(gateSatisfied(g, [{ by: 'both', roles: ['manager', 'admin'] }], [])).toBe(true)
  })

  test('a partial approval keeps the gate in review and runs no effect', () => {
    let s = initialState([gate({ roles: ['manager'], memberIds: ['named'] })], owner.memberId)
    s = at(s, { type: 'submit' }, owner)
    const r = transition(s, { type: 'approve' }, manager)
    expect(r).toEqual({ ok: true, state: expect.objectContaining({ gateState: 'in_review', approvals: [{ by: 'mgr', roles: ['manager'] }] }), effects: [] })
    expect(transition((r as { state: ProductionState }).state, { type: 'approve' }, manager)).toEqual({ ok: false, reason: '你已通过这个版本，等待其他审核人', refusal: 'state' })
  })
})

// ---- the exhaustive table: every (state, event, actor) pair ---------------------------------------

const FLOW: Gate[] = [
  { key: 'topic', name: '选题', reviewers: { roles: ['manager'], memberIds: [] }, mode: 'any', slaHours: 24 },
  { key: 'script', name: '脚本', reviewers: { roles: [], memberIds: ['named', 'fieldNamed'] }, mode: 'any', slaHours: 24 },
  { key: 'final', name: '终审', reviewers: { roles: ['manager', 'admin'], memberIds: ['named'] }, mode: 'all', slaHours: 24 },
]

const ACTORS: Record<string, Actor> = {
  owner: { memberId: 'owner', roles: ['operator'] },
  submitter: { memberId: 'sub', roles: ['manager'] },
  admin: { memberId: 'adm', roles: ['admin'] },
  manager: { memberId: 'mgr', roles: ['manager'] },
  operator: { memberId: 'op', roles: ['operator'] },
  named: { memberId: 'named', roles: ['operator'] },
  field: { memberId: 'fld', roles: ['field'] },
  fieldNamed: { memberId: 'fieldNamed', roles: ['field'] },
}

const EVENTS: Record<string, ProductionEvent> = {
  submit: { type: 'submit' },
  approve: { type: 'approve' },
  requestChanges: { type: 'requestChanges', comment: '节奏再快一点' },
  requestChangesBlank: { type: 'requestChanges', comment: '  ' },
  markPublished: { type: 'markPublished' },
}

function stateOf(gateIndex: number, gateState: ProductionState['gateState'], extra: Partial<ProductionState> = {}): ProductionState {
  const submitted = gateState !== 'drafting' || gateIndex > 0
  return { flow: FLOW, gateIndex, gateState, versionNo: submitted ? gateIndex + 1 : 0, submittedBy: submitted ? 'sub' : null, approvals: [], status: 'in_production', ownerId: 'owner', ...extra }
}

const STATES: Record<string, ProductionState> = {}
for (const [i, g] of FLOW.entries()) {
  for (const gs of ['drafting', 'in_review', 'changes_requested'] as const) STATES[`${g.key}/${gs}`] = stateOf(i, gs)
}
STATES['final/in_review+manager'] = stateOf(2, 'in_review', { approvals: [{ by: 'mgr', roles: ['manager'] }] })
STATES['final/in_review+manager+admin'] = stateOf(2, 'in_review', { approvals: [{ by: 'mgr', roles: ['manager'] }, { by: 'adm', roles: ['admin'] }] })
STATES.scheduled = stateOf(2, 'in_review', { status: 'scheduled' })
STATES.published = stateOf(2, 'in_review', { status: 'published' })

type Expected = { refuse: string } | { to: Partial<ProductionState>; effects: string[] }

/** The rules of issue 4, read as a decision table (independent of the machine's code paths). */
function expected(name: string, s: ProductionState, event: string, actorName: string): Expected {
  const a = ACTORS[actorName]
  const gate = FLOW[s.gateIndex]
  if (actorName === 'field' || actorName === 'fieldNamed') return { refuse: '一线/外勤' }
  if (event === 'markPublished') {
    if (s.status === 'scheduled') return { to: { status: 'published' }, effects: ['publishItem'] }
    return { refuse: s.status === 'published' ? '已经发布' : '终审通过后才能标记发布' }
  }
  if (s.status === 'published') return { refuse: '评审已结束' }
  if (s.status === 'scheduled') return { refuse: '等待发布' }
  if (event === 'submit') {
    return { to: { gateIndex: s.gateIndex, gateState: 'in_review', versionNo: s.versionNo + 1, submittedBy: a.memberId, approvals: [] }, effects: ['notifyReviewers'] }
  }
  if (s.gateState === 'drafting') return { refuse: '还没有提交版本' }
  if (s.gateState === 'changes_requested') return { refuse: '已要求修改' }
  const reviewers: Record<string, string[]> = { topic: ['manager', 'submitter'], script: ['named'], final: ['manager', 'submitter', 'admin', 'named'] }
  if (!reviewers[gate.key].includes(actorName)) return { refuse: '不是「' }
  if (actorName === 'owner' || actorName === 'submitter') return { refuse: '不能审核自己的提交' }
  if (event === 'requestChangesBlank') return { refuse: '必须填写意见' }
  if (event === 'requestChanges') return { to: { gateIndex: s.gateIndex, gateState: 'changes_requested', approvals: [] }, effects: ['notifyAuthor'] }
  if (s.approvals.some((x) => x.by === a.memberId)) return { refuse: '已通过这个版本' }
  if (gate.key !== 'final') return { to: { gateIndex: s.gateIndex + 1, gateState: 'drafting', approvals: [] }, effects: ['notifyAuthor'] }
  // final is 'all': manager seat, admin seat and 'named' must all sign.
  const signed = new Set([...s.approvals.map((x) => x.by), a.memberId])
  const done = ['mgr', 'adm', 'named'].every((m) => signed.has(m))
  if (name.endsWith('+manager+admin') && done) return { to: { status: 'scheduled', gateIndex: 2 }, effects: ['scheduleItem', 'notifyAuthor'] }
  return { to: { status: 'in_production', gateState: 'in_review', approvals: [...s.approvals, { by: a.memberId, roles: [...a.roles] as Role[] }] }, effects: [] }
}

const TABLE = Object.entries(STATES).flatMap(([stateName, state]) =>
  Object.keys(EVENTS).flatMap((event) => Object.keys(ACTORS).map((actor) => ({ stateName, state, event, actor }))),
)

test('the table covers every state × event × actor', () => {
  expect(TABLE).toHaveLength(Object.keys(STATES).length * Object.keys(EVENTS).length * Object.keys(ACTORS).length)
})

describe.each(TABLE)('$stateName + $event by $actor', ({ stateName, state, event, actor }) => {
  test('moves to the right state or is refused with a Chinese reason', () => {
    const r = transition(state, EVENTS[event], ACTORS[actor])
    const want = expected(stateName, state, event, actor)
    if ('refuse' in want) {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.reason).toContain(want.refuse)
        expect(r.reason).toMatch(/[\u4e00-\u9fff]/)
      }
      return
    }
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.state).toMatchObject(want.to)
    expect(r.effects.map((e) => e.type)).toEqual(want.effects)
    expect(r.state.flow).toBe(state.flow) // the snapshot travels unchanged
  })
})

// ---- no sequence skips a gate -----------------------------------------------------------------------

describe('property: random event sequences', () => {
  const actorArb = fc.constantFrom(...Object.values(ACTORS))
  const eventArb = fc.constantFrom(...Object.values(EVENTS))

  test('never skip a gate, and only the last gate schedules', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, actorArb), { maxLength: 80 }), (steps) => {
        let s = initialState(FLOW, 'owner')
        const approvedAt = new Set<number>()
        for (const [event, actor] of steps) {
          const r = transition(s, event, actor)
          if (!r.ok) continue
          const next = r.state
          expect(next.gateIndex - s.gateIndex === 0 || next.gateIndex - s.gateIndex === 1).toBe(true)
          if (next.gateIndex !== s.gateIndex) {
            // Moving on needs an approval of a submitted version at the gate being left.
            expect(event.type).toBe('approve')
            expect(s.gateState).toBe('in_review')
            approvedAt.add(s.gateIndex)
          }
          if (next.status === 'scheduled' && s.status === 'in_production') {
            expect(s.gateIndex).toBe(FLOW.length - 1)
            approvedAt.add(s.gateIndex)
          }
          if (next.status !== 'in_production') for (let g = 0; g < FLOW.length; g++) expect(approvedAt.has(g)).toBe(true)
          s = next
        }
      }),
      { numRuns: 500 },
    )
  })

  test('reach scheduled when everyone plays their part', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, actorArb), { maxLength: 200 }), (noise) => {
        let s = initialState(FLOW, 'owner')
        for (const [event, actor] of noise) {
          const r = transition(s, event, actor)
          if (r.ok && r.state.status === 'in_production') s = r.state
        }
        for (let guard = 0; s.status === 'in_production' && guard < 20; guard++) {
          s = at(s, { type: 'submit' }, ACTORS.owner)
          for (const name of ['manager', 'submitter', 'named', 'admin']) {
            const r = transition(s, { type: 'approve' }, ACTORS[name])
            if (r.ok) s = r.state
            if (s.gateState !== 'in_review' || s.status !== 'in_production') break
          }
        }
        expect(s.status).toBe('scheduled')
      }),
      { numRuns: 200 },
    )
  })
})
