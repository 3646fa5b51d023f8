import { COLLECTION_NAMES } from '../cloudfunctions/common/db/collections'
import { INDEXES, SCANS, type IndexSpec } from '../cloudfunctions/common/db/indexes'
import { indexFor, serves, shapeOf, shapeText } from './query-shapes'

const idx = (fields: IndexSpec['fields'], residual?: string[]): IndexSpec => ({ collection: 'items', fields, why: 'test', ...(residual ? { residual } : {}) })

describe('shapeOf', () => {
  it('tells equality (a value, $eq, $in) from ranges and other operators', () => {
    const s = shapeOf('items', 'find', { teamId: 't', status: { $in: ['a', 'b'] }, day: { $gte: '2026-01-01', $lte: '2026-01-31' }, title: { $ne: 'x' } }, { day: 1, _id: 1 })
    expect(s).toEqual({ collection: 'items', op: 'find', eq: ['status', 'teamId'], range: ['day', 'title'], sort: [['day', 1], ['_id', 1]] })
  })

  it('counts a field compared for equality in every branch of an $or as equality (a cursor keeps its team)', () => {
    const s = shapeOf('audit', 'find', { $or: [{ teamId: 't', at: { $lt: 5 } }, { teamId: 't', at: 5, _id: { $lt: 'x' } }] }, { at: -1, _id: -1 })
    expect(s.eq).toEqual(['teamId'])
    expect(s.range).toEqual(['_id', 'at'])
  })

  it('treats an $or field present in only one branch as a range, and $and branches as narrowing', () => {
    expect(shapeOf('x', 'find', { teamId: 't', $or: [{ day: 'a' }, { loggedAt: { $gte: 1 } }] }).range).toEqual(['day', 'loggedAt'])
    expect(shapeOf('x', 'find', { $and: [{ teamId: 't' }, { day: { $gt: 'a' } }] })).toMatchObject({ eq: ['teamId'], range: ['day'] })
  })

  it('reads a date or a plain object value as equality, not as operators', () => {
    expect(shapeOf('x', 'count', { at: new Date(0) as never, teamId: 't' }).eq).toEqual(['at', 'teamId'])
  })
})

describe('serves (equality, then sort, then range)', () => {
  const q = shapeOf('items', 'find', { teamId: 't', status: 's', day: { $gte: 'a' } }, { day: 1, _id: 1 })

  it('serves a query whose equality fields lead, in any order, then its sort', () => {
    expect(serves(idx([['teamId', 1], ['status', 1], ['day', 1], ['_id', 1]]), q)).toBe(true)
    expect(serves(idx([['status', 1], ['teamId', 1], ['day', 1], ['_id', 1]]), q)).toBe(true)
  })

  it('serves the sort read backwards, but not with one direction flipped', () => {
    expect(serves(idx([['teamId', 1], ['status', 1], ['day', -1], ['_id', -1]]), q)).toBe(true)
    expect(serves(idx([['teamId', 1], ['status', 1], ['day', -1], ['_id', 1]]), q)).toBe(false)
  })

  it('refuses an index missing an equality field, or with the sort out of place', () => {
    expect(serves(idx([['teamId', 1], ['day', 1], ['_id', 1]]), q)).toBe(false)
    expect(serves(idx([['teamId', 1], ['day', 1], ['status', 1], ['_id', 1]]), q)).toBe(false)
    expect(serves({ ...idx([['teamId', 1], ['status', 1], ['day', 1], ['_id', 1]]), collection: 'rollups' }, q)).toBe(false)
  })

  it('needs every range field in the index after the equality fields, unless the index names it residual', () => {
    const r = shapeOf('items', 'find', { teamId: 't', day: { $gte: 'a' }, status: { $ne: 'x' } }, { day: 1, _id: 1 })
    expect(serves(idx([['teamId', 1], ['day', 1], ['_id', 1]]), r)).toBe(false)
    expect(serves(idx([['teamId', 1], ['day', 1], ['_id', 1]], ['status']), r)).toBe(true)
    expect(serves(idx([['teamId', 1], ['day', 1], ['_id', 1], ['status', 1]]), r)).toBe(true)
  })

  it('lets residual equality fields stay out of the prefix (optional filters on a bounded read)', () => {
    const r = shapeOf('items', 'find', { teamId: 't', fn: 'content' }, { at: -1, _id: -1 })
    expect(serves(idx([['teamId', 1], ['at', -1], ['_id', -1]]), r)).toBe(false)
    expect(serves(idx([['teamId', 1], ['at', -1], ['_id', -1]], ['fn']), r)).toBe(true)
  })

  it('refuses an index that neither narrows nor orders the read', () => {
    expect(serves(idx([['day', 1]], ['status']), shapeOf('items', 'find', { status: { $ne: 'x' } }))).toBe(false)
  })
})

describe('indexFor', () => {
  it('serves reads by _id, and paging by _id, with the built-in index', () => {
    expect(indexFor(shapeOf('items', 'find', { _id: 'x' }))).toBe('id')
    expect(indexFor(shapeOf('items', 'find', { _id: { $in: ['a'] }, teamId: 't' }))).toBe('id')
    expect(indexFor(shapeOf('teams', 'find', { _id: { $gt: 'a' } }, { _id: 1 }))).toBe('id')
  })

  it('finds no index for a whole-collection read the manifest does not declare', () => {
    expect(indexFor(shapeOf('items', 'find', {}))).toBeUndefined()
    expect(indexFor(shapeOf('items', 'find', { tags: 'x' }))).toBeUndefined()
  })

  it('allows a declared scan only over the fields it names', () => {
    expect(indexFor(shapeOf('teams', 'find', { firstsFilledAt: { $exists: false }, _id: { $gt: 'a' } }, { _id: 1 }))).toMatchObject({ collection: 'teams' })
    expect(indexFor(shapeOf('teams', 'find', { name: 'x' }))).toBeUndefined()
  })
})

describe('the index manifest', () => {
  it('names only registered collections, each index once', () => {
    for (const i of [...INDEXES, ...SCANS]) expect(COLLECTION_NAMES).toContain(i.collection)
    const keys = INDEXES.map((i) => `${i.collection}:${JSON.stringify(i.fields)}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('says why each index exists', () => {
    for (const i of [...INDEXES, ...SCANS]) expect(i.why.length).toBeGreaterThan(10)
  })

  it('prints a shape as one line', () => {
    expect(shapeText(shapeOf('items', 'find', { teamId: 't', day: { $gt: 'a' } }, { day: -1 }))).toBe('items find eq[teamId] range[day] sort[day↓]')
  })
})
