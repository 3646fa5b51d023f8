import { useCallback, useRef, useState } from 'react'
import { fieldErrorMap, toastError } from '../utils/feedback'

export interface FormAction<V> {
  submit: (values: V) => Promise<void>
  submitting: boolean
  /** Field path → Chinese message, from the client-side schema check or the function's VALIDATION answer. */
  errors: Record<string, string>
}

/**
 * Runs `action` for a form: clears old errors, shows field messages under their fields and
 * every refusal in a toast, and ignores a second tap while the first is running.
 */
export function useFormAction<V, R>(action: (values: V) => Promise<R>, onDone: (result: R) => void): FormAction<V> {
  const [submitting, setSubmitting] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // A ref, not the state: two taps in the same frame both see `submitting` still false.
  const busy = useRef(false)
  const submit = useCallback(
    async (values: V) => {
      if (busy.current) return
      busy.current = true
      setSubmitting(true)
      setErrors({})
      try {
        const result = await action(values)
        onDone(result)
      } catch (e) {
        setErrors(fieldErrorMap(e))
        toastError(e)
      } finally {
        busy.current = false
        setSubmitting(false)
      }
    },
    [action, onDone],
  )
  return { submit, submitting, errors }
}
