import Taro from '@tarojs/taro'

/**
 * Mini-program only: connects wx.cloud before the first callFunction.
 * An empty TARO_APP_CLOUD_ENV means the project's default cloud environment.
 */
export function initCloud(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}
