/** Identity, storage, openapi outbox, callFunction, function hosting and timer triggers. */
import fs from 'fs'
import os from 'os'
import path from 'path'
import { Store } from './store'
import { installLocalCloud, readOutbox, runWithIdentity, uninstallLocalCloud } from './cloud'
import { FunctionHost } from './functions'
import { parseCron } from './cron'

/* eslint-disable @typescript-eslint/no-explicit-any */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cloud-'))
const filesDir = path.join(tmp, 'files')
let store: Store
let cloud: any
let host: FunctionHost

beforeAll(() => {
  store = new Store(':memory:')
  installLocalCloud({ store, filesDir })
  cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  host = new FunctionHost({ functionsDir: path.join(__dirname, '__fixtures__/functions') })
})
afterAll(() => {
  host.stopTimers()
  uninstallLocalCloud()
  store.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('getWXContext', () => {
  it('is empty outside any request', () => {
    expect(cloud.getWXContext().OPENID).toBe('')
  })

  it('answers the identity of the current request only, across 100 interleaved invocations', async () => {
    const calls = Array.from({ length: 100 }, (_x, i) =>
      host.invoke('echo', { action: 'whoami', data: { delay: (i * 7) % 13 } }, `user_${i}`),
    )
    const results = (await Promise.all(calls)) as any[]
    results.forEach((r, i) => {
      expect(r.data.openid).toBe(`user_${i}`)
      expect(r.data.again).toBe(`user_${i}`)
    })
    expect(cloud.getWXContext().OPENID).toBe('')
  })

  it('runWithIdentity scopes APPID/UNIONID as well', () => {
    const ctx = runWithIdentity({ OPENID: 'o1', APPID: 'wxapp', UNIONID: 'u1' }, () => cloud.getWXContext())
    expect(ctx).toMatchObject({ OPENID: 'o1', APPID: 'wxapp', UNIONID: 'u1' })
  })
})

describe('functions', () => {
  it('discovers function folders with index.ts, skipping common', () => {
    expect(host.list()).toEqual(['boom', 'echo'])
  })

  it('invoke returns main’s result as JSON and the function writes through the local database', async () => {
    const r = (await host.invoke('echo', { action: 'add', data: { text: 'hi' } }, 'writer_1')) as any
    const doc = (await cloud.database().collection('notes').doc(r.data.id).get()).data
    expect(doc).toMatchObject({ text: 'hi', owner: 'writer_1' })
    expect(doc.at).toBeInstanceOf(Date)
  })

  it('cloud.callFunction runs the target locally as the same caller', async () => {
    const r = (await host.invoke('echo', { action: 'call' }, 'caller_9')) as any
    expect(r.data).toEqual({ ok: true, data: { openid: 'caller_9', again: 'caller_9' } })
  })

  it('propagates exceptions thrown by main', async () => {
    await expect(host.invoke('boom', {}, 'x')).rejects.toThrow('boom: secret stack detail')
  })

  it('reads timer triggers from config.json and fires them without a user', async () => {
    const [t] = host.triggers()
    expect(t).toMatchObject({ fn: 'echo', name: 'every2s', config: '*/2 * * * * * *' })
    await host.runTimer(t)
    const ticks = (await cloud.database().collection('ticks').get()).data
    expect(ticks).toEqual([expect.objectContaining({ trigger: 'every2s', openid: '' })])
  })

  it('startTimers fires on schedule and stopTimers stops it', async () => {
    const before = (await cloud.database().collection('ticks').count()).total
    host.startTimers()
    await new Promise((r) => setTimeout(r, 2300))
    host.stopTimers()
    const after = (await cloud.database().collection('ticks').count()).total
    expect(after - before).toBeGreaterThanOrEqual(1)
    await new Promise((r) => setTimeout(r, 2100))
    expect((await cloud.database().collection('ticks').count()).total).toBe(after)
  })
})

describe('cron (7 fields, Beijing time)', () => {
  it('matches "0 0 2 * * * *" at 02:00:00 Beijing = 18:00:00 UTC', () => {
    const c = parseCron('0 0 2 * * * *')
    expect(c.matches(new Date('2025-03-01T18:00:00Z'))).toBe(true)
    expect(c.matches(new Date('2025-03-01T18:00:01Z'))).toBe(false)
    expect(c.next(new Date('2025-03-01T18:00:00Z'))).toEqual(new Date('2025-03-02T18:00:00Z'))
  })

  it('handles steps, ranges, lists, names and the year field', () => {
    const c = parseCron('0 */15 9-18 * * MON-FRI 2025')
    expect(c.next(new Date('2025-03-01T00:00:00Z'))).toEqual(new Date('2025-03-03T01:00:00Z')) // Mon 09:00 +08
    expect(c.matches(new Date('2025-03-03T02:45:00Z'))).toBe(true) // 10:45
    expect(c.matches(new Date('2025-03-03T02:50:00Z'))).toBe(false)
    expect(c.next(new Date('2025-12-31T12:00:00Z'))).toBeUndefined()
    const monthly = parseCron('30 0 8 1,15 JAN,JUL * *')
    expect(monthly.next(new Date('2025-03-01T00:00:00Z'))).toEqual(new Date('2025-07-01T00:00:30Z'))
  })

  it('rejects malformed expressions', () => {
    expect(() => parseCron('0 0 2 * * *')).toThrow(/7 fields/)
    expect(() => parseCron('0 0 25 * * * *')).toThrow(/bad cron/)
  })
})

describe('storage', () => {
  it('uploads, resolves a temp URL, downloads and deletes', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'reports/2025/march.csv', fileContent: Buffer.from('a,b\n1,2\n') })
    expect(up.fileID).toBe('cloud://local/reports/2025/march.csv')
    expect(fs.readFileSync(path.join(filesDir, 'reports/2025/march.csv'), 'utf8')).toBe('a,b\n1,2\n')
    const urls = await cloud.getTempFileURL({ fileList: [up.fileID] })
    expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, tempFileURL: '/files/reports/2025/march.csv', status: 0 })
    const down = await cloud.downloadFile({ fileID: up.fileID })
    expect(down.fileContent.toString()).toBe('a,b\n1,2\n')
    const del = await cloud.deleteFile({ fileList: [up.fileID] })
    expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
    expect(fs.existsSync(path.join(filesDir, 'reports/2025/march.csv'))).toBe(false)
    await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toThrow(/STORAGE_FILE_NONEXIST/)
  })

  it('rejects path traversal', async () => {
    for (const cloudPath of ['../escape.txt', 'a/../../escape.txt', '/etc/passwd', 'a//b', 'a\\..\\b']) {
      await expect(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toThrow(/invalid cloudPath/)
    }
    await expect(cloud.downloadFile({ fileID: 'cloud://local/../secret' })).rejects.toThrow()
    expect(fs.existsSync(path.join(tmp, 'escape.txt'))).toBe(false)
  })
})

describe('openapi outbox', () => {
  it('subscribeMessage.send lands in the outbox (persisted, newest first)', async () => {
    const r = (await host.invoke('echo', { action: 'notify' }, 'notified_1')) as any
    expect(r.data.errCode).toBe(0)
    await runWithIdentity({ OPENID: 'notified_2' }, () => cloud.openapi.subscribeMessage.send({ touser: 'someone', templateId: 't2', data: {} }))
    const box = readOutbox()
    expect(box[0]).toMatchObject({ api: 'subscribeMessage.send', fromOpenid: 'notified_2', params: { templateId: 't2' } })
    expect(box[1]).toMatchObject({ fromOpenid: 'notified_1', params: { touser: 'notified_1', templateId: 'tpl' } })
    expect(store.find('_outbox', {})).toHaveLength(2)
  })

  it('other openapi calls fail loudly', async () => {
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'x' })).rejects.toThrow(/not available in the local cloud/)
  })
})
