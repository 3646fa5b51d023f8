import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { FieldError } from '../../../core/errors'
import { ApiError } from '../../api'
import { fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'

export type Outcome = 'sent' | 'queued'

/**
 * The submit of a results form: one run at a time (a double tap sends once), precheck errors and the
 * function's field refusals shown under their fields, and a toast that says whether it arrived or waits
 * in the outbox. Goes back to the 填报 tab when done.
 */
export function useSubmit(mapPath: (path: string) => string = (p) => p) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  const show = (fields: FieldError[]) => {
    const out: Record<string, string> = {}
    for (const f of fields) {
      const key = mapPath(f.path)
      if (!(key in out)) out[key] = f.message
    }
    setErrors(out)
    scrollToField(Object.keys(out)[0])
  }

  const submit = async (precheck: () => FieldError[], run: () => Promise<Outcome>, sentText = '已提交') => {
    if (busy.current) return
    const pre = precheck()
    if (pre.length) {
      show(pre)
      toastError(new ApiError('VALIDATION', pre[0].message))
      return
    }
    busy.current = true
    setSubmitting(true)
    setErrors({})
    try {
      const outcome = await run()
      if (outcome === 'sent') toastSuccess(sentText)
      else void Taro.showToast({ title: '没有网络，已保存，待同步', icon: 'none', duration: 2500 })
      void Taro.navigateBack()
    } catch (e) {
      show(Object.entries(fieldErrorMap(e)).map(([path, message]) => ({ path, message })))
      toastError(e)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }
  return { errors, submitting, submit, setErrors }
}

/** Brings the first refused field into view: on a long form it may be far above the submit button. */
export function scrollToField(field: string | undefined): void {
  if (!field) return
  // After the error text has rendered, so the position includes it.
  setTimeout(() => {
    // Only a convenience: a host without it (or a field not on screen) leaves the page where it is.
    if (typeof Taro.pageScrollTo !== 'function') return
    Promise.resolve(Taro.pageScrollTo({ selector: `.field-${field}`, offsetTop: -80, duration: 200 })).catch(() => undefined)
  }, 50)
}
