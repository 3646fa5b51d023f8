/**
 * Makes the REAL wx-server-sdk, loaded in this process, talk to the local cloud. Only the network step
 * is replaced: the database requester's send() (see sdk.ts), and the storage / callFunction /
 * openapi / getWXContext exports of the module object that cloud functions `require('wx-server-sdk')`.
 *
 * Install BEFORE loading cloud functions: some compilers copy `import * as cloud` properties at
 * import time, so functions loaded earlier could keep the original (network) methods.
 */
import { AsyncLocalStorage } from 'async_hooks'
import { randomUUID } from 'crypto'
import fs from 'fs'
import path from 'path'
import { Readable } from 'stream'
import { createDbHandler, type DbHandler, type QueryObserver } from './db-handler'
import { requesterClass, type DbRequester } from './sdk'
import type { Store } from './store'
import type { Json } from './ejson'

export interface Identity {
  OPENID: string
  APPID?: string
  UNIONID?: string
  /** getWXContext().SOURCE: 'wx_trigger' only for the timer scheduler (default: wx_client with a user, else wx_unknown). */
  SOURCE?: string
}

export interface WXContext {
  OPENID: string
  APPID: string
  UNIONID: string
  ENV: string
  SOURCE: string
}

export interface LocalCloudOptions {
  store: Store
  filesDir: string
  now?: () => Date
  /** Told the shape of every database query (the test cloud checks each against the index manifest). */
  onQuery?: QueryObserver
}

export type FunctionInvoker = (name: string, event: unknown, identity: Identity | undefined) => Promise<unknown>

export interface OutboxEntry {
  _id: string
  api: string
  params: unknown
  fromOpenid: string
  createdAt: Date
}

export const LOCAL_ENV = 'local'
export const FILE_ID_PREFIX = 'cloud://local/'
const OUTBOX = '_outbox'

const identities = new AsyncLocalStorage<Identity>()

/** Runs fn with `cloud.getWXContext()` answering this identity, for fn and everything it awaits. */
export function runWithIdentity<T>(identity: Identity, fn: () => T): T {
  return identities.run({ ...identity }, fn)
}

export function currentIdentity(): Identity | undefined {
  return identities.getStore()
}

interface Installed {
  opts: Required<Omit<LocalCloudOptions, 'onQuery'>>
  db: DbHandler
  invoker?: FunctionInvoker
}

let active: Installed | undefined
let originals: { send: DbRequester['send']; exports: Record<string, unknown> } | undefined

type SdkModule = Record<string, unknown>
const sdk = () => require('wx-server-sdk') as SdkModule

/** Patches wx-server-sdk in this process. Calling it again switches to the new store/folder. */
export function installLocalCloud(options: LocalCloudOptions): { uninstall(): void } {
  const opts: Required<Omit<LocalCloudOptions, 'onQuery'>> = { now: () => new Date(), ...options }
  fs.mkdirSync(opts.filesDir, { recursive: true })
  const invoker = active?.invoker
  active = { opts, db: createDbHandler(opts.store, opts.now, options.onQuery), invoker }

  if (!originals) {
    const proto = requesterClass().prototype
    const mod = sdk()
    const names = ['getWXContext', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile', 'callFunction', 'openapi']
    originals = { send: proto.send, exports: Object.fromEntries(names.map((n) => [n, mod[n]])) }
    proto.send = function send(api: string, data?: Record<string, unknown>) {
      if (!active) return Promise.reject(new Error('local cloud is not installed'))
      return active.db(api, data)
    }
    Object.assign(mod, {
      getWXContext,
      uploadFile,
      downloadFile,
      getTempFileURL,
      deleteFile,
      callFunction,
      openapi: makeOpenapi(),
    })
  }
  return { uninstall: uninstallLocalCloud }
}

export function uninstallLocalCloud(): void {
  if (originals) {
    requesterClass().prototype.send = originals.send
    Object.assign(sdk(), originals.exports)
  }
  originals = undefined
  active = undefined
}

/** Lets functions.ts answer `cloud.callFunction` locally. */
export function setFunctionInvoker(invoker: FunctionInvoker | undefined): void {
  if (!active) throw new Error('installLocalCloud() first')
  active.invoker = invoker
}

function need(): Installed {
  if (!active) throw new Error('local cloud is not installed')
  return active
}

// ---- identity ------------------------------------------------------------------------------

function getWXContext(): WXContext {
  const id = identities.getStore()
  return {
    OPENID: id?.OPENID ?? '',
    APPID: id?.APPID ?? '',
    UNIONID: id?.UNIONID ?? '',
    ENV: LOCAL_ENV,
    SOURCE: id?.SOURCE ?? (id?.OPENID ? 'wx_client' : 'wx_unknown'),
  }
}

// ---- storage ---------------------------------------------------------------------------------

/** Maps a cloudPath to a file under filesDir, refusing anything that could escape it. */
export function safeCloudPath(cloudPath: unknown): string {
  if (typeof cloudPath !== 'string' || !cloudPath || cloudPath.length > 1024) throw storageError('invalid cloudPath')
  if (cloudPath.includes('\0') || cloudPath.includes('\\') || cloudPath.startsWith('/')) throw storageError('invalid cloudPath')
  const parts = cloudPath.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw storageError('invalid cloudPath')
  return parts.join('/')
}

export function filePathOf(filesDir: string, cloudPath: string): string {
  const rel = safeCloudPath(cloudPath)
  const full = path.resolve(filesDir, rel)
  if (!full.startsWith(path.resolve(filesDir) + path.sep)) throw storageError('invalid cloudPath')
  return full
}

function cloudPathOfFileID(fileID: unknown): string {
  if (typeof fileID !== 'string' || !fileID.startsWith(FILE_ID_PREFIX)) throw storageError(`invalid fileID: ${String(fileID)}`)
  return safeCloudPath(fileID.slice(FILE_ID_PREFIX.length))
}

function storageError(message: string): Error & { errCode: number; errMsg: string } {
  return Object.assign(new Error(message), { errCode: -503001, errMsg: message })
}

async function toBuffer(content: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content
  if (typeof content === 'string') return Buffer.from(content)
  if (content instanceof Uint8Array) return Buffer.from(content)
  if (content instanceof Readable) {
    const chunks: Buffer[] = []
    for await (const c of content) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string))
    return Buffer.concat(chunks)
  }
  throw storageError('fileContent must be a Buffer, string or readable stream')
}

async function uploadFile(options: { cloudPath: string; fileContent: unknown }) {
  const { filesDir } = need().opts
  const full = filePathOf(filesDir, options.cloudPath)
  const data = await toBuffer(options.fileContent)
  await fs.promises.mkdir(path.dirname(full), { recursive: true })
  await fs.promises.writeFile(full, data)
  return { fileID: FILE_ID_PREFIX + safeCloudPath(options.cloudPath), statusCode: 200, errMsg: 'uploadFile:ok' }
}

async function downloadFile(options: { fileID: string }) {
  const { filesDir } = need().opts
  const full = filePathOf(filesDir, cloudPathOfFileID(options.fileID))
  try {
    const fileContent = await fs.promises.readFile(full)
    return { fileContent, statusCode: 200, errMsg: 'downloadFile:ok' }
  } catch {
    throw Object.assign(new Error(`downloadFile:fail -503003 STORAGE_FILE_NONEXIST. ${options.fileID}`), { errCode: -503003 })
  }
}

function fileIdOf(item: unknown): string {
  return typeof item === 'string' ? item : String((item as { fileID?: unknown } | null)?.fileID)
}

async function getTempFileURL(options: { fileList: unknown[] }) {
  const { filesDir } = need().opts
  const fileList = (options.fileList ?? []).map((item) => {
    const fileID = fileIdOf(item)
    try {
      const rel = cloudPathOfFileID(fileID)
      if (!fs.existsSync(filePathOf(filesDir, rel))) return { fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }
      const url = '/files/' + rel.split('/').map(encodeURIComponent).join('/')
      return { fileID, tempFileURL: url, status: 0, errMsg: 'ok', maxAge: 86400 }
    } catch (e) {
      return { fileID, tempFileURL: '', status: -503001, errMsg: (e as Error).message }
    }
  })
  return { fileList, errMsg: 'getTempFileURL:ok' }
}

async function deleteFile(options: { fileList: unknown[] }) {
  const { filesDir } = need().opts
  const fileList = await Promise.all(
    (options.fileList ?? []).map(async (item) => {
      const fileID = fileIdOf(item)
      try {
        await fs.promises.unlink(filePathOf(filesDir, cloudPathOfFileID(fileID)))
        return { fileID, status: 0, errMsg: 'ok' }
      } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
        return { fileID, status: missing ? -503003 : -503001, errMsg: missing ? 'STORAGE_FILE_NONEXIST' : (e as Error).message }
      }
    }),
  )
  return { fileList, errMsg: 'deleteFile:ok' }
}

// ---- functions -------------------------------------------------------------------------------

async function callFunction(options: { name: string; data?: unknown }) {
  const { invoker } = need()
  if (!invoker) throw Object.assign(new Error('cloud.callFunction:fail local functions are not loaded'), { errCode: -504002 })
  // As on the platform, SOURCE records the chain: a function called by a function is not a trigger.
  const caller = currentIdentity() ?? { OPENID: '' }
  const source = caller.SOURCE ?? (caller.OPENID ? 'wx_client' : 'wx_unknown')
  const result = await invoker(options.name, options.data ?? {}, { ...caller, SOURCE: `${source},scf` })
  return { result, errMsg: 'cloud.callFunction:ok', requestID: randomUUID() }
}

// ---- openapi + outbox --------------------------------------------------------------------------

/**
 * `cloud.openapi.subscribeMessage.send(params)` (and `cloud.openapi({ appid })…`) land in the
 * `_outbox` collection; any other openapi call fails loudly rather than pretend to work.
 */
function makeOpenapi(): unknown {
  const send = (api: string) => async (params: unknown) => {
    const { store, now } = need().opts
    store.insert(OUTBOX, [{ api, params: params as Json, fromOpenid: currentIdentity()?.OPENID ?? '', createdAt: now() }])
    return { errCode: 0, errMsg: `openapi.${api}:ok` }
  }
  const namespaces: Record<string, Record<string, unknown>> = {
    subscribeMessage: { send: send('subscribeMessage.send') },
  }
  const unsupported = (ns: string) =>
    new Proxy(
      {},
      {
        get: (_t, m) => () => Promise.reject(new Error(`openapi.${ns}.${String(m)} is not available in the local cloud`)),
      },
    )
  const target = function openapi() {
    return proxy
  }
  const proxy: unknown = new Proxy(target, {
    get: (t, ns) => (typeof ns === 'string' ? namespaces[ns] ?? unsupported(ns) : Reflect.get(t, ns)),
  })
  return proxy
}

/** Outbox entries (messages the functions "sent"), newest first. */
export function readOutbox(limit = 100): OutboxEntry[] {
  const { store } = need().opts
  if (!store.hasCollection(OUTBOX)) return []
  // Natural order is insertion order; reversing it orders entries with equal timestamps correctly too.
  const docs = store.find(OUTBOX, {}).reverse().slice(0, limit)
  return docs as unknown as OutboxEntry[]
}
