import type { Contracts, InputOf, OutputOf } from '../../core/api'
import { manifest } from '../../core/api/manifest'
import { isErrorShape, type ErrorCode, type FieldError } from '../../core/errors'

/** What a transport sends: the body every cloud function receives. */
export interface CallBody {
  action: string
  data: unknown
  requestId?: string
}

/** Sends one call to a cloud function and resolves with its raw answer; rejects only on network failure. */
export interface Transport {
  call(fn: string, body: CallBody): Promise<unknown>
}

export type ClientErrorCode = ErrorCode | 'NETWORK'

/** The typed error every api call rejects with. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly current?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface CallOptions {
  /** Reuse a requestId to retry a write safely (e.g. from an offline queue). */
  requestId?: string
}

type Call<A> = {} extends InputOf<A>
  ? (input?: InputOf<A>, opts?: CallOptions) => Promise<OutputOf<A>>
  : (input: InputOf<A>, opts?: CallOptions) => Promise<OutputOf<A>>

export type Api = { [F in keyof Contracts]: { [A in keyof Contracts[F]]: Call<Contracts[F][A]> } }

/** A requestId unique enough across phones: time + randomness. */
export function newRequestId(): string {
  const rnd = Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${rnd}`
}

const NETWORK_RETRIES = 2

/**
 * Checks an input before it is sent, for instant Chinese messages (throws ApiError VALIDATION); the
 * function checks it again either way. Registered per function by the pages that carry its schemas
 * (src/api/registerInputChecks.ts), so the main package does not carry every contract's zod input.
 */
export type InputCheck = (action: string, input: unknown) => void

/** The functions whose inputs the app checks before sending, by function name (filled by registerInputChecks). */
export const inputChecks = new Map<string, InputCheck>()

/**
 * Builds `api.<function>.<action>(input)` from the manifest (core/api/manifest.ts, generated from the
 * contracts): checks the input where a check is registered, attaches a requestId to writes and retries
 * network failures with that same id, so a retry never writes twice.
 */
export function createApi(transport: Transport, checks: ReadonlyMap<string, InputCheck> = inputChecks): Api {
  const api: Record<string, Record<string, unknown>> = {}
  for (const [fn, actions] of Object.entries(manifest)) {
    api[fn] = {}
    for (const [name, def] of Object.entries(actions as Record<string, { write: boolean }>)) {
      api[fn][name] = async (input: unknown = {}, opts: CallOptions = {}) => {
        checks.get(fn)?.(name, input)
        const body: CallBody = { action: name, data: input }
        if (def.write) body.requestId = opts.requestId ?? newRequestId()
        const raw = await sendWithRetry(transport, fn, body)
        return unwrap(raw)
      }
    }
  }
  return api as Api
}

async function sendWithRetry(transport: Transport, fn: string, body: CallBody): Promise<unknown> {
  let lastError: unknown
  for (let attempt = 0; attempt <= NETWORK_RETRIES; attempt++) {
    try {
      return await transport.call(fn, body)
    } catch (e) {
      lastError = e
      // Reads are cheap to retry; writes are safe to retry because the requestId is reused.
    }
  }
  const detail = lastError instanceof Error ? lastError.message : ''
  throw new ApiError('NETWORK', '网络不给力，请检查网络后重试', undefined, detail || undefined)
}

function unwrap(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const r = raw as { ok: boolean; data?: unknown; error?: unknown }
    if (r.ok) return r.data
    if (isErrorShape(r.error)) throw new ApiError(r.error.code, r.error.message, r.error.fields, r.error.current)
  }
  throw new ApiError('INTERNAL', '服务器返回了无法识别的结果')
}
