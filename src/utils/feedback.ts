import Taro from '@tarojs/taro'
import type { FieldError } from '../../core/errors'
import { ApiError } from '../api/client'

const FALLBACK_MESSAGE = '出了点问题，请稍后重试'

/** The Chinese message to show for any failure (server refusals carry their own). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return FALLBACK_MESSAGE
}

/** Normalises anything thrown into an ApiError so screens handle one type. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError('INTERNAL', FALLBACK_MESSAGE)
}

/** Field path → first message, for showing server and client validation under each field. */
export function fieldErrorMap(e: unknown): Record<string, string> {
  const map: Record<string, string> = {}
  const fields: FieldError[] = e instanceof ApiError ? e.fields ?? [] : []
  for (const f of fields) {
    if (!(f.path in map)) map[f.path] = f.message
  }
  return map
}

export function toastError(e: unknown): void {
  void Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 2500 })
}

export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}
