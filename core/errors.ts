/** Error codes shared by cloud functions and the app (ARCHITECTURE.md "Calls and errors"). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One bad input field: its dotted path and a Chinese message naming it. */
export interface FieldError {
  path: string
  message: string
}

export interface ErrorShape {
  code: ErrorCode
  message: string
  fields?: FieldError[]
  /** Current state for CONFLICT answers, so the client can show what won. */
  current?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorShape }

/** Default Chinese message per code, used when a thrower gives none. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '输入有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务器内部错误，请稍后重试',
}

/** The one typed error of the app; handlers throw it, the action wrapper turns it into an ErrorShape. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldError[]
  readonly current?: unknown

  constructor(code: ErrorCode, message?: string, extra?: { fields?: FieldError[]; current?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.fields = extra?.fields
    this.current = extra?.current
  }

  toShape(): ErrorShape {
    const shape: ErrorShape = { code: this.code, message: this.message }
    if (this.fields) shape.fields = this.fields
    if (this.current !== undefined) shape.current = this.current
    return shape
  }
}

export function isErrorShape(v: unknown): v is ErrorShape {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorShape).message === 'string' &&
    (ERROR_CODES as readonly string[]).includes((v as ErrorShape).code)
  )
}

/**
 * The VALIDATION error of one or more bad fields: its message lists the fields' messages, so a caller that
 * shows only the message still names every field.
 *
 * @example
 * validationError([{ path: 'to', message: '结束日期：不能早于开始日期' }]).toShape()
 * //=> { code: 'VALIDATION', message: '结束日期：不能早于开始日期', fields: [{ path: 'to', message: '结束日期：不能早于开始日期' }] }
 * validationError([]).message //=> '输入有误，请检查后重试'
 */
export function validationError(fields: FieldError[], message?: string): AppError {
  return new AppError('VALIDATION', message ?? (fields.length ? fields.map((f) => f.message).join('；') : undefined), { fields })
}

/**
 * The VALIDATION error of a single field.
 *
 * @example
 * fieldError('plannedAt', '计划发布时间：不能早于现在').fields //=> [{ path: 'plannedAt', message: '计划发布时间：不能早于现在' }]
 */
export function fieldError(path: string, message: string): AppError {
  return validationError([{ path, message }])
}

/**
 * Throws the VALIDATION error of `fields`, if there are any.
 *
 * @example
 * refuseFields([]) // returns
 * refuseFields([{ path: 'date', message: '日期：不能晚于今天（2026-11-27）' }]) // throws VALIDATION
 */
export function refuseFields(fields: FieldError[]): void {
  if (fields.length) throw validationError(fields)
}
