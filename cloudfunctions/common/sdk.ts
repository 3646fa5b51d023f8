// The one place that knows wx-server-sdk's shapes; its bundled types are incomplete (TOOLCHAIN.md),
// so the few casts live here and everything else uses these narrow interfaces.
import cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export type Doc = Record<string, unknown> & { _id: string }
export type Where = Record<string, unknown>

export interface QueryLike {
  where(q: Where): QueryLike
  orderBy(field: string, dir: 'asc' | 'desc'): QueryLike
  skip(n: number): QueryLike
  limit(n: number): QueryLike
  field(f: Record<string, boolean>): QueryLike
  get(): Promise<{ data: Doc[] }>
  count(): Promise<{ total: number }>
  update(o: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRefLike {
  get(): Promise<{ data: Doc }>
  set(o: { data: Record<string, unknown> }): Promise<unknown>
  update(o: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface CollectionLike extends QueryLike {
  doc(id: string): DocRefLike
  add(o: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

/** A query or update command (`_.gte(1)`, `_.inc(1)`…), chainable with and/or like the SDK's. */
export interface CommandValue {
  and(other: unknown): CommandValue
  or(other: unknown): CommandValue
}

/** A transaction's view of the database: documents by _id only (CloudBase transactions take no where-queries). */
export interface TransactionLike {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: Doc }>
      set(o: { data: Record<string, unknown> }): Promise<unknown>
      update(o: { data: Record<string, unknown> }): Promise<unknown>
    }
    add(o: { data: Record<string, unknown> }): Promise<unknown>
  }
}

export interface DbLike {
  collection(name: string): CollectionLike
  /** Optimistic: a conflicting commit is retried by the SDK, then rejected (DATABASE_TRANSACTION_CONFLICT). */
  runTransaction<T>(fn: (tx: TransactionLike) => Promise<T>): Promise<T>
  command: Record<string, (...args: unknown[]) => CommandValue>
  serverDate(): unknown
  RegExp(o: { regexp: string; options?: string }): unknown
}

export interface WXContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  /** What started this run: 'wx_client', 'wx_trigger' (timer), chains like 'wx_client,scf'. */
  SOURCE?: string
}

export function database(): DbLike {
  return cloud.database() as unknown as DbLike
}

/** The caller's identity, from the platform only (never from the request body). */
export function wxContext(): WXContext {
  return cloud.getWXContext() as WXContext
}

/** CloudBase reports a duplicate _id with Mongo's E11000 text; the local cloud does the same. */
export function isDuplicateKeyError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String((e as { errMsg?: string })?.errMsg ?? e)
  return /duplicate|E11000|already exist/i.test(msg)
}

/** doc(id).get() on a missing document rejects; CloudBase words it "does not exist". */
export function isNotFoundError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String((e as { errMsg?: string })?.errMsg ?? e)
  return /not exist|DOCUMENT_NOT_EXIST|cannot find document/i.test(msg)
}

interface StorageSdk {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[] }>
}

/** Stores a file in cloud storage and answers its fileID. */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  return (await (cloud as unknown as StorageSdk).uploadFile({ cloudPath, fileContent: content })).fileID
}

/** A temporary download address for a stored file; fails if the storage cannot give one. */
export async function tempFileURL(fileID: string): Promise<string> {
  const res = await (cloud as unknown as StorageSdk).getTempFileURL({ fileList: [fileID] })
  const one = res.fileList[0]
  if (!one || one.status !== 0 || !one.tempFileURL) throw new Error(`getTempFileURL failed for ${fileID}: ${one?.errMsg ?? 'no answer'}`)
  return one.tempFileURL
}

export { cloud }
