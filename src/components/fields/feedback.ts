import { createContext, useContext, useMemo, useState } from 'react'
import type { ZodTypeAny } from 'zod'
import { textLimitOf, valueError } from '../../../core/validation'

export interface Limit {
  /** The field's name from the schema's `.describe()`. */
  label: string
  count: number
  max: number
  over: boolean
  /** Said when the text is over the limit, e.g. 标题最多 60 字，现在超出 440 字，请删减后再保存. */
  notice?: string
}

/** A text field's longest length and name, when the form has no schema to read them from. */
export interface TextRule {
  max: number
  label: string
}

/**
 * The counter of a text field whose schema has a `.max()`, or of a field given its rule (the main package's
 * forms, which carry no zod, pass a limit from the schema's own zod-free constant); undefined when none.
 */
export function useLimit(value: string | undefined, schema: ZodTypeAny | undefined, given?: TextRule): Limit | undefined {
  const rule = useMemo(() => (schema ? textLimitOf(schema) : given), [schema, given])
  if (!rule) return undefined
  // Counted as the schema counts: spaces around the text are trimmed before the check.
  const count = (value ?? '').trim().length
  const over = count > rule.max
  return { label: rule.label, count, max: rule.max, over, notice: over ? `${rule.label}最多 ${rule.max} 字，现在超出 ${count - rule.max} 字，请删减后再保存` : undefined }
}

/**
 * A form's errors object, given to its fields. Each submit answers with a new object, so a field
 * shows a message again when a later submit refuses the changed value with the same words.
 */
export const FormErrors = createContext<object | undefined>(undefined)

/**
 * The message under a field. The form's message (its submit check or the function's answer) is
 * about the value the field had then; once the value changes, the field's own schema judges what
 * is there now (no schema: the message goes), so a corrected field never keeps a stale message.
 */
export function useFieldError(error: string | undefined, value: unknown, schema?: ZodTypeAny): string | undefined {
  const round = useContext(FormErrors)
  const [about, setAbout] = useState({ error, value, round })
  const check = useMemo(() => (schema ? checkerOf(schema) : undefined), [schema])
  if (about.error !== error || about.round !== round) {
    // A new answer from the form: its message is about the value shown now.
    setAbout({ error, value, round })
    return error
  }
  if (!error || Object.is(value, about.value)) return error
  return check?.(value)
}

/** One field's check; the message names the field (标题：不能为空). */
function checkerOf(schema: ZodTypeAny): (value: unknown) => string | undefined {
  // Forms send an empty optional field (a link, a reason) as absent, so empty is fine there.
  const optional = schema.safeParse(undefined).success
  return (value) => {
    if (optional && typeof value === 'string' && value.trim() === '') return undefined
    return valueError(schema, value)
  }
}
