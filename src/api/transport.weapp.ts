import Taro from '@tarojs/taro'
import type { CallBody, Transport } from './client'

/** Mini-program: wx.cloud.callFunction; the platform supplies the caller's OPENID. */
export const transport: Transport = {
  async call(fn: string, body: CallBody) {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as Record<string, unknown> })
    return res.result
  },
}
