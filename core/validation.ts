import type { z } from 'zod'
import { validationError, type FieldError } from './errors'

/**
 * Turns zod issues into field errors whose messages name the field in Chinese.
 * Field labels come from `.describe('标题')` on the schema, so the form and the
 * function show the same words.
 *
 * @example
 * const s = z.object({ title: z.string().min(1).describe('标题') }).strict()
 * fieldErrors(s, s.safeParse({ title: '' }).error!)
 * //=> [{ path: 'title', message: '标题：不能为空' }]
 */
export function fieldErrors(schema: z.ZodTypeAny, error: z.ZodError): FieldError[] {
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const issue of error.issues) {
    for (const fe of issueToFields(schema, issue)) {
      const key = `${fe.path}|${fe.message}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(fe)
    }
  }
  return out
}

/** Parses `input` or throws a VALIDATION AppError listing each bad field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const fields = fieldErrors(schema, r.error)
  throw validationError(fields, fields.length ? undefined : '输入有误')
}

/**
 * One field's message for `value`, named by the field's own `.describe()` (标题：不能为空); undefined when the
 * value passes. What a form shows under a field as it changes.
 */
export function valueError(schema: z.ZodTypeAny, value: unknown): string | undefined {
  const r = schema.safeParse(value)
  if (r.success) return undefined
  const issue = r.error.issues[0]
  if (!issue) return undefined
  return `${labelAt(schema, issue.path) ?? describeOf(schema) ?? '输入'}：${reason(issue)}`
}

function issueToFields(root: z.ZodTypeAny, issue: z.ZodIssue): FieldError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => {
      const path = [...issue.path, k].join('.')
      return { path, message: `不支持的字段：${k}` }
    })
  }
  const path = issue.path.join('.')
  const label = labelAt(root, issue.path) ?? (path || '输入')
  return [{ path, message: `${label}：${reason(issue)}` }]
}

/** Follows `path` through objects, arrays and wrappers, returning the nearest description. */
export function labelAt(schema: z.ZodTypeAny, path: (string | number)[]): string | undefined {
  let cur: z.ZodTypeAny | undefined = schema
  let label: string | undefined
  for (const seg of path) {
    cur = unwrap(cur)
    if (!cur) return label
    if (is(cur, 'ZodObject')) cur = (cur.shape as Record<string, z.ZodTypeAny>)[String(seg)]
    else if (is(cur, 'ZodArray')) cur = cur.element as z.ZodTypeAny
    else if (is(cur, 'ZodRecord')) cur = cur.valueSchema as z.ZodTypeAny
    else return label
    const d = cur ? describeOf(cur) : undefined
    if (d) label = typeof seg === 'number' ? `${label ?? ''}第${seg + 1}项` : d
  }
  return label
}

/**
 * The most characters a text field takes, and its Chinese name, read from its schema so the
 * form's counter and the function's check never disagree. Length is what zod measures: after
 * `.trim()`, in UTF-16 units.
 *
 * @example
 * textLimitOf(z.string().trim().min(1).max(60).describe('标题'))
 * //=> { max: 60, label: '标题' }
 * textLimitOf(z.string().describe('备注').optional())
 * //=> undefined (no limit)
 */
export function textLimitOf(schema: z.ZodTypeAny): { max: number; label: string } | undefined {
  const inner = unwrap(schema)
  if (!inner || !is(inner, 'ZodString')) return undefined
  const max = inner._def.checks.reduce<number | undefined>(
    (m, c) => (c.kind === 'max' || c.kind === 'length' ? Math.min(m ?? Infinity, c.value) : m),
    undefined,
  )
  return max === undefined ? undefined : { max, label: describeOf(schema) ?? '内容' }
}

function describeOf(s: z.ZodTypeAny): string | undefined {
  let cur: z.ZodTypeAny | undefined = s
  while (cur) {
    if (cur.description) return cur.description
    const next: z.ZodTypeAny | undefined = innerOf(cur)
    if (next === cur) break
    cur = next
  }
  return undefined
}

function unwrap(s: z.ZodTypeAny | undefined): z.ZodTypeAny | undefined {
  let cur = s
  for (let i = 0; cur && i < 10; i++) {
    const next = innerOf(cur)
    if (!next || next === cur) break
    cur = next
  }
  return cur
}

function innerOf(s: z.ZodTypeAny): z.ZodTypeAny | undefined {
  if (is(s, 'ZodOptional') || is(s, 'ZodNullable')) return s.unwrap() as z.ZodTypeAny
  if (is(s, 'ZodDefault')) return s.removeDefault() as z.ZodTypeAny
  if (is(s, 'ZodEffects')) return s.innerType() as z.ZodTypeAny
  if (is(s, 'ZodBranded')) return s.unwrap() as z.ZodTypeAny
  if (is(s, 'ZodPipeline')) return s._def.in as z.ZodTypeAny
  return undefined
}

interface Kinds {
  ZodObject: z.AnyZodObject
  ZodArray: z.ZodArray<z.ZodTypeAny>
  ZodRecord: z.ZodRecord
  ZodString: z.ZodString
  ZodOptional: z.ZodOptional<z.ZodTypeAny>
  ZodNullable: z.ZodNullable<z.ZodTypeAny>
  ZodDefault: z.ZodDefault<z.ZodTypeAny>
  ZodEffects: z.ZodEffects<z.ZodTypeAny>
  ZodBranded: z.ZodBranded<z.ZodTypeAny, string | number | symbol>
  ZodPipeline: z.ZodPipeline<z.ZodTypeAny, z.ZodTypeAny>
}

/**
 * A schema's kind by zod's own tag rather than `instanceof`: this module then imports zod for types only,
 * so the forms of the main package (which build no schema) do not carry zod (issue 15).
 */
function is<K extends keyof Kinds>(s: z.ZodTypeAny, kind: K): s is Kinds[K] {
  return (s._def as { typeName?: string }).typeName === kind
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
}

/** Messages written in Chinese in a schema win over the generic ones below. */
const HAS_CHINESE = /[\u4e00-\u9fff]/

function reason(issue: z.ZodIssue): string {
  if (HAS_CHINESE.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined' || issue.received === 'null') return '必填'
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.type === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`
      if (issue.type === 'array') return Number(issue.minimum) <= 1 ? '至少选择一项' : `至少 ${issue.minimum} 项`
      return issue.inclusive ? `不能小于 ${issue.minimum}` : `必须大于 ${issue.minimum}`
    case 'too_big':
      if (issue.type === 'string') return `最多 ${issue.maximum} 个字`
      if (issue.type === 'array') return `最多 ${issue.maximum} 项`
      return issue.inclusive ? `不能大于 ${issue.maximum}` : `必须小于 ${issue.maximum}`
    case 'invalid_enum_value':
      return '不是可选的值'
    case 'invalid_literal':
      return '取值不正确'
    case 'invalid_string':
      return '格式不正确'
    case 'not_multiple_of':
      return `必须是 ${issue.multipleOf} 的倍数`
    case 'not_finite':
      return '必须是有限的数字'
    case 'invalid_date':
      return '日期不正确'
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return '取值不正确'
    case 'custom':
      return '取值不正确'
    default:
      return '取值不正确'
  }
}
