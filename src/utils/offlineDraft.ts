import Taro from '@tarojs/taro'

/**
 * What an open form holds, kept on the phone as it is typed, so closing the app (or WeChat killing it
 * in the background) loses nothing. A draft is cleared once its submission is sent or in the outbox.
 */
const PREFIX = 'channels_ops_draft:'

export function loadDraft<T>(key: string): T | null {
  try {
    const raw = Taro.getStorageSync(PREFIX + key) as unknown
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage full: the form still works, only the safety net is gone.
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // Nothing to clear.
  }
}
