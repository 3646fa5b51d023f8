import type { Contracts } from './index'

/** The shape the generated manifest must have: every function and action of the contracts, with the same access and write. */
export type ApiManifest = {
  readonly [F in keyof Contracts]: {
    readonly [A in keyof Contracts[F]]: {
      readonly access: Contracts[F][A] extends { access: infer X } ? X : never
      readonly write: boolean
    }
  }
}
