/** The local database, driven through the REAL wx-server-sdk exactly as cloud functions use it. */
import { Store } from './store'
import { installLocalCloud, uninstallLocalCloud } from './cloud'
import os from 'os'
import path from 'path'

/* eslint-disable @typescript-eslint/no-explicit-any */
let store: Store
let db: any
let _: any
const NOW = new Date('2025-03-01T08:00:00.000Z')

beforeAll(() => {
  store = new Store(':memory:')
  installLocalCloud({ store, filesDir: path.join(os.tmpdir(), 'emu-db-test-files'), now: () => NOW })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  db = cloud.database()
  _ = db.command
})
afterAll(() => {
  uninstallLocalCloud()
  store.close()
})

async function fill(coll: string, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const data = Array.from({ length: n }, (_x, i) => ({ i, teamId: i % 2 ? 'odd' : 'even', ...extra(i) }))
  // add() of an array is one insertDocument request
  for (let k = 0; k < data.length; k += 500) await db.collection(coll).add({ data: data.slice(k, k + 500) })
}

describe('add / get / where', () => {
  it('adds a document with a generated 32-hex _id and reads it back with types intact', async () => {
    const res = await db.collection('items').add({ data: { name: 'Alpha', n: 1.5, at: new Date(5), tags: ['a', 'b'], nested: { x: 1 } } })
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db.collection('items').doc(res._id).get()
    expect(got.data).toEqual({ _id: res._id, name: 'Alpha', n: 1.5, at: new Date(5), tags: ['a', 'b'], nested: { x: 1 } })
    expect(got.data.at).toBeInstanceOf(Date)
  })

  it('honours a given _id and rejects a duplicate', async () => {
    await db.collection('items').add({ data: { _id: 'fixed', name: 'Beta', n: 2 } })
    await expect(db.collection('items').add({ data: { _id: 'fixed', name: 'Again' } })).rejects.toThrow(/E11000 duplicate key/)
  })

  it('filters with _.gte, _.in, _.and, _.or and regular expressions', async () => {
    await db.collection('people').add({
      data: [
        { _id: 'p1', name: 'Wang Min', age: 30, dept: 'marketing' },
        { _id: 'p2', name: 'Li Na', age: 25, dept: 'marketing' },
        { _id: 'p3', name: 'zhou hang', age: 41, dept: 'tech' },
        { _id: 'p4', name: 'Zhao Qiang', age: 35, dept: 'sales' },
      ],
    })
    const ids = (r: { data: { _id: string }[] }) => r.data.map((d) => d._id).sort()
    expect(ids(await db.collection('people').where({ age: _.gte(30) }).get())).toEqual(['p1', 'p3', 'p4'])
    expect(ids(await db.collection('people').where({ dept: _.in(['tech', 'sales']) }).get())).toEqual(['p3', 'p4'])
    expect(ids(await db.collection('people').where({ age: _.gt(20).and(_.lt(31)) }).get())).toEqual(['p1', 'p2'])
    expect(ids(await db.collection('people').where(_.and([{ dept: 'marketing' }, { age: _.lt(28) }])).get())).toEqual(['p2'])
    expect(ids(await db.collection('people').where(_.or([{ dept: 'tech' }, { age: 25 }])).get())).toEqual(['p2', 'p3'])
    expect(ids(await db.collection('people').where({ name: db.RegExp({ regexp: '^zh', options: 'i' }) }).get())).toEqual(['p3', 'p4'])
    expect(ids(await db.collection('people').where({ name: /na$/i }).get())).toEqual(['p2'])
  })

  it('orders, skips, limits and projects', async () => {
    const res = await db.collection('people').orderBy('age', 'desc').skip(1).limit(2).field({ name: true }).get()
    expect(res.data).toEqual([
      { _id: 'p4', name: 'Zhao Qiang' },
      { _id: 'p1', name: 'Wang Min' },
    ])
    const two = await db.collection('people').orderBy('dept', 'asc').orderBy('age', 'asc').get()
    expect(two.data.map((d: any) => d._id)).toEqual(['p2', 'p1', 'p4', 'p3'])
  })

  it('returns 100 documents when limit() is not called, and never more than 1000', async () => {
    await fill('many', 1200)
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').where({ teamId: 'odd' }).limit(1000).get()).data).toHaveLength(600)
    expect((await db.collection('many').skip(1150).limit(100).get()).data.map((d: any) => d.i)).toEqual(
      Array.from({ length: 50 }, (_x, k) => 1150 + k),
    )
  })

  it('counts without the query limit', async () => {
    expect((await db.collection('many').count()).total).toBe(1200)
    expect((await db.collection('many').where({ teamId: 'even', i: _.lt(100) }).count()).total).toBe(50)
  })

  it('doc(id).get() of a missing document fails the way the real SDK does', async () => {
    const err = await db.collection('items').doc('nope').get().catch((e: any) => e)
    expect(err).toBeInstanceOf(Error)
    expect(err.message).toBe('document.get:fail document with _id nope does not exist')
  })

  it('reading a collection that does not exist fails with DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const err = await db.collection('never_created').where({ a: 1 }).get().catch((e: any) => e)
    expect(err.errCode).toBe(-502005)
    expect(err.message).toMatch(/collection\.get:fail -502005/)
    await db.createCollection('made_empty')
    expect((await db.collection('made_empty').get()).data).toEqual([])
  })
})

describe('update / set / remove', () => {
  it('applies _.inc, _.push, _.set, _.remove and nested dot paths', async () => {
    const { _id } = await db.collection('docs').add({ data: { n: 1, arr: [1], meta: { a: 1, b: 2 }, gone: true, obj: { keep: 1 } } })
    const res = await db.collection('docs').doc(_id).update({
      data: { n: _.inc(2), arr: _.push([2, 3]), 'meta.b': 20, meta2: { deep: 1 }, gone: _.remove(), obj: _.set({ only: 1 }) },
    })
    expect(res.stats.updated).toBe(1)
    const { data } = await db.collection('docs').doc(_id).get()
    expect(data).toEqual({ _id, n: 3, arr: [1, 2, 3], meta: { a: 1, b: 20 }, meta2: { deep: 1 }, obj: { only: 1 } })
  })

  it('merges nested objects given without _.set (CloudBase flattens them)', async () => {
    const { _id } = await db.collection('docs').add({ data: { meta: { a: 1, b: 2 } } })
    await db.collection('docs').doc(_id).update({ data: { meta: { b: 3 } } })
    expect((await db.collection('docs').doc(_id).get()).data.meta).toEqual({ a: 1, b: 3 })
  })

  it('set() replaces the whole document and creates it when missing', async () => {
    const { _id } = await db.collection('docs').add({ data: { a: 1, b: 2 } })
    const replaced = await db.collection('docs').doc(_id).set({ data: { c: 3 } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection('docs').doc(_id).get()).data).toEqual({ _id, c: 3 })
    const created = await db.collection('docs').doc('brand-new').set({ data: { d: 4 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    expect((await db.collection('docs').doc('brand-new').get()).data).toEqual({ _id: 'brand-new', d: 4 })
  })

  it('where().update() updates every match; doc().update() of a missing doc updates nothing', async () => {
    await db.collection('flags').add({ data: [{ g: 1 }, { g: 1 }, { g: 2 }] })
    const res = await db.collection('flags').where({ g: 1 }).update({ data: { seen: true } })
    expect(res.stats.updated).toBe(2)
    expect((await db.collection('flags').where({ seen: true }).count()).total).toBe(2)
    const none = await db.collection('flags').doc('missing').update({ data: { seen: true } })
    expect(none.stats.updated).toBe(0)
  })

  it('remove() by doc and by query', async () => {
    const { _id } = await db.collection('trash').add({ data: { k: 1 } })
    await db.collection('trash').add({ data: [{ k: 2 }, { k: 2 }, { k: 3 }] })
    expect((await db.collection('trash').doc(_id).remove()).stats.removed).toBe(1)
    expect((await db.collection('trash').where({ k: 2 }).remove()).stats.removed).toBe(2)
    expect((await db.collection('trash').get()).data.map((d: any) => d.k)).toEqual([3])
  })

  it('replaces db.serverDate() (with offset) by the server clock, in data and in queries', async () => {
    const { _id } = await db.collection('stamps').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('stamps').doc(_id).get()
    expect(data.at).toEqual(NOW)
    expect(data.later).toEqual(new Date(NOW.getTime() + 60_000))
    await db.collection('stamps').doc(_id).update({ data: { touched: db.serverDate() } })
    expect((await db.collection('stamps').doc(_id).get()).data.touched).toEqual(NOW)
    expect((await db.collection('stamps').where({ later: _.gt(db.serverDate()) }).count()).total).toBe(1)
  })

  it('a multi-document update is atomic: when one document cannot be updated, none is', async () => {
    await db.collection('atomic').add({ data: [{ g: 1, n: 1 }, { g: 1, n: 2 }, { g: 1, n: 'text' }, { g: 1, n: 4 }] })
    const err = await db.collection('atomic').where({ g: 1 }).update({ data: { n: _.inc(1) } }).catch((e: any) => e)
    expect(err).toBeInstanceOf(Error)
    const ns = (await db.collection('atomic').get()).data.map((d: any) => d.n)
    expect(ns).toEqual([1, 2, 'text', 4])
  })

  it('a batch add is atomic: a duplicate _id in the batch inserts nothing', async () => {
    await db.collection('batch').add({ data: { _id: 'taken' } })
    await expect(db.collection('batch').add({ data: [{ _id: 'free1' }, { _id: 'taken' }, { _id: 'free2' }] })).rejects.toThrow(/duplicate/)
    expect((await db.collection('batch').count()).total).toBe(1)
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await db.collection('sales').add({
      data: [
        { _id: 's1', team: 't1', rep: 'r1', amount: 10, day: '2025-03-01' },
        { _id: 's2', team: 't1', rep: 'r2', amount: 30, day: '2025-03-01' },
        { _id: 's3', team: 't1', rep: 'r1', amount: 5, day: '2025-03-02' },
        { _id: 's4', team: 't2', rep: 'r3', amount: 100, day: '2025-03-01' },
      ],
    })
    await db.collection('reps').add({ data: [{ _id: 'r1', name: 'Li' }, { _id: 'r2', name: 'Zhou' }] })
  })

  it('$match / $group / $sort / $project', async () => {
    const $ = db.command.aggregate
    const res = await db
      .collection('sales')
      .aggregate()
      .match({ team: 't1' })
      .group({ _id: '$rep', total: $.sum('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, rep: '$_id', total: 1, n: 1 })
      .end()
    expect(res.list).toEqual([
      { total: 30, n: 1, rep: 'r2' },
      { total: 15, n: 2, rep: 'r1' },
    ])
  })

  it('$lookup joins another collection', async () => {
    const res = await db
      .collection('sales')
      .aggregate()
      .match({ _id: db.command.in(['s1', 's2']) })
      .lookup({ from: 'reps', localField: 'rep', foreignField: '_id', as: 'repInfo' })
      .project({ rep: 1, name: db.command.aggregate.arrayElemAt(['$repInfo.name', 0]) })
      .sort({ _id: 1 })
      .end()
    expect(res.list).toEqual([
      { _id: 's1', rep: 'r1', name: 'Li' },
      { _id: 's2', rep: 'r2', name: 'Zhou' },
    ])
  })

  it('returns 20 results when the pipeline has no limit stage, as CloudBase does', async () => {
    await fill('aggmany', 50)
    expect((await db.collection('aggmany').aggregate().match({}).end()).list).toHaveLength(20)
    expect((await db.collection('aggmany').aggregate().match({}).limit(50).end()).list).toHaveLength(50)
  })
})

describe('cost counters', () => {
  it('counts requests and documents read', async () => {
    store.resetStats()
    await db.collection('people').where({ dept: 'marketing' }).get()
    await db.collection('people').doc('p1').get()
    await db.collection('people').count()
    const s = store.stats()
    expect(s.requests).toBe(3)
    expect(s.docsRead).toBe(3)
  })
})
