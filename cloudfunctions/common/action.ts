import { z } from 'zod'
import type { ActionDef, FunctionContract, OutputOf, ParsedInputOf } from '../../core/api/action'
import { AppError, fieldError, type ErrorShape, type Result } from '../../core/errors'
import { allows } from '../../core/roles'
import { parseInput } from '../../core/validation'
import { boundValues, inputChanges } from '../../core/audit/changes'
import type { AuditEntry, BaseCtx, GuestCtx, MemberCtx } from './context'
import { idMaker, requestKeyOf } from './context'
import { claimRequest, finishRequest, releaseRequest } from './idempotency'
import { AUDIT, MEMBERS, TEAMS, type CollectionName } from './db/collections'
import type { MemberRecord, TeamRecord } from './db/team'
import type { AuditRecord } from './db/wrapper'
import { Repo } from './repo'
import { database, wxContext, type DbLike } from './sdk'

type CtxOf<D> = D extends { access: 'signedIn' } ? GuestCtx : MemberCtx

export type Handler<D> = (args: { ctx: CtxOf<D>; input: ParsedInputOf<D> }) => Promise<OutputOf<D>>
export type Handlers<C extends FunctionContract> = { [K in keyof C]: Handler<C[K]> }

export interface FunctionOptions {
  /** Injected clock for tests; production uses the machine's. */
  now?: () => Date
  /** Runs for CloudBase timer triggers (event.Type === 'Timer'). */
  onTimer?: (args: { db: DbLike; now: Date; trigger: string }) => Promise<unknown>
}

const envelope = z
  .object({
    action: z.string().min(1).max(64).describe('操作'),
    data: z.unknown().optional(),
    requestId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_.:-]+$/)
      .optional()
      .describe('请求编号'),
  })
  .passthrough() // the platform adds userInfo and the like to the event

/**
 * Builds a cloud function's `main` from its contract and handlers. The wrapper alone decides who
 * the caller is (platform OPENID), whether they may act (role from the member record), whether the
 * input is valid (the contract's zod schema), and whether a write already happened (requestId);
 * it records an audit entry for every write and never lets an exception or stack trace reach the client.
 */
export function defineFunction<C extends FunctionContract>(
  fn: string,
  contract: C,
  handlers: Handlers<C>,
  options: FunctionOptions = {},
) {
  const now = options.now ?? (() => new Date())
  return async function main(event: unknown, _context?: unknown): Promise<Result<unknown>> {
    try {
      // Only the platform's trigger runs onTimer: the event body is the caller's to choose, SOURCE is not.
      // Anything else dressed as a timer goes through dispatch and is refused like any call.
      if (isTimer(event) && isTriggerRun()) {
        if (!options.onTimer) throw new AppError('NOT_FOUND', '此云函数没有定时任务')
        return { ok: true, data: await options.onTimer({ db: database(), now: now(), trigger: event.TriggerName }) }
      }
      return await dispatch(fn, contract, handlers as Handlers<FunctionContract>, event, now)
    } catch (e) {
      return { ok: false, error: toErrorShape(e, fn) }
    }
  }
}

async function dispatch(
  fn: string,
  contract: FunctionContract,
  handlers: Handlers<FunctionContract>,
  event: unknown,
  now: () => Date,
): Promise<Result<unknown>> {
  const openid = wxContext().OPENID
  if (!openid) throw new AppError('UNAUTHENTICATED')
  const env = parseInput(envelope, event)
  const def = Object.prototype.hasOwnProperty.call(contract, env.action) ? contract[env.action] : undefined
  if (!def) throw new AppError('NOT_FOUND', `未知的操作：${env.action.slice(0, 40)}`)

  const db = database()
  const { member, team } = await loadCaller(db, openid)
  if (!allows(def.access, member?.roles)) {
    throw new AppError('FORBIDDEN', member ? '你的角色没有权限执行此操作' : '你还不是团队成员，请先创建或加入团队')
  }
  const input = parseInput(def.input, env.data === undefined ? {} : env.data)
  if (def.write && !env.requestId) {
    throw fieldError('requestId', '请求编号：必填')
  }

  const requestId = env.requestId ?? `read-${Date.now()}-${Math.random().toString(36).slice(2)}`
  const requestKey = requestKeyOf(requestId, input)
  const ctx = makeCtx({ fn, action: env.action, openid, requestId, requestKey, db, now: now(), member, team })
  if (!def.write) return { ok: true, data: await handlers[env.action]({ ctx: ctx as never, input }) }
  return runWrite(def, handlers[env.action], ctx, input, now)
}

async function runWrite(
  def: ActionDef,
  handler: Handler<ActionDef>,
  ctx: ReturnType<typeof makeCtx>,
  input: unknown,
  now: () => Date,
): Promise<Result<unknown>> {
  const claim = await claimRequest(ctx.db, ctx, now)
  if (claim.kind === 'replay') return claim.result
  let result: Result<unknown>
  try {
    result = { ok: true, data: await handler({ ctx: ctx as never, input: input as never }) }
  } catch (e) {
    await releaseRequest(ctx.db, claim.key).catch(() => undefined)
    throw e
  }
  await writeAudit(ctx, def, input)
  await finishRequest(ctx.db, claim.key, result)
  return result
}

async function loadCaller(db: DbLike, openid: string): Promise<{ member: MemberRecord | null; team: TeamRecord | null }> {
  const member = await new Repo<MemberRecord>(db, MEMBERS, null).findOne({ openid, status: 'active' })
  if (!member) return { member: null, team: null }
  const team = await new Repo<TeamRecord>(db, TEAMS, null).get(member.teamId)
  // A member whose team vanished is treated as not belonging anywhere.
  return team ? { member, team } : { member: null, team: null }
}

function makeCtx(base: Pick<BaseCtx, 'fn' | 'action' | 'openid' | 'requestId' | 'requestKey' | 'db' | 'now'> & { member: MemberRecord | null; team: TeamRecord | null }) {
  const auditEntry: AuditEntry = {}
  const ctx: BaseCtx & GuestCtx & { auditEntry: typeof auditEntry } = {
    ...base,
    auditEntry,
    newId: idMaker(`${base.openid}|${base.fn}|${base.requestKey}`),
    audit: (e) => Object.assign(auditEntry, e),
    repo: <T extends { _id: string }>(collection: CollectionName, teamId?: string) =>
      new Repo<T>(base.db, collection, teamId ?? base.member?.teamId ?? '__none__'),
  }
  return ctx
}

async function writeAudit(ctx: ReturnType<typeof makeCtx>, def: ActionDef, input: unknown): Promise<void> {
  const entry = ctx.auditEntry
  const teamId = entry.teamId ?? ctx.member?.teamId
  if (!teamId) return
  // Bounded: a long text or list in the input never makes a large audit record.
  const after = boundValues(entry.after ?? inputChanges(input))
  const record: AuditRecord = {
    _id: ctx.newId('audit'),
    teamId,
    actorId: entry.actor?.id ?? ctx.member?._id ?? ctx.openid,
    actorName: entry.actor?.name ?? ctx.member?.name ?? '',
    fn: ctx.fn,
    action: ctx.action,
    summary: def.summary,
    requestId: ctx.requestId,
    at: ctx.now,
    after,
  }
  // Of the stored record a handler hands over, only the fields this write set are kept.
  if (entry.before) record.before = boundValues(entry.before as Record<string, unknown>, Object.keys(after))
  if (entry.subjectId) record.subjectId = entry.subjectId
  if (entry.subjectName) record.subjectName = entry.subjectName.slice(0, 60)
  if (entry.detail) record.detail = entry.detail
  await new Repo<AuditRecord & { _id: string }>(ctx.db, AUDIT, teamId).insertOnce(record as AuditRecord & { _id: string })
}

function isTriggerRun(): boolean {
  const { OPENID, SOURCE } = wxContext()
  return !OPENID && SOURCE === 'wx_trigger'
}

function isTimer(event: unknown): event is { Type: 'Timer'; TriggerName: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

export function toErrorShape(e: unknown, fn: string): ErrorShape {
  if (e instanceof AppError) return e.toShape()
  // Unknown failures are logged server-side in full and reach the client only as INTERNAL.
  console.error(`[${fn}] unhandled error`, e)
  return new AppError('INTERNAL').toShape()
}
