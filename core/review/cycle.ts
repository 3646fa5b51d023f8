/**
 * Cycle time of production, computed from the decision records alone (append-only facts), so the
 * numbers can always be rebuilt. All durations are in hours; `now` closes whatever is still open.
 */

/** One fact of an item's production, as stored by the review function. */
export interface CycleFact {
  type: 'started' | 'submitted' | 'approved' | 'changes_requested' | 'published' | 'comment'
  gateIndex: number
  at: Date | string
  /** For 'approved': whether this approval passed the gate ('all' gates need several). */
  passed?: boolean
}

export interface StageTime {
  gateIndex: number
  key: string
  name: string
  startedAt: Date | null
  /** When the gate was passed; null while the item is still at (or before) it. */
  passedAt: Date | null
  /** Start to pass (or to `now` while open). */
  hours: number
  /** Submitted → decided (approval that passed the gate, or changes requested), summed over rounds. */
  waitingHours: number
  /** The rest of the stage: the author drafting or reworking. */
  workingHours: number
  /** Versions submitted at this gate. */
  submissions: number
}

export interface ItemCycle {
  stages: StageTime[]
  topicApprovedAt: Date | null
  finalApprovedAt: Date | null
  /** Topic gate passed → last gate passed (the "72 h → 24 h" KPI); up to `now` while unfinished; null before the topic passes. */
  productionHours: number | null
  /** True once the last gate is passed. */
  done: boolean
  /** Waiting and working time over the same span as productionHours (every stage after the topic gate). */
  waitingHours: number
  workingHours: number
}

const HOUR = 3_600_000
const ms = (d: Date | string) => new Date(d).getTime()

/**
 * Time per stage and total production time of one item.
 *
 * @example
 * // two gates; started 0:00, topic submitted 1:00, approved 3:00, final submitted 7:00, approved 8:00
 * itemCycle(facts, [{ key: 'topic', name: '选题' }, { key: 'final', name: '终审' }], now)
 * //=> { productionHours: 5, waitingHours: 1, workingHours: 4, done: true, stages: [{ hours: 3, waitingHours: 2, workingHours: 1 }, …] }
 */
export function itemCycle(facts: readonly CycleFact[], gates: readonly { key: string; name: string }[], now: Date): ItemCycle {
  const stages: StageTime[] = gates.map((g, gateIndex) => ({
    gateIndex,
    key: g.key,
    name: g.name,
    startedAt: null,
    passedAt: null,
    hours: 0,
    waitingHours: 0,
    workingHours: 0,
    submissions: 0,
  }))
  const waitingMs = new Array<number>(gates.length).fill(0)
  const waitingSince = new Array<number | null>(gates.length).fill(null)
  const sorted = [...facts].map((f, i) => ({ f, i })).sort((a, b) => ms(a.f.at) - ms(b.f.at) || a.i - b.i)
  for (const { f } of sorted) {
    const s = stages[f.gateIndex]
    if (!s) continue // a fact about a gate the flow snapshot does not have: ignore rather than guess
    const at = ms(f.at)
    if (f.type === 'started' && s.startedAt === null) s.startedAt = new Date(at)
    if (f.type === 'submitted') {
      s.submissions++
      waitingSince[f.gateIndex] ??= at
    }
    const decided = f.type === 'changes_requested' || (f.type === 'approved' && f.passed)
    if (decided && waitingSince[f.gateIndex] !== null) {
      waitingMs[f.gateIndex] += at - waitingSince[f.gateIndex]!
      waitingSince[f.gateIndex] = null
    }
    if (f.type === 'approved' && f.passed && s.passedAt === null) {
      s.passedAt = new Date(at)
      const next = stages[f.gateIndex + 1]
      if (next && next.startedAt === null) next.startedAt = new Date(at)
    }
  }
  const end = now.getTime()
  for (const s of stages) {
    if (s.startedAt === null) continue
    const stop = s.passedAt ? s.passedAt.getTime() : end
    const open = waitingSince[s.gateIndex]
    const wait = waitingMs[s.gateIndex] + (open !== null && !s.passedAt ? Math.max(0, end - open) : 0)
    s.hours = Math.max(0, stop - s.startedAt.getTime()) / HOUR
    s.waitingHours = Math.min(wait / HOUR, s.hours)
    s.workingHours = s.hours - s.waitingHours
  }
  const topicApprovedAt = stages[0]?.passedAt ?? null
  const last = stages[stages.length - 1]
  const finalApprovedAt = last?.passedAt ?? null
  const after = stages.slice(1)
  const productionHours = topicApprovedAt ? ((finalApprovedAt ?? now).getTime() - topicApprovedAt.getTime()) / HOUR : null
  const sum = (k: 'waitingHours' | 'workingHours') => after.reduce((t, s) => t + s[k], 0)
  return {
    stages,
    topicApprovedAt,
    finalApprovedAt,
    productionHours: stages.length === 1 ? (topicApprovedAt ? 0 : null) : productionHours,
    done: finalApprovedAt !== null,
    waitingHours: topicApprovedAt ? sum('waitingHours') : 0,
    workingHours: topicApprovedAt ? sum('workingHours') : 0,
  }
}

export interface StageAverage {
  key: string
  name: string
  /** Items that passed this stage. */
  items: number
  avgHours: number
  avgWaitingHours: number
  avgWorkingHours: number
}

export interface RangeCycle {
  /** Items whose final approval fell in the range. */
  items: number
  avgProductionHours: number | null
  medianProductionHours: number | null
  avgWaitingHours: number | null
  avgWorkingHours: number | null
  /** Waiting share of production time (null when there was none): where the hours go. */
  waitingShare: number | null
  /** Passed stages by gate key, in first-seen flow order. */
  byStage: StageAverage[]
}

/**
 * Averages over finished items (the caller picks those whose final approval lies in the range).
 * Unfinished items are skipped: their time is not known yet.
 *
 * @example
 * rangeCycle([cycleOf5h, cycleOf9h]).medianProductionHours //=> 7
 * rangeCycle([]).avgProductionHours                        //=> null
 */
export function rangeCycle(cycles: readonly ItemCycle[]): RangeCycle {
  const done = cycles.filter((c) => c.done && c.productionHours !== null)
  const n = done.length
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
  const total = done.reduce((t, c) => t + c.productionHours!, 0)
  const waiting = done.reduce((t, c) => t + c.waitingHours, 0)
  const stages = new Map<string, { name: string; hours: number[]; waiting: number[]; working: number[] }>()
  for (const c of done) {
    for (const s of c.stages) {
      if (!s.passedAt) continue
      const e = stages.get(s.key) ?? { name: s.name, hours: [], waiting: [], working: [] }
      e.hours.push(s.hours)
      e.waiting.push(s.waitingHours)
      e.working.push(s.workingHours)
      stages.set(s.key, e)
    }
  }
  return {
    items: n,
    avgProductionHours: avg(done.map((c) => c.productionHours!)),
    medianProductionHours: median(done.map((c) => c.productionHours!)),
    avgWaitingHours: avg(done.map((c) => c.waitingHours)),
    avgWorkingHours: avg(done.map((c) => c.workingHours)),
    waitingShare: total > 0 ? waiting / total : null,
    byStage: [...stages].map(([key, e]) => ({
      key,
      name: e.name,
      items: e.hours.length,
      avgHours: avg(e.hours)!,
      avgWaitingHours: avg(e.waiting)!,
      avgWorkingHours: avg(e.working)!,
    })),
  }
}

/** Middle value (mean of the two middle ones for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
