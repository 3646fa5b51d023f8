/** The HTTP face of the local cloud, over real sockets (startEmulator, as the CLI and benchmarks use it). */
import fs from 'fs'
import os from 'os'
import path from 'path'
import http from 'http'
import { Socket } from 'net'
import { startEmulator, type Emulator } from './main'
import { signToken } from './token'
import { createServer } from './server'

/* eslint-disable @typescript-eslint/no-explicit-any */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-server-'))
const staticDir = path.join(tmp, 'h5')
let emu: Emulator

beforeAll(async () => {
  fs.mkdirSync(path.join(staticDir, 'js'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Channels Ops</title>')
  fs.writeFileSync(path.join(staticDir, 'js', 'app.1a2b3c4d5e.js'), 'console.log("app");'.repeat(200))
  emu = await startEmulator({
    dataDir: path.join(tmp, 'data'),
    staticDir,
    functionsDir: path.join(__dirname, '__fixtures__/functions'),
  })
})
afterAll(async () => {
  await emu.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function req(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(p, emu.url), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json, text, headers: res.headers }
}

const call = (fn: string, body: unknown, token?: string) =>
  req('POST', `/api/fn/${fn}`, body, token ? { authorization: `Bearer ${token}` } : {})

describe('sessions and identity', () => {
  it('prints a loopback URL and stores the secret in the data folder', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(fs.readFileSync(path.join(tmp, 'data', 'secret'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
  })

  it('calls a function as the token’s user; without a valid token the caller has no OPENID', async () => {
    const { json: session } = await req('POST', '/api/session', { openid: 'demo_operator_li' })
    expect(session.openid).toBe('demo_operator_li')
    expect((await call('echo', { action: 'whoami' }, session.token)).json).toEqual({
      ok: true,
      data: { openid: 'demo_operator_li', again: 'demo_operator_li' },
    })
    expect((await call('echo', { action: 'whoami' })).json.data.openid).toBe('')
    const forged = session.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))
    expect((await call('echo', { action: 'whoami' }, forged)).json.data.openid).toBe('')
    const otherSecret = signToken('demo_operator_li', 'not-the-secret')
    expect((await call('echo', { action: 'whoami' }, otherSecret)).json.data.openid).toBe('')
    const expired = signToken('demo_operator_li', emu.server.secret, new Date(Date.now() - 31 * 24 * 3600 * 1000))
    expect((await call('echo', { action: 'whoami' }, expired)).json.data.openid).toBe('')
  })

  it('keeps identities apart under concurrent HTTP requests', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 30 }, async (_x, i) => (await req('POST', '/api/session', { openid: `member_${i}` })).json.token),
    )
    const results = await Promise.all(tokens.map((t, i) => call('echo', { action: 'whoami', data: { delay: i % 7 } }, t)))
    results.forEach((r, i) => expect(r.json.data).toEqual({ openid: `member_${i}`, again: `member_${i}` }))
  })

  it('validates the openid and makes fresh users on /api/session/new', async () => {
    expect((await req('POST', '/api/session', { openid: 'x' })).status).toBe(400)
    expect((await req('POST', '/api/session', { openid: 'has space!' })).status).toBe(400)
    const a = (await req('POST', '/api/session/new', {})).json
    const b = (await req('POST', '/api/session/new', {})).json
    expect(a.openid).toMatch(/^local_[0-9a-f]+$/)
    expect(a.openid).not.toBe(b.openid)
    expect((await call('echo', { action: 'whoami' }, a.token)).json.data.openid).toBe(a.openid)
  })

  it('refuses session minting from a non-loopback client', async () => {
    const res = await fakeRequest(emu.server.handle, 'POST', '/api/session', { openid: 'demo_admin_x' }, '192.168.1.20')
    expect(res.status).toBe(403)
    expect(res.json.error.code).toBe('FORBIDDEN')
    expect((await fakeRequest(emu.server.handle, 'GET', '/api/outbox', undefined, '10.0.0.5')).status).toBe(403)
    expect((await fakeRequest(emu.server.handle, 'GET', '/api/dev/identities', undefined, '10.0.0.5')).status).toBe(403)
  })
})

describe('function calls', () => {
  it('404s an unknown function with a Chinese message', async () => {
    const r = await call('nope', { action: 'x' })
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '云函数不存在：nope' } })
    expect((await call('common', {})).status).toBe(404)
  })

  it('answers INTERNAL without leaking the stack when main throws', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const r = await call('boom', { action: 'x' })
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } })
    expect(r.text).not.toMatch(/secret|stack|\.ts/)
    expect(String(spy.mock.calls[0]?.[1]?.stack)).toMatch(/boom: secret stack detail/)
    spy.mockRestore()
  })

  it('returns main’s answer as is, including error answers', async () => {
    expect((await call('echo', { action: 'unknown' })).json).toEqual({ ok: false, error: { code: 'VALIDATION', message: '未知操作' } })
  })

  it('rejects bodies over 1 MB with 413 and invalid JSON with 400', async () => {
    const big = JSON.stringify({ action: 'whoami', data: { blob: 'x'.repeat(1024 * 1024 + 10) } })
    const r = await call('echo', big)
    expect(r.status).toBe(413)
    expect(r.json.ok).toBe(false)
    const bad = await call('echo', '{not json')
    expect(bad.status).toBe(400)
  })
})

describe('developer endpoints', () => {
  it('lists demo identities from members joined with teams', async () => {
    const { store } = emu
    store.insert('teams', [{ _id: 'team1', name: '品牌中心' }])
    store.insert('members', [
      { openid: 'demo_admin', name: '王敏', roles: ['admin'], teamId: 'team1', status: 'active' },
      { openid: 'demo_gone', name: '离职', roles: ['operator'], teamId: 'team1', status: 'removed' },
    ])
    const r = await req('GET', '/api/dev/identities')
    expect(r.json).toEqual([{ openid: 'demo_admin', name: '王敏', teamName: '品牌中心', roles: ['admin'] }])
  })

  it('shows the outbox newest first', async () => {
    const { json: s } = await req('POST', '/api/session', { openid: 'outbox_user' })
    await call('echo', { action: 'notify' }, s.token)
    const r = await req('GET', '/api/outbox')
    expect(r.json[0]).toMatchObject({ api: 'subscribeMessage.send', fromOpenid: 'outbox_user' })
  })
})

describe('files and static app', () => {
  it('serves stored files under /files/ and refuses traversal', async () => {
    fs.mkdirSync(path.join(tmp, 'data', 'files', 'covers'), { recursive: true })
    fs.writeFileSync(path.join(tmp, 'data', 'files', 'covers', 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const r = await fetch(new URL('/files/covers/a.png', emu.url))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await r.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    fs.writeFileSync(path.join(tmp, 'data', 'outside.txt'), 'TOPSECRET')
    expect((await rawGet('/files/..%2Foutside.txt')).status).toBe(400)
    expect((await rawGet('/files/../outside.txt')).body).not.toContain('TOPSECRET')
  })

  it('serves index.html for / with no-cache, hashed assets as immutable, gzip when accepted', async () => {
    const home = await fetch(emu.url)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(home.headers.get('cache-control')).toBe('no-cache')
    expect(await home.text()).toContain('Channels Ops')
    const js = await rawGet('/js/app.1a2b3c4d5e.js', { 'accept-encoding': 'gzip' })
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['content-encoding']).toBe('gzip')
    expect(js.headers['cache-control']).toContain('immutable')
    expect((await rawGet('/js/missing.js')).status).toBe(404)
    fs.writeFileSync(path.join(tmp, 'outside.txt'), 'TOPSECRET')
    expect((await rawGet('/../outside.txt')).body).not.toContain('TOPSECRET')
    expect((await rawGet('/%2e%2e/outside.txt')).body).not.toContain('TOPSECRET')
    expect((await rawGet('/..%2foutside.txt')).body).not.toContain('TOPSECRET')
  })
})

describe('DNS rebinding and foreign pages', () => {
  const own = () => `127.0.0.1:${emu.port}`

  it('refuses /api/* when the Host header is not a loopback name with our port', async () => {
    const rebound = await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host: `evil.example:${emu.port}`, origin: `http://evil.example:${emu.port}` })
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/主机名/) } })
    expect(rebound.body).not.toMatch(/token/)
    expect((await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host: 'evil.example' })).status).toBe(403)
    expect((await rawRequest('POST', '/api/fn/echo', { action: 'whoami' }, { host: `evil.example:${emu.port}` })).status).toBe(403)
    expect((await rawRequest('GET', '/api/dev/identities', undefined, { host: `evil.example:${emu.port}` })).status).toBe(403)
    expect((await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host: `127.0.0.1:${emu.port + 1}` })).status).toBe(403)
  })

  it('accepts every loopback spelling of our own address', async () => {
    for (const host of [own(), `localhost:${emu.port}`, `LOCALHOST:${emu.port}`, `[::1]:${emu.port}`]) {
      const r = await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host })
      expect({ host, status: r.status }).toEqual({ host, status: 200 })
    }
  })

  it('refuses a foreign Origin on sessions and writes, and accepts our own', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${emu.port}`, 'null', `https://127.0.0.1:${emu.port}`]) {
      const r = await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host: own(), origin })
      expect({ origin, status: r.status, body: JSON.parse(r.body) }).toEqual({
        origin,
        status: 403,
        body: { ok: false, error: { code: 'FORBIDDEN', message: '不允许来自其他网站的请求' } },
      })
      expect((await rawRequest('POST', '/api/session/new', {}, { host: own(), origin })).status).toBe(403)
      expect((await rawRequest('POST', '/api/fn/echo', { action: 'whoami' }, { host: own(), origin })).status).toBe(403)
    }
    expect((await rawRequest('POST', '/api/session', { openid: 'demo_admin_x' }, { host: own(), origin: `http://${own()}` })).status).toBe(200)
    expect((await rawRequest('POST', '/api/fn/echo', { action: 'whoami' }, { host: own(), origin: `http://localhost:${emu.port}` })).status).toBe(200)
  })
})

describe('malformed percent-encoding', () => {
  it.each(['/api/fn/%E0%A4%A', '/api/fn/%', '/files/%E0%A4%A', '/files/%', '/%E0%A4%A'])('answers %s with 400 and the standard error shape', async (p) => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const r = await rawRequest(p.startsWith('/api/') ? 'POST' : 'GET', p, p.startsWith('/api/') ? {} : undefined)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '路径编码不正确' } })
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  })
})

describe('binding', () => {
  it('refuses session minting when bound to a non-loopback interface, even from loopback', async () => {
    // One local cloud per process: a second server shares the first one's store and folder.
    const wide = createServer({ store: emu.store, filesDir: path.join(tmp, 'data', 'files'), functionsDir: path.join(__dirname, '__fixtures__/functions'), host: '0.0.0.0', secret: 's' })
    try {
      const { port } = await wide.listen(0)
      const res = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', body: JSON.stringify({ openid: 'demo_admin_x' }) })
      expect(res.status).toBe(403)
    } finally {
      await wide.close()
    }
  })
})

/** GET without URL normalisation (fetch would resolve ".." itself). */
function rawGet(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port: emu.port, path: p, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    r.on('error', reject)
    r.end()
  })
}

/** Any request with chosen headers (Host included), without URL normalisation. */
function rawRequest(method: string, p: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const all: Record<string, string | number> = { ...headers }
    if (data) Object.assign(all, { 'content-type': 'application/json', 'content-length': data.length })
    const r = http.request({ host: '127.0.0.1', port: emu.port, path: p, method, headers: all, setHost: !headers.host }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    r.on('error', reject)
    r.end(data)
  })
}

/** Drives the request handler with a chosen remote address (a socket we never connect). */
function fakeRequest(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void, method: string, url: string, body: unknown, remoteAddress: string) {
  return new Promise<{ status: number; json: any }>((resolve) => {
    const socket = new Socket()
    Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress })
    const req = new http.IncomingMessage(socket)
    req.method = method
    req.url = url
    req.headers = { 'content-type': 'application/json' }
    const res = new http.ServerResponse(req)
    let status = 0
    const chunks: Buffer[] = []
    res.writeHead = ((code: number) => {
      status = code
      return res
    }) as typeof res.writeHead
    res.end = ((data?: Buffer) => {
      if (data) chunks.push(Buffer.from(data))
      resolve({ status, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') })
      return res
    }) as typeof res.end
    handle(req, res)
    if (body !== undefined) req.push(JSON.stringify(body))
    req.push(null)
  })
}
