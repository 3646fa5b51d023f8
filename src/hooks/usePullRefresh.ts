import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull-to-refresh (page config `enablePullDownRefresh: true`) runs `refresh`, then closes the spinner. */
export function usePullRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
