import { z } from 'zod'
import type { DayKey } from '../time/china'

/**
 * The team's conversion path (PRODUCT.md: "conversion path | 8 steps follow → buy | ≤ 3"): the ordered
 * steps a follower takes from 关注 to 下单, kept by the team. The KPI 转化路径步数 is its length on a
 * day; each change is kept (who, when), so a past week is judged by the path it had.
 */

/** One version of the path, from the day it was recorded (China time). */
export interface PathEntry {
  day: DayKey
  steps: string[]
  byName: string
  at: Date | string
}

/** Versions kept on the team document: enough for the weekly job's catch-up and the 目标 screen. */
export const PATH_VERSIONS_KEPT = 30

/**
 * The path in force on `day`: the latest version recorded on or before it (a later one the same day wins).
 *
 * @example
 * pathOn([{ day: '2026-11-02', steps: ['关注', '私信', '下单'], byName: '王敏', at: '…' }], '2026-11-08')?.steps.length //=> 3
 * pathOn([], '2026-11-08') //=> null
 */
export function pathOn(paths: readonly PathEntry[] | undefined, day: DayKey): PathEntry | null {
  let best: PathEntry | null = null
  for (const p of paths ?? []) {
    if (p.day > day) continue
    if (!best || p.day > best.day || (p.day === best.day && new Date(p.at).getTime() >= new Date(best.at).getTime())) best = p
  }
  return best
}

const stepSchema = z.string().trim().min(1, '步骤不能为空').max(20, '每步最多 20 个字')

export const setConversionPathInput = z
  .object({
    steps: z.array(stepSchema).min(2, '至少两步（从关注到下单）').max(20, '最多 20 步').describe('转化路径'),
  })
  .strict()

export interface ConversionPathView {
  steps: string[]
  byName: string | null
  at: string | null
  /** Earlier versions, newest first: the day and number of steps. */
  history: { day: DayKey; length: number; byName: string }[]
}
