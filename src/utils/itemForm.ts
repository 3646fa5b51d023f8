import type { InputOf } from '../../core/api'
import type { contentContract } from '../../core/api/content'
import type { ItemDetail } from '../../core/content/schemas'
import { DEFAULT_PUBLISH_TIME } from '../../core/content/slots'
import type { DayKey } from '../../core/time/china'
import type { ItemFormValues } from '../components/ItemForm'
import { chinaIso, splitChinaTime } from './content'

type CreateInput = InputOf<(typeof contentContract)['createItem']>
type UpdateInput = InputOf<(typeof contentContract)['updateItem']>

/** Tags as the person typed them: spaces, commas or 、 separate them; duplicates dropped. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).filter(Boolean))]
}

// An untouched choice is "missing" (必填), not "not a valid option".
const orUndefined = <T extends string>(v: T | '') => (v === '' ? undefined : v)

/** What `content.createItem` takes, from the form: a slot makes it planned, no slot an idea. */
export function toCreateInput(values: ItemFormValues, withSlot: boolean): CreateInput {
  return {
    title: values.title,
    format: orUndefined(values.format),
    layer: orUndefined(values.layer),
    category: orUndefined(values.category),
    ownerId: values.ownerId,
    ...(withSlot && values.slot ? { plannedAt: chinaIso(values.slot.day, values.slot.time) } : {}),
    ...(values.notes.trim() ? { notes: values.notes } : {}),
    ...(values.tagsText.trim() ? { tags: tagsOf(values.tagsText) } : {}),
    ...(values.source ? { source: values.source } : {}),
  } as CreateInput
}

/** What `content.updateItem` takes: every editable field, against the version the form was opened on. */
export function toUpdateInput(values: ItemFormValues, item: Pick<ItemDetail, 'id' | 'version'>): UpdateInput {
  return {
    id: item.id,
    version: item.version,
    title: values.title,
    format: orUndefined(values.format),
    layer: orUndefined(values.layer),
    category: orUndefined(values.category),
    ownerId: values.ownerId,
    notes: values.notes,
    tags: tagsOf(values.tagsText),
    ...(values.source ? { source: values.source } : {}),
  }
}

export function formValuesOf(item: ItemDetail): ItemFormValues {
  return {
    title: item.title,
    format: item.format,
    layer: item.layer,
    category: item.category,
    ownerId: item.ownerId,
    slot: item.plannedAt ? splitChinaTime(item.plannedAt) : undefined,
    notes: item.notes,
    tagsText: item.tags.join(' '),
    source: item.source ?? '',
  }
}

/**
 * A new item's starting values: short video (the usual format), the creator as owner, 20:00 on
 * the chosen day. Layer and category stay unchosen on purpose: the mix depends on choosing them.
 */
export function blankValues(ownerId: string, day?: DayKey): ItemFormValues {
  return {
    title: '',
    format: 'short_video',
    layer: '',
    category: '',
    ownerId,
    slot: day ? { day, time: DEFAULT_PUBLISH_TIME } : undefined,
    notes: '',
    tagsText: '',
    source: '',
  }
}
