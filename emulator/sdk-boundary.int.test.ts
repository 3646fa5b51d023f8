/**
 * The emulator replaces exactly one step of wx-server-sdk: the database requester's send(). If an SDK
 * upgrade moves that step, everything else would silently hit the network — so this fails loudly.
 */
import { EJSON } from 'bson'
import { PINNED_SDK_VERSION, requesterClass, sdkVersion, type DbRequester } from './sdk'

const MOVED = 'wx-server-sdk database boundary moved'

describe('wx-server-sdk database boundary', () => {
  it(`is wx-server-sdk ${PINNED_SDK_VERSION}`, () => {
    const v = sdkVersion()
    if (v !== PINNED_SDK_VERSION) {
      throw new Error(`${MOVED}: wx-server-sdk is ${v}, the emulator is verified against ${PINNED_SDK_VERSION} (see emulator/sdk.ts)`)
    }
  })

  it('has TcbDBApiHttpRequester.prototype.send where we patch it', () => {
    let proto: DbRequester
    try {
      proto = requesterClass().prototype
    } catch (e) {
      throw new Error(`${MOVED}: ${(e as Error).message}`)
    }
    expect(typeof proto.send).toBe('function')
  })

  it('sends a where/orderBy/limit query as database.getDocument with an EJSON query', async () => {
    const proto = requesterClass().prototype
    const original = proto.send
    const seen: { api: string; data: Record<string, unknown> | undefined }[] = []
    proto.send = async function (api: string, data?: Record<string, unknown>) {
      seen.push({ api, data })
      return { requestId: 'r1', data: { list: [EJSON.stringify({ _id: 'a', n: 1 }, { relaxed: false })] } }
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const cloud = require('wx-server-sdk')
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
      const db = cloud.database()
      const _ = db.command
      const res = await db.collection('items').where({ teamId: 't1', n: _.gte(1) }).orderBy('n', 'desc').limit(50).get()
      await db.collection('items').get()
      const doc = await db.collection('items').doc('a').get()

      const problems: string[] = []
      if (seen.length !== 3) problems.push(`expected 3 requests, saw ${seen.length}: ${seen.map((s) => s.api).join(', ')}`)
      const [q, p, d] = seen
      if (q?.api !== 'database.getDocument') problems.push(`query sent as ${q?.api}`)
      if (typeof q?.data?.query !== 'string') problems.push('query is not an EJSON string')
      else {
        const parsed = EJSON.parse(q.data.query as string)
        if (JSON.stringify(parsed) !== JSON.stringify({ teamId: 't1', n: { $gte: 1 } })) problems.push(`query is ${q.data.query}`)
      }
      if (q?.data?.order !== '{"n":{"$numberInt":"-1"}}') problems.push(`order is ${String(q?.data?.order)}`)
      if (q?.data?.limit !== 50) problems.push(`limit is ${String(q?.data?.limit)}`)
      if (q?.data?.collectionName !== 'items') problems.push('collectionName missing')
      if (p?.data?.limit !== 100) problems.push(`default limit is ${String(p?.data?.limit)}, expected 100`)
      if (d?.data?.queryType !== 'DOC' || d?.data?.query !== '{"_id":"a"}') problems.push('doc(id).get() changed shape')
      if (JSON.stringify(res.data) !== JSON.stringify([{ _id: 'a', n: 1 }])) problems.push('answer shape { data: { list: [EJSON] } } no longer read')
      if (doc.data?._id !== 'a') problems.push('doc().get() answer no longer read')
      if (problems.length) throw new Error(`${MOVED}:\n- ${problems.join('\n- ')}`)
    } finally {
      proto.send = original
    }
  })
})
