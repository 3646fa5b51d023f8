import Taro from '@tarojs/taro'
import type { CallBody, Transport } from './client'
import { getSessionToken } from './session'

const API_BASE = process.env.TARO_APP_API_BASE ?? ''

/** H5: HTTP to the local cloud, carrying the signed session token. */
export const transport: Transport = {
  async call(fn: string, body: CallBody) {
    const token = getSessionToken()
    const res = await Taro.request({
      url: `${API_BASE}/api/fn/${fn}`,
      method: 'POST',
      data: body,
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      timeout: 15000,
    })
    // A JSON error answer (4xx/5xx) is still an answer; only a missing body is a network failure.
    if (res.data === undefined || res.data === '') throw new Error(`HTTP ${res.statusCode}`)
    return res.data
  },
}
