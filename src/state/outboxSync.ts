import Taro from '@tarojs/taro'
import { loadOutbox, syncOutbox } from './outbox'

let started = false

function syncIfPending(): void {
  if (loadOutbox().some((e) => e.status === 'pending')) void syncOutbox()
}

/**
 * Called once at launch: sends what the outbox holds from an earlier session, and again whenever the
 * network comes back (the mini-program's network status; the browser's `online` event).
 */
export function startOutboxSync(): void {
  if (started) return
  started = true
  syncIfPending()
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window !== 'undefined') window.addEventListener('online', syncIfPending)
    return
  }
  // Absent from some hosts (old base libraries, test harnesses): the tab's sync button and the next launch still send.
  if (typeof Taro.onNetworkStatusChange !== 'function') return
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) syncIfPending()
  })
}
