/**
 * The store's public shapes: its error, whose codes are CloudBase's so the SDK adapter answers with them
 * as the cloud would, and the options and results of its requests. Apart from store.ts so the store's
 * parts can throw and take them without importing the store; store.ts re-exports them.
 */
import type { Doc, Json } from './ejson'

export class StoreError extends Error {
  constructor(
    readonly code: 'DATABASE_COLLECTION_NOT_EXIST' | 'DATABASE_REQUEST_FAILED' | 'DATABASE_TRANSACTION_CONFLICT' | 'INVALID_PARAM',
    message: string,
  ) {
    super(message)
  }
}

export interface FindOptions {
  query?: Json
  sort?: Record<string, number>
  skip?: number
  limit?: number
  projection?: Json
}

export interface UpdateOptions {
  multi: boolean
  upsert: boolean
  /** true: `data` replaces the whole document (doc().set()); false: `data` holds update operators. */
  replace: boolean
}

export interface UpdateResult {
  updated: number
  upsertedId?: string
  /** The document after the update (first one), for modifyAndReturnDoc. */
  doc?: Doc
}

export interface StoreStats {
  /** Database requests served (one per SDK request: get, count, add, update, remove, aggregate, commit…). */
  requests: number
  /** Documents returned to callers (query results, aggregation outputs, counted documents are not included). */
  docsRead: number
  /** Documents examined to answer queries (after the teamId/_id index narrowed the candidates). */
  docsScanned: number
  /** Documents inserted, changed or removed. */
  docsWritten: number
}
