/** Optimistic transactions behind db.runTransaction / db.startTransaction of the REAL SDK. */
import os from 'os'
import path from 'path'
import { Store } from './store'
import { installLocalCloud, uninstallLocalCloud } from './cloud'

/* eslint-disable @typescript-eslint/no-explicit-any */
let store: Store
let db: any
let _: any

beforeAll(() => {
  store = new Store(':memory:')
  installLocalCloud({ store, filesDir: path.join(os.tmpdir(), 'emu-tx-test-files') })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  db = cloud.database()
  _ = db.command
})
afterAll(() => {
  uninstallLocalCloud()
  store.close()
})

const count = async (coll: string) => (await db.collection(coll).count()).total

describe('runTransaction', () => {
  it('commits reads and writes together and returns the callback result', async () => {
    await db.collection('accounts').add({ data: [{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }] })
    const out = await db.runTransaction(async (tx: any) => {
      const a = (await tx.collection('accounts').doc('a').get()).data
      await tx.collection('accounts').doc('a').update({ data: { balance: a.balance - 30 } })
      await tx.collection('accounts').doc('b').update({ data: { balance: _.inc(30) } })
      await tx.collection('ledger').add({ data: { from: 'a', to: 'b', amount: 30 } })
      // Reads inside see the transaction's own writes…
      expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(70)
      // …while others still see the committed state.
      expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(100)
      return 'moved'
    })
    expect(out).toBe('moved')
    expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(70)
    expect((await db.collection('accounts').doc('b').get()).data.balance).toBe(30)
    expect(await count('ledger')).toBe(1)
  })

  it('discards everything when the callback throws', async () => {
    const err = await db
      .runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('a').update({ data: { balance: 0 } })
        await tx.collection('ledger').add({ data: { note: 'never' } })
        throw new Error('insufficient funds')
      })
      .catch((e: any) => e)
    expect(err.message).toBe('insufficient funds')
    expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(70)
    expect(await count('ledger')).toBe(1)
  })

  it('discards everything on transaction.rollback(reason) and rejects with the reason', async () => {
    const err = await db
      .runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('b').update({ data: { balance: 999 } })
        await tx.rollback('changed my mind')
      })
      .catch((e: any) => e)
    expect(err).toBe('changed my mind')
    expect((await db.collection('accounts').doc('b').get()).data.balance).toBe(30)
  })

  it('startTransaction: set, remove and commit by hand; doc get of a missing doc fails like outside', async () => {
    const tx = await db.startTransaction()
    await tx.collection('accounts').doc('c').set({ data: { balance: 5 } })
    await tx.collection('accounts').doc('b').remove()
    await expect(tx.collection('accounts').doc('zzz').get()).rejects.toThrow('document.get:fail document with _id zzz does not exist')
    expect(await count('accounts')).toBe(2)
    await tx.commit()
    expect((await db.collection('accounts').get()).data.map((d: any) => d._id).sort()).toEqual(['a', 'c'])
  })

  it('startTransaction + rollback leaves no trace', async () => {
    const tx = await db.startTransaction()
    await tx.collection('accounts').doc('a').update({ data: { balance: 1 } })
    await tx.rollback()
    expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(70)
  })

  it('a commit fails with DATABASE_TRANSACTION_CONFLICT when a document it read changed meanwhile', async () => {
    const tx = await db.startTransaction()
    const a = (await tx.collection('accounts').doc('a').get()).data
    await db.collection('accounts').doc('a').update({ data: { balance: _.inc(1) } }) // someone else
    await tx.collection('accounts').doc('a').update({ data: { balance: a.balance + 100 } })
    const err = await tx.commit().catch((e: any) => e)
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(71)
  })

  it('two transactions inserting the same _id: only one commits', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1.collection('uniq').add({ data: { _id: 'k', by: 1 } })
    await t2.collection('uniq').add({ data: { _id: 'k', by: 2 } })
    await t1.commit()
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect((await db.collection('uniq').doc('k').get()).data.by).toBe(1)
  })

  it('concurrent increments: the final value equals the number of successful commits', async () => {
    await db.collection('counters').add({ data: { _id: 'hits', n: 0 } })
    const N = 40
    const results = await Promise.allSettled(
      Array.from({ length: N }, async (_x, i) => {
        await new Promise((r) => setTimeout(r, i % 5))
        return db.runTransaction(async (tx: any) => {
          const cur = (await tx.collection('counters').doc('hits').get()).data.n
          await new Promise((r) => setImmediate(r)) // let the others interleave between read and write
          await tx.collection('counters').doc('hits').update({ data: { n: cur + 1 } })
        })
      }),
    )
    const ok = results.filter((r) => r.status === 'fulfilled').length
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    const final = (await db.collection('counters').doc('hits').get()).data.n
    expect(ok).toBeLessThan(N) // there was real contention
    expect(final).toBe(ok)
    expect(ok).toBeGreaterThan(0)
    // The SDK retries conflicts 3 times, then surfaces the conflict.
    for (const f of failed) expect(f.reason.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  })
})
