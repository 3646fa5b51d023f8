import { dayKey, type DayKey } from '../time/china'

/**
 * First outcomes at review gates, for 内容合格率 (first-pass approval rate): for each item and gate, the
 * first decision that settled a round — an approval that passed the gate, or changes requested. A
 * resubmission's later decision at the same gate is not a first outcome. On an 'all' gate a single
 * sign-off that does not yet pass the gate settles nothing: the round's outcome is the pass, or the
 * first request for changes.
 */

/** A decision record as stored by the review function (the fields this reads). */
export interface DecisionFact {
  itemId: string
  type: string
  gateIndex: number
  gateKey: string
  gateName: string
  /** For 'approved': whether this approval passed the gate. */
  passed: boolean
  at: Date | string
}

/** The first outcome of one item at one gate. */
export interface GateOutcome {
  itemId: string
  gateIndex: number
  gateKey: string
  gateName: string
  /** Approved (passed the gate) at its first outcome. */
  passed: boolean
  /** China-time day of the outcome. */
  day: DayKey
}

/**
 * Whether a decision settles a gate's round: an approval that passed the gate, or changes requested.
 *
 * @example
 * isGateOutcome({ type: 'approved', passed: true })       //=> true
 * isGateOutcome({ type: 'approved', passed: false })      //=> false (one sign-off of an 'all' gate)
 * isGateOutcome({ type: 'changes_requested', passed: false }) //=> true
 */
export function isGateOutcome(e: Pick<DecisionFact, 'type' | 'passed'>): boolean {
  return e.type === 'changes_requested' || (e.type === 'approved' && e.passed)
}

/** The key of one item's gate (the flow is frozen per production, so the index names the gate). */
export const outcomeKey = (o: { itemId: string; gateIndex: number }) => `${o.itemId}#${o.gateIndex}`

/**
 * The first outcome of each item at each gate, oldest first (what a rebuild from the decision records
 * gives; the review function adds each one as it is decided).
 *
 * @example
 * // topic: changes requested, then approved after a resubmission; script: approved at once
 * firstOutcomes([cr(topic, '01:00'), ok(topic, '03:00'), ok(script, '05:00')]).map((o) => [o.gateKey, o.passed])
 * //=> [['topic', false], ['script', true]]
 */
export function firstOutcomes(events: readonly DecisionFact[]): GateOutcome[] {
  const sorted = events.filter(isGateOutcome).sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
  const seen = new Map<string, GateOutcome>()
  for (const e of sorted) {
    const key = outcomeKey(e)
    if (seen.has(key)) continue
    seen.set(key, { itemId: e.itemId, gateIndex: e.gateIndex, gateKey: e.gateKey, gateName: e.gateName, passed: e.type === 'approved', day: dayKey(new Date(e.at)) })
  }
  return [...seen.values()]
}

/**
 * `stored` with the outcomes of `add` it lacks (a stored outcome never changes: the first stays first);
 * null when nothing is new, so a rerun writes nothing.
 *
 * @example
 * mergeOutcomes([a], [a, b]) //=> [a, b]
 * mergeOutcomes([a, b], [b]) //=> null
 */
export function mergeOutcomes(stored: readonly GateOutcome[], add: readonly GateOutcome[]): GateOutcome[] | null {
  const have = new Set(stored.map(outcomeKey))
  const fresh = add.filter((o) => !have.has(outcomeKey(o)) && have.add(outcomeKey(o)))
  return fresh.length ? [...stored, ...fresh] : null
}
