// Review decisions as first-outcome facts, for the tests of 内容合格率's rules (core/review/firstPass.ts and
// core/analytics/firstPass.ts): a gate by key, a November 2026 day, 10:00 China time unless told.
import type { DecisionFact } from '../../core/review/firstPass'

export const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`
/** `hour`:00 China time on day `d` of November 2026. */
export const at = (d: number, hour = 10) => new Date(`${day(d)}T${String(hour).padStart(2, '0')}:00:00+08:00`)
const GATES = { topic: '选题', script: '脚本', shooting: '拍摄', editing: '剪辑', final: '终审', draft: '初稿' } as const
type Key = keyof typeof GATES
const INDEX: Record<Key, number> = { topic: 0, script: 1, shooting: 2, editing: 3, final: 4, draft: 1 }

/** One decision (or submission, or comment) on an item at a gate; an approval passes the gate unless told. */
export const ev = (itemId: string, gate: Key, type: 'approved' | 'changes_requested' | 'submitted' | 'comment', d: number, passed = type === 'approved', hour = 10): DecisionFact => ({
  itemId,
  type,
  gateIndex: INDEX[gate],
  gateKey: gate,
  gateName: GATES[gate],
  passed,
  at: at(d, hour),
})
