import { z } from 'zod'
import { versionSchema } from '../atoms'
import type { Direction } from './kpi'
import type { KpiSettings } from './kpiSettings'
import { KPIS, type KpiKey, type KpiUnit } from './schemas'

/**
 * Targets as actions take them and pages show them: the edit inputs, the view of a KPI's target with
 * its periods, and its history. What the targets are and how they apply: ./targets.ts, ./horizons.ts.
 */

export const setTargetInput = z
  .object({
    kpi: z.enum(KPIS).describe('指标'),
    value: z.number().finite('应为数字').min(0, '不能为负数').max(1_000_000_000, '数值过大').describe('目标值'),
    tolerance: z.number().min(0, '不能为负数').max(1, '不能超过 100%').describe('黄灯容差'),
    reason: z.string().trim().min(1, '请填写调整原因').max(200).describe('调整原因'),
    /** The target's version the editor saw; a stale one gets CONFLICT with the current target. */
    version: versionSchema,
  })
  .strict()

export const targetHistoryInput = z.object({ kpi: z.enum(KPIS).describe('指标') }).strict()

export interface TargetView {
  kpi: KpiKey
  label: string
  unit: KpiUnit
  /** Word after a count ("条", "人", "元"); empty for ratios and hours. */
  unitWord: string
  /** A count set per ISO week and scaled to a range's days (发布数量, 净增粉丝, 咨询量); else a level or a rate. */
  perWeek: boolean
  /** null: no target set (the light is 'none'). For count KPIs, per week. */
  value: number | null
  direction: Direction
  tolerance: number
  /** 'quarter' for core KPIs, 'month' for auxiliary ones (PRODUCT.md capability 8). */
  reviewedEvery: 'quarter' | 'month'
  /** How the value is used: a ramp's end, a baseline multiple, or how it scales to a range (./horizons.ts). */
  horizon: string
  version: number
  updatedAt: string | null
  updatedByName: string | null
  /** The target's periods (set by the 目标 screen's read and by edits). */
  period?: PeriodInfo
  /** The KPI's owner, who is assigned its special analyses; null: the managers (the default). */
  ownerId: string | null
  ownerName: string | null
  /** The baseline the target is measured from, for KPIs that take one (set where the plan's basis is known). */
  baseline?: BaselineView
}

/** A KPI's baseline as the 目标 screen shows it. */
export interface BaselineView {
  value: number | null
  /** measured: from the weeks before the plan's start; entered: by a manager, with `note` as the reason; none: neither yet. */
  source: 'measured' | 'entered' | 'none'
  /** e.g. "计划开始前 4 周实测" or "王敏录入：去年同期台账" */
  note: string
}

/** A KPI's current target period and the next one, with the target planned for it (null: not set yet). */
export interface PeriodInfo {
  current: string
  currentLabel: string
  next: string
  nextLabel: string
  planned: { value: number | null; tolerance: number; version: number; updatedByName: string | null; updatedAt: string | null } | null
  /** In the last two weeks of a quarter (last week of a month) with nothing planned for the next one. */
  reminderDue: boolean
}

/** What made a target revision (history). */
export type TargetTrigger = 'edit' | 'override' | 'plan' | 'analysis' | 'start' | 'carry' | 'reclassify'
export const TARGET_TRIGGER_LABELS: Record<TargetTrigger, string> = {
  edit: '调整',
  override: '管理员修改本期目标',
  plan: '设定下期目标',
  analysis: '专项分析决定',
  start: '下期目标生效',
  carry: '沿用上期目标',
  reclassify: '管理员调整分类',
}

export interface TargetHistoryEntry {
  kpi: KpiKey
  value: number | null
  previousValue: number | null
  tolerance: number
  previousTolerance: number
  reason: string
  /** The special analysis (专项分析) whose decision made this revision, or null for a plain edit. */
  analysisId: string | null
  trigger: TargetTrigger
  triggerLabel: string
  /** The period the value is for, e.g. "2027 年第 1 季度" (null for revisions recorded before periods). */
  periodLabel: string | null
  byName: string
  at: string
}

/** The admin's class (核心 per quarter / 辅助 per month) and owner of one KPI. */
export const setKpiSettingInput = z
  .object({
    kpi: z.enum(KPIS).describe('指标'),
    reviewedEvery: z.enum(['quarter', 'month']).describe('目标分类'),
    /** null: the managers (the default owner). */
    ownerId: z.string().trim().min(1).max(64).nullable().describe('负责人'),
    reason: z.string().trim().min(1, '请填写原因').max(200).describe('原因'),
  })
  .strict()

/** A manager's baseline for a KPI whose history has none, in the KPI's unit (a ratio as 0..1, counts per week). */
export const setBaselineInput = z
  .object({
    kpi: z.enum(KPIS).describe('指标'),
    value: z.number().finite('应为数字').positive('应大于 0').max(1_000_000_000, '数值过大').describe('基线'),
    reason: z.string().trim().min(1, '请填写基线来源').max(200).describe('基线来源'),
  })
  .strict()

// ---- the targets a team has set (kept on its team document; the rules in ./targets.ts read them) ----

/** The target a team has set for one KPI, in force until changed (the team document's `targets`). */
export interface TargetSetting {
  value: number | null
  tolerance: number
  version: number
  updatedAt: Date | string | null
  updatedByName: string | null
}

export type TargetSettings = Partial<Record<KpiKey, TargetSetting>>

/** A target set ahead for a KPI's next period (analytics.planTarget); it takes effect when that period starts. */
export interface PlannedTarget extends TargetSetting {
  period: string
}

export type PlannedTargets = Partial<Record<KpiKey, PlannedTarget>>

/** What a team document holds of its targets (the team record's fields). */
export interface TeamTargets {
  targets?: TargetSettings
  targetPlans?: PlannedTargets
  kpiSettings?: KpiSettings
}
