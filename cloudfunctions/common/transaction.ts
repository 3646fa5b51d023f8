// Helpers every function's transactions share: reading a document that may not exist, and telling a
// lost race (ours or the database's) from any other failure.
import { AppError } from '../../core/errors'
import type { CollectionName } from './db/collections'
import { isNotFoundError, type TransactionLike } from './sdk'

/** A document read inside a transaction, or null when it does not exist. */
export async function docIn<T>(tx: TransactionLike, collection: CollectionName, id: string): Promise<T | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data as unknown as T
  } catch (e) {
    if (isNotFoundError(e)) return null
    throw e
  }
}

/** Our own CONFLICT thrown inside a transaction, or the database's when a commit lost a race. */
export function isConflict(e: unknown): boolean {
  if (e instanceof AppError) return e.code === 'CONFLICT'
  const code = (e as { code?: string; errCode?: string })?.code ?? (e as { errCode?: string })?.errCode
  return /TRANSACTION_CONFLICT/i.test(String(code ?? '')) || /TRANSACTION_CONFLICT|conflict/i.test(e instanceof Error ? e.message : String(e))
}
