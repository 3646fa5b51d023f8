/** What every stored document has: its id and the team it belongs to (every query is scoped by it). */
export interface StoredDoc {
  _id: string
  teamId: string
}

/** Fields every stored record carries (ARCHITECTURE.md "Data rules"). */
export interface BaseRecord extends StoredDoc {
  createdAt: Date
  updatedAt: Date
  createdBy: string
  version: number
}

/** A derived document (rebuildable from raw facts): no author or version, only when it was last written. */
export type DerivedDoc = StoredDoc & Pick<BaseRecord, 'updatedAt'>
