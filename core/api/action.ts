import type { z } from 'zod'
import type { Access } from '../roles'

/**
 * One action's contract: its zod input, who may call it, whether it writes,
 * and (as a phantom type) what it returns. Declared once in core/ so the cloud
 * function implements it and the app's typed client is generated from it.
 */
export interface ActionDef<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown> {
  readonly input: I
  readonly access: Access
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
  return <I extends z.ZodTypeAny>(def: Omit<ActionDef<I, O>, '__output'>): ActionDef<I, O> => def
}

export type FunctionContract = Record<string, ActionDef>

export type InputOf<A> = A extends ActionDef<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<A> = A extends ActionDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<A> = A extends ActionDef<z.ZodTypeAny, infer O> ? O : never
