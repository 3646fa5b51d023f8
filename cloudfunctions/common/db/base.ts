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

/**
 * A record's own fields, declared once on the view pages receive (core/<context>/views) and derived here, so the
 * two shapes cannot drift: the view's fields without its `id` (stored as `_id`) and without what only the view
 * has (names, labels, flags), with the instants the view carries as ISO strings stored as Dates.
 */
export type FieldsOfView<View, Instants extends keyof View = never, ViewOnly extends keyof View = never> = Omit<
  View,
  'id' | Instants | ViewOnly
> & { [K in Instants]: Date | Extract<View[K], null> }
