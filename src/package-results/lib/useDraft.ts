import { useCallback, useEffect, useRef, useState } from 'react'
import { clearDraft, loadDraft, saveDraft } from '../../utils/offlineDraft'

/**
 * A form's state that survives the app being closed: read from the phone's storage on open (or built by
 * `initial`), written back on every change, cleared with `done()` once the submission is sent or queued.
 */
export function useDraft<T>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => loadDraft<T>(key) ?? initial())
  const finished = useRef(false)
  useEffect(() => {
    if (!finished.current) saveDraft(key, value)
  }, [key, value])
  const done = useCallback(() => {
    finished.current = true
    clearDraft(key)
  }, [key])
  return [value, setValue, done] as const
}
