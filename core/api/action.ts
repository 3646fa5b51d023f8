import type { z } from 'zod'
import type { Access } from '../roles'

/**
 * One action's contract: its zod input, who may call it, whether it writes,
 * and (as a phantom type) what it returns. Declared once in core/ so the cloud
 * function implements it and the app's typed client is generated from it.
 */
export interface ActionDef<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown, A extends Access = Access> {
  readonly input: I
  readonly access: A
  /** Writes need a client requestId (de-duplicated) and leave an audit record. */
  readonly write: boolean
  /** Short Chinese description, used in the audit log. */
  readonly summary: string
  /** Phantom: never set at run time. */
  readonly __output?: O
}

/**
 * Declares an action. Curried so the output type can be named while the input type is inferred.
 *
 * @example
 * const listMembers = action<MemberView[]>()({ input: z.object({}).strict(), access: 'member', write: false, summary: '查看成员' })
 */
export function action<O>() {
  return <I extends z.ZodTypeAny, const A extends Access>(def: Omit<ActionDef<I, O, A>, '__output'>): ActionDef<I, O, A> =>
    def
}

export type FunctionContract = Record<string, AnyDef>

type AnyDef = ActionDef<z.ZodTypeAny, any, Access>
export type InputOf<D> = D extends AnyDef ? z.input<D['input']> : never
export type ParsedInputOf<D> = D extends AnyDef ? z.output<D['input']> : never
export type OutputOf<D> = D extends ActionDef<z.ZodTypeAny, infer O, Access> ? O : never
