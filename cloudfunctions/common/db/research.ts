// Stored records of the research function: A/B experiments and the competitor watch.
import type { DecisionView, ExperimentView, PlanView, VariantView } from '../../../core/research/experiments'
import type { DayKey } from '../../../core/time/china'
import type { CompetitorView, LoggedWeekView } from '../../../core/research/competitors'
import type { BaseRecord, FieldsOfView } from './base'

export type { BaseRecord }

// ---- A/B experiments ----

/** A variant as stored: its key, name, source and weight are VariantView's; its items are kept as ids and titles. */
export interface StoredVariant extends Pick<VariantView, 'key' | 'name' | 'source' | 'weight'> {
  itemIds: string[]
  /** Titles as they were when the variant was saved (the list and page read no items). */
  itemTitles: string[]
}

/** The push counts in force for one variant: its totals, and the entry logged last (what the form shows). */
export interface VariantCountTotals {
  sent: number
  opened: number
  last: { day: DayKey; sent: number; opened: number; byName: string; at: Date } | null
}

/** The counts fact in force for one variant and day (so a superseding entry can adjust the totals in one transaction). */
export interface CountsInForce {
  id: string
  sent: number
  opened: number
}

/** An experiment: the fields stored as ExperimentView shows them are taken from it; variants, plan and decision are stored their own way. */
export interface ExperimentRecord
  extends BaseRecord,
    Pick<ExperimentView, 'title' | 'hypothesis' | 'variable' | 'metric' | 'guardrail' | 'status' | 'startDay' | 'endDay' | 'createdByName'> {
  variants: StoredVariant[]
  /** The plan as the page shows it (without its sentences), and what the operator entered (kept for editing the draft). */
  plan: Pick<PlanView, 'baseline' | 'baselineSource' | 'mde' | 'needPerVariant' | 'dailyTrials' | 'estimatedDays'> & {
    enteredBaseline: number | null
    dailySends: number | null
  }
  /** The decision as DecisionView shows it (without its label), with who took it. */
  decision: (FieldsOfView<DecisionView, 'at', 'choiceLabel'> & { by: string }) | null
  /**
   * Counts variants' totals in force, by variant key. Kept on the experiment and changed in the same
   * transaction as each `experimentCounts` fact, so reading an experiment (or a page of them) never reads
   * the facts; `countsInForce` (by `${variantKey}_${day}`) says which fact each day's numbers come from.
   * Both are rebuildable from the facts. The list leaves `countsInForce` out of its projection.
   */
  countTotals: Record<string, VariantCountTotals>
  countsInForce: Record<string, CountsInForce>
}

/**
 * Raw fact (append-only): one variant's push counts for one day. A later entry for the same variant and day
 * supersedes the one in force (both kept, with who logged each and when), as promotion spend does.
 */
export interface ExperimentCountsRecord extends BaseRecord {
  experimentId: string
  variantKey: string
  day: DayKey
  sent: number
  opened: number
  supersedes: string | null
  loggedByName: string
  loggedAt: Date
}

/** The key of one variant's day in `countsInForce`. */
export const countsDayKey = (variantKey: string, day: DayKey) => `${variantKey}_${day}`

// ---- competitor watch ----

/**
 * An account the team watches (竞品: 同行 or 标杆). Archived ones stay, with their weeks, out of the comparison.
 * Its fields are CompetitorView's (FieldsOfView); the kind's label and the recent weeks are only the view's.
 */
export interface CompetitorRecord extends BaseRecord, FieldsOfView<CompetitorView, never, 'kindLabel' | 'recent'> {}

/**
 * Raw fact (append-only): a competitor's public numbers for one ISO week (China time), as logged.
 * Logging the same week again writes a new entry that supersedes the one in force; both are kept, with
 * who logged each and when (`weeksInForce` in core/research/comparison.ts picks the one in force).
 * Its fields are LoggedWeekView's, what logging a week answers (FieldsOfView, `loggedAt` stored as a Date).
 */
export interface CompetitorWeekRecord extends BaseRecord, FieldsOfView<LoggedWeekView, 'loggedAt'> {}
