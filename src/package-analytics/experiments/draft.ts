// The create/edit form's state as typed (strings, picked items) and how it becomes the action's input:
// kept apart from the form so the page and the form share one model.
import { createExperimentInput, type CreateExperimentInput, type ExperimentMetric, type ExperimentView, type VariantSource } from '../../../core/research/experiments'

export interface PickedItem {
  id: string
  title: string
}

export interface VariantDraft {
  name: string
  source: VariantSource
  items: PickedItem[]
}

export interface ExperimentDraft {
  title: string
  hypothesis: string
  variable: string
  metric: ExperimentMetric
  guardrail: ExperimentMetric | ''
  /** In percentage points / percent, as typed. */
  mde: string
  baseline: string
  dailySends: string
  variants: VariantDraft[]
}

/** The 变量 choice that opens a free-text field. */
export const OTHER = '其他'
/** The input's fields, for each form field's own limits. */
export const shape = createExperimentInput.innerType().shape

/** A new draft; an item from the item page goes into variant B (the one being tried). */
export function emptyDraft(item?: PickedItem): ExperimentDraft {
  return {
    title: '',
    hypothesis: '',
    variable: item ? '封面' : '',
    metric: 'completionRate',
    guardrail: '',
    mde: '5',
    baseline: '',
    dailySends: '',
    variants: [
      { name: '现有做法', source: 'items', items: [] },
      { name: '新做法', source: 'items', items: item ? [item] : [] },
    ],
  }
}

/** A draft experiment as the form edits it (the entered numbers as typed); `add` joins an item to variant B. */
export function draftOf(x: ExperimentView, add?: PickedItem): ExperimentDraft {
  const variants = x.variants.map((v) => ({ name: v.name, source: v.source, items: v.items }))
  if (add && variants[1] && !variants.some((v) => v.items.some((i) => i.id === add.id))) variants[1] = { ...variants[1], items: [...variants[1].items, add] }
  return {
    title: x.title,
    hypothesis: x.hypothesis,
    variable: x.variable,
    metric: x.metric,
    guardrail: x.guardrail ?? '',
    mde: String(Math.round(x.plan.mde * 1000) / 10),
    baseline: x.entered.baseline === null ? '' : String(Math.round(x.entered.baseline * 1000) / 10),
    dailySends: x.entered.dailySends === null ? '' : String(x.entered.dailySends),
    variants,
  }
}

export const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s))
/** A typed percent as a share: '5' → 0.05. */
export const share = (s: string): number | undefined => (num(s) === undefined ? undefined : Number(((num(s) as number) / 100).toFixed(6)))

/** What the form sends: numbers from the typed percent and points. */
export function inputOf(d: ExperimentDraft): CreateExperimentInput {
  return {
    title: d.title,
    hypothesis: d.hypothesis,
    variable: d.variable,
    metric: d.metric,
    guardrail: d.guardrail || null,
    mde: share(d.mde) as number,
    ...(share(d.baseline) !== undefined ? { baseline: share(d.baseline) } : {}),
    ...(d.metric === 'openRate' && num(d.dailySends) !== undefined ? { dailySends: num(d.dailySends) } : {}),
    variants: d.variants.map((v) => ({ name: v.name, source: v.source, ...(v.source === 'items' ? { itemIds: v.items.map((i) => i.id) } : {}) })),
  }
}
