/**
 * The local cloud's HTTP face (node:http): `POST /api/fn/<name>` runs a cloud function as the session's
 * user, a few loopback-only developer endpoints, stored files, and the built H5 app.
 */
import http from 'http'
import { randomBytes } from 'crypto'
import type { AddressInfo } from 'net'
import { filePathOf, installLocalCloud, readOutbox } from './cloud'
import { indexFor, shapeText, type QueryShape } from './query-shapes'
import { FunctionHost, FunctionNotFoundError } from './functions'
import { Admission } from './admission'
import { checkApiRequest, decodePathPart, HttpError } from './guard'
import { sendFile, serveStatic } from './static'
import { OPENID_PATTERN, signToken, verifyToken } from './token'
import type { Store } from './store'
import { MEMBERS, TEAMS } from '../cloudfunctions/common/db/collections'

export interface ServerOptions {
  store: Store
  filesDir: string
  functionsDir: string
  staticDir?: string
  /** Interface to bind; 127.0.0.1 unless said otherwise. */
  host?: string
  secret: string
  now?: () => Date
}

export interface LocalServer {
  listen(port?: number): Promise<{ url: string; port: number }>
  close(): Promise<void>
  invoke(name: string, event: unknown, openid?: string): Promise<unknown>
  /** The request handler, for tests that need to fake a remote address. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void
  functions: FunctionHost
  store: Store
  secret: string
}

export const MAX_BODY_BYTES = 1024 * 1024

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}
export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false
  return addr === '::1' || /^127\./.test(addr) || /^::ffff:127\./.test(addr)
}

/** Requests handled at once; the rest wait their turn (see admission.ts). */
export const MAX_IN_FLIGHT = 16
/** Longer than a person's pause between taps, so a kept-alive connection is rarely closed under a client. */
const KEEP_ALIVE_MS = 65_000
/** How long a stopping server waits for requests in flight before cutting connections. */
const DRAIN_MS = 30_000

/** A timer trigger's event; only the scheduler may deliver one. */
const isTimerEvent = (body: unknown) => typeof body === 'object' && body !== null && (body as { Type?: unknown }).Type === 'Timer'

/** Warns once per query shape that no index of the manifest serves (in the cloud it would scan a collection). */
function warnUnindexed(): (shape: QueryShape) => void {
  const warned = new Set<string>()
  return (shape) => {
    if (indexFor(shape)) return
    const text = shapeText(shape)
    if (warned.has(text)) return
    warned.add(text)
    console.warn(`[local cloud] no index serves: ${text} (add one to cloudfunctions/common/db/indexes.ts)`)
  }
}

export function createServer(opts: ServerOptions): LocalServer {
  const host = opts.host ?? '127.0.0.1'
  const now = opts.now ?? (() => new Date())
  installLocalCloud({ store: opts.store, filesDir: opts.filesDir, now, onQuery: warnUnindexed() })
  const functions = new FunctionHost({ functionsDir: opts.functionsDir, now })
  const loopbackBound = isLoopbackHost(host)
  const admission = new Admission(MAX_IN_FLIGHT)
  let boundPort = 0
  let closing = false
  const hostPolicy = { port: () => boundPort, loopbackBound }

  const invoke = (name: string, event: unknown, openid = '') => functions.invoke(name, event, { OPENID: openid })

  const requireLoopback = (req: http.IncomingMessage) => {
    if (!loopbackBound || !isLoopbackAddress(req.socket.remoteAddress)) {
      throw new HttpError(403, 'FORBIDDEN', '仅限本机访问')
    }
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const p = pathOf(req.url)
    const method = req.method ?? 'GET'

    if (p.startsWith('/api/')) {
      checkApiRequest(req.headers, hostPolicy)
      if (method === 'POST' && p.startsWith('/api/fn/')) {
        const name = decodePathPart(p.slice('/api/fn/'.length))
        if (!/^[A-Za-z0-9_-]+$/.test(name) || !functions.has(name)) {
          return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数不存在：${name.slice(0, 64)}` } })
        }
        const body = await readJson(req)
        // Timer triggers have no caller; they come from functions.startTimers(), never from a client.
        if (isTimerEvent(body)) throw new HttpError(403, 'FORBIDDEN', '定时任务只能由本地调度器触发')
        const auth = req.headers.authorization
        const token = auth && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : undefined
        const openid = verifyToken(token, opts.secret, now()) ?? ''
        const result = await invoke(name, body, openid)
        return sendJson(res, 200, result ?? null)
      }
      if (method === 'POST' && p === '/api/session') {
        requireLoopback(req)
        const body = (await readJson(req)) as { openid?: unknown } | null
        const openid = body && typeof body.openid === 'string' ? body.openid : ''
        if (!OPENID_PATTERN.test(openid)) throw new HttpError(400, 'VALIDATION', 'openid 格式不正确')
        return sendJson(res, 200, { token: signToken(openid, opts.secret, now()), openid })
      }
      if (method === 'POST' && p === '/api/session/new') {
        requireLoopback(req)
        await readJson(req)
        const openid = `local_${randomBytes(12).toString('hex')}`
        return sendJson(res, 200, { token: signToken(openid, opts.secret, now()), openid })
      }
      if (method === 'GET' && p === '/api/dev/identities') {
        requireLoopback(req)
        return sendJson(res, 200, devIdentities(opts.store))
      }
      if (method === 'GET' && p === '/api/outbox') {
        requireLoopback(req)
        return sendJson(res, 200, readOutbox(100))
      }
      throw new HttpError(404, 'NOT_FOUND', '接口不存在')
    }

    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'VALIDATION', '不支持的请求方法')
    if (p.startsWith('/files/')) {
      const rel = p
        .slice('/files/'.length)
        .split('/')
        .map(decodePathPart)
        .join('/')
      let file: string
      try {
        file = filePathOf(opts.filesDir, rel)
      } catch {
        throw new HttpError(400, 'VALIDATION', '文件路径不正确')
      }
      return sendFile(req, res, file, 'private, max-age=3600')
    }
    if (!opts.staticDir) throw new HttpError(404, 'NOT_FOUND', '未找到')
    return serveStatic(req, res, opts.staticDir, p)
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (closing) {
      // A request that arrives on a kept-alive connection after stop(): refuse it and close the connection.
      res.setHeader('connection', 'close')
      return sendJson(res, 503, { ok: false, error: { code: 'INTERNAL', message: '服务正在停止，请稍后重试' } })
    }
    admission.run(() => route(req, res)).catch((e: unknown) => {
      if (e instanceof HttpError) {
        sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } })
      } else if (e instanceof FunctionNotFoundError) {
        sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数不存在：${e.fn}` } })
      } else {
        // Never leak internals to the client; the stack goes to this process's stderr.
        console.error(`[local cloud] ${req.method} ${req.url} failed:`, e)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } })
      }
    })
  }

  const server = http.createServer(handle)
  server.keepAliveTimeout = KEEP_ALIVE_MS
  server.headersTimeout = KEEP_ALIVE_MS + 5000

  return {
    handle,
    functions,
    store: opts.store,
    secret: opts.secret,
    invoke,
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const addr = server.address() as AddressInfo
          boundPort = addr.port
          const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host
          resolve({ url: `http://${shown}:${addr.port}/`, port: addr.port })
        })
      })
    },
    /** Stops accepting, lets requests and timer runs in flight finish, then closes every connection. */
    async close() {
      closing = true
      functions.stopTimers()
      const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))
      server.closeIdleConnections()
      const drained = Promise.all([admission.idle(), functions.idle()])
      const deadline = new Promise((r) => setTimeout(r, DRAIN_MS).unref())
      await Promise.race([drained, deadline])
      // Answers are written; connections kept alive after them are idle now.
      server.closeIdleConnections()
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())])
      server.closeAllConnections()
      await closed
    },
  }
}

/** Demo members the H5 sign-in screen can offer ("sign in as…"), read from `members` + `teams`. */
function devIdentities(store: Store) {
  if (!store.hasCollection(MEMBERS)) return []
  const members = store.find(MEMBERS, { query: { status: 'active' }, limit: 1000 })
  const teamNames = new Map<string, string>()
  if (store.hasCollection(TEAMS)) {
    for (const t of store.find(TEAMS, { limit: 1000, projection: { name: 1 } })) teamNames.set(t._id, String(t.name ?? ''))
  }
  return members.map((m) => ({
    openid: String(m.openid ?? ''),
    name: String(m.name ?? ''),
    teamName: teamNames.get(String(m.teamId)) ?? '',
    roles: Array.isArray(m.roles) ? m.roles : [],
  }))
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    let size = 0
    let tooBig = declared > MAX_BODY_BYTES
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) tooBig = true
      if (!tooBig) chunks.push(c)
      // Drain a moderately oversized body so the client reads our 413; cut off abusive ones.
      if (size > 16 * MAX_BODY_BYTES) req.destroy()
    })
    req.on('error', reject)
    req.on('close', () => {
      if (tooBig) reject(new HttpError(413, 'VALIDATION', '请求内容过大（上限 1 MB）'))
    })
    req.on('end', () => {
      if (tooBig) return reject(new HttpError(413, 'VALIDATION', '请求内容过大（上限 1 MB）'))
      const text = Buffer.concat(chunks).toString('utf8')
      if (!text.trim()) return resolve({})
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new HttpError(400, 'VALIDATION', '请求内容不是有效的 JSON'))
      }
    })
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  const data = Buffer.from(JSON.stringify(body))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length, 'cache-control': 'no-store' })
  res.end(data)
}

/** The request's path, undecoded; a request line that is not a path is a 400. */
function pathOf(reqUrl: string | undefined): string {
  try {
    return new URL(reqUrl ?? '/', 'http://local').pathname
  } catch {
    throw new HttpError(400, 'VALIDATION', '路径不正确')
  }
}
