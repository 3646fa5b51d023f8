// The base fields of a record a member writes now (BaseRecord in db/base.ts), stamped one way everywhere.
import type { MemberCtx } from './context'

type Writer = Pick<MemberCtx, 'team' | 'member' | 'now'>

/** `_id`, the caller's team, now, the caller, version 0 (a new record; optimistic updates count from it). */
export function baseFields(ctx: Writer, _id: string) {
  return { _id, teamId: ctx.team._id, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.member._id, version: 0 }
}

/** A fact as logged (append-only): its base fields, and who logged it and when, frozen on the fact. */
export function loggedFact(ctx: Writer, _id: string) {
  return { ...baseFields(ctx, _id), loggedByName: ctx.member.name, loggedAt: ctx.now }
}
