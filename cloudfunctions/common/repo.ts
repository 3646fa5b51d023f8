import { AppError } from '../../core/errors'
import type { CollectionName } from './db/collections'
import { isDuplicateKeyError, type DbLike, type Where } from './sdk'

/** CloudBase returns at most 1000 documents per query from a cloud function. */
export const MAX_PAGE = 1000

export interface FindOptions {
  orderBy?: [string, 'asc' | 'desc']
  /** Upper bound on documents returned; paged under CloudBase's per-query cap. */
  limit?: number
  /** Documents to skip first (list paging). */
  skip?: number
  /** Projection: read only these fields (fewer bytes per document). */
  fields?: Record<string, boolean>
}

/**
 * A collection seen through one team: every query and insert carries `teamId`, so a handler
 * cannot read or write another team's records even by naming their ids.
 */
export class Repo<T extends { _id: string }> {
  constructor(
    private readonly db: DbLike,
    readonly name: CollectionName,
    private readonly teamId: string | null,
  ) {}

  private scope(where: Where): Where {
    return this.teamId === null ? where : { ...where, teamId: this.teamId }
  }

  private coll() {
    return this.db.collection(this.name)
  }

  async get(id: string): Promise<T | null> {
    return this.findOne({ _id: id })
  }

  async findOne(where: Where): Promise<T | null> {
    const res = await this.coll().where(this.scope(where)).limit(1).get()
    return (res.data[0] as unknown as T) ?? null
  }

  async find(where: Where, opts: FindOptions = {}): Promise<T[]> {
    const wanted = opts.limit ?? MAX_PAGE
    const out: T[] = []
    while (out.length < wanted) {
      const page = Math.min(MAX_PAGE, wanted - out.length)
      let q = this.coll().where(this.scope(where))
      if (opts.orderBy) q = q.orderBy(opts.orderBy[0], opts.orderBy[1])
      q = q.orderBy('_id', 'asc')
      if (opts.fields) q = q.field(opts.fields)
      const res = await q.skip((opts.skip ?? 0) + out.length).limit(page).get()
      out.push(...(res.data as unknown as T[]))
      if (res.data.length < page) break
    }
    return out
  }

  async count(where: Where): Promise<number> {
    return (await this.coll().where(this.scope(where)).count()).total
  }

  async insert(doc: T): Promise<T> {
    const data = this.teamId === null ? doc : { ...doc, teamId: this.teamId }
    await this.coll().add({ data: data as unknown as Record<string, unknown> })
    return data as T
  }

  /** Inserts unless a document with this _id exists (a retried request), returning what is stored. */
  async insertOnce(doc: T): Promise<{ doc: T; created: boolean }> {
    try {
      return { doc: await this.insert(doc), created: true }
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e
      const existing = await this.get(doc._id)
      if (!existing) throw new AppError('CONFLICT', '编号已被占用，请重试')
      return { doc: existing, created: false }
    }
  }

  /** Updates matching documents; returns how many changed. */
  async updateWhere(where: Where, patch: Record<string, unknown>): Promise<number> {
    const res = await this.coll().where(this.scope(where)).update({ data: patch })
    return res.stats.updated
  }

  /**
   * Optimistic update: applies `patch` only if the stored version is `expected`, bumping it.
   * A stale version is a CONFLICT carrying the current record, never a silent overwrite.
   */
  async updateVersioned(
    id: string,
    expected: number,
    patch: Record<string, unknown>,
    now: Date,
    view: (current: T) => unknown = (c) => c,
  ): Promise<T> {
    const _ = this.db.command
    const updated = await this.updateWhere(
      { _id: id, version: expected },
      { ...patch, updatedAt: now, version: _.inc(1) },
    )
    const current = await this.get(id)
    if (!current) throw new AppError('NOT_FOUND')
    if (updated !== 1) throw new AppError('CONFLICT', undefined, { current: view(current) })
    return current
  }
}
