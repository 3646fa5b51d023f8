import Taro from '@tarojs/taro'
import { researchContract } from '../../core/api/research'
import { resultsContract } from '../../core/api/results'
import { AppError } from '../../core/errors'
import { parseInput } from '../../core/validation'
import { api, ApiError } from '../api'
import { discardEntry, OUTBOX_FUNCTION, queueEntry, type OutboxAction, type OutboxInput } from '../state/outbox'

/**
 * How long a results write may wait for its answer before the form lets the person go on. The write
 * is then kept in the outbox with its requestId: if the first attempt did land, the sync's replay of
 * that id writes nothing new.
 */
export const ANSWER_WAIT_MS = 8000

/** Whether the phone knows it has no network (the browser's `navigator.onLine`; the mini-program's network type). */
export async function isOffline(): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') return typeof navigator !== 'undefined' && navigator.onLine === false
  try {
    const { networkType } = await Taro.getNetworkType()
    return networkType === 'none'
  } catch {
    return false
  }
}

export type Submitted<T> = { kind: 'sent'; data: T } | { kind: 'queued' }

interface SubmitOptions {
  requestId: string
  /** Shown in the outbox list when it has to wait. */
  label: string
  meta?: Record<string, string>
  waitMs?: number
}

type Outboxed = Pick<typeof api.results, Exclude<OutboxAction, 'logVariantCounts'>> & Pick<typeof api.research, 'logVariantCounts'>
type Output<A extends OutboxAction> = Awaited<ReturnType<Outboxed[A]>>
type Send<A extends OutboxAction> = (i: OutboxInput<A>, o: { requestId: string }) => Promise<Output<A>>

/** The schema of each action that may wait in the outbox (checked here: a queued mistake would wait for nothing). */
const OUTBOX_INPUTS: Record<OutboxAction, Parameters<typeof parseInput>[0]> = {
  logSnapshot: resultsContract.logSnapshot.input,
  correctSnapshot: resultsContract.correctSnapshot.input,
  logLive: resultsContract.logLive.input,
  correctLive: resultsContract.correctLive.input,
  logLeads: resultsContract.logLeads.input,
  correctLeads: resultsContract.correctLeads.input,
  logFollowers: resultsContract.logFollowers.input,
  logVariantCounts: researchContract.logVariantCounts.input,
}

/**
 * Sends one results write (or a push experiment's counts), or keeps it in the outbox when the phone is offline, the network fails,
 * or no answer comes in time. The input is checked with the contract's schema first, so a mistake
 * shows under its field at once instead of waiting in the outbox. Refusals by the function are thrown
 * (as ApiError) for the form to show.
 */
export async function submitOrQueue<A extends OutboxAction>(action: A, input: OutboxInput<A>, opts: SubmitOptions): Promise<Submitted<Output<A>>> {
  try {
    parseInput(OUTBOX_INPUTS[action], input)
  } catch (e) {
    if (e instanceof AppError) throw new ApiError(e.code, e.message, e.fields)
    throw e
  }
  const queue = (): Submitted<Output<A>> => {
    queueEntry({ requestId: opts.requestId, action, input, label: opts.label, meta: opts.meta })
    return { kind: 'queued' }
  }
  if (await isOffline()) return queue()

  const call = ((api[OUTBOX_FUNCTION[action]] as unknown as Record<A, Send<A>>)[action])(input, { requestId: opts.requestId })
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), opts.waitMs ?? ANSWER_WAIT_MS)
  })
  try {
    const answer = await Promise.race([call, late])
    if (answer === 'late') {
      // The call may still land: then the entry is done. If it does not, the entry carries the same
      // requestId, so whichever attempt arrives first is the one write.
      call.then(() => discardEntry(opts.requestId)).catch(() => undefined)
      return queue()
    }
    // A fix of a failed entry reuses its requestId: once sent, the entry is done.
    discardEntry(opts.requestId)
    return { kind: 'sent', data: answer }
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NETWORK') return queue()
    throw e
  } finally {
    clearTimeout(timer)
  }
}
