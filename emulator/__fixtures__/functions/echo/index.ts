/** Test fixture: a cloud function exercising identity, database, callFunction and openapi. */
import cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

interface Event {
  action?: string
  data?: Record<string, unknown>
  Type?: string
  TriggerName?: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function main(event: Event) {
  const { OPENID } = cloud.getWXContext()
  const db = cloud.database()
  switch (event.action) {
    case 'whoami': {
      // Yield to other requests before and after, so concurrent calls interleave.
      await sleep(Number(event.data?.delay ?? 0))
      const again = cloud.getWXContext().OPENID
      return { ok: true, data: { openid: OPENID, again } }
    }
    case 'add': {
      const res = (await db.collection('notes').add({ data: { text: event.data?.text, owner: OPENID, at: db.serverDate() } })) as { _id: string }
      return { ok: true, data: { id: res._id } }
    }
    case 'call': {
      const res = (await cloud.callFunction({ name: 'echo', data: { action: 'whoami' } })) as { result: unknown }
      return { ok: true, data: res.result }
    }
    case 'notify': {
      const res = await cloud.openapi.subscribeMessage.send({ touser: OPENID, templateId: 'tpl', data: { thing1: { value: 'hi' } } })
      return { ok: true, data: res }
    }
    case 'throw':
      throw new Error('secret internal detail')
    default:
      if (event.Type === 'Timer') {
        await db.collection('ticks').add({ data: { trigger: event.TriggerName, openid: OPENID } })
        return { ok: true }
      }
      return { ok: false, error: { code: 'VALIDATION', message: '未知操作' } }
  }
}
