import type { z } from 'zod'
import { labelAt } from '../validation'
import { contracts, type FunctionName } from './index'

/** Each cloud function as the team calls the area it serves. */
export const AREA_LABELS: Record<FunctionName, string> = {
  team: '团队',
  content: '内容',
  review: '评审',
  results: '填报',
  analytics: '看板',
  research: '实验与竞品',
  steering: '风险·预算·阶段',
}

function defOf(fn: string, action: string): { summary: string; input: z.ZodTypeAny; write: boolean } | undefined {
  const contract = (contracts as Record<string, Record<string, { summary: string; input: z.ZodTypeAny; write: boolean }>>)[fn]
  return contract && Object.prototype.hasOwnProperty.call(contract, action) ? contract[action] : undefined
}

export function areaLabel(fn: string): string {
  return (AREA_LABELS as Record<string, string>)[fn] ?? fn
}

/**
 * An action in Chinese words: the `summary` its contract declares (one place for every label);
 * an action no longer in the contracts keeps the words stored with its entry.
 *
 * @example
 * actionLabel('team', 'setMemberRoles') //=> '修改成员角色'
 */
export function actionLabel(fn: string, action: string, stored?: string): string {
  return defOf(fn, action)?.summary ?? (stored || action)
}

/** The Chinese label an action's input schema gives a field (`.describe`), if any. */
export function inputFieldLabel(fn: string, action: string, field: string): string | undefined {
  const def = defOf(fn, action)
  return def ? labelAt(def.input, [field]) : undefined
}

/** The actions that leave audit entries (writes), per area, for the audit screen's filter. */
export function auditedActions(fn: FunctionName): { action: string; label: string }[] {
  return Object.entries(contracts[fn])
    .filter(([, def]) => def.write)
    .map(([action, def]) => ({ action, label: def.summary }))
}
