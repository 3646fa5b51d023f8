/**
 * A small stand-in for @tarojs/taro in jsdom: the APIs the app and NutUI call, recording the
 * ones tests assert on (toasts, navigation, clipboard). Reset with `resetTaroMock()`.
 */
type Options = Record<string, unknown>

export const taroCalls = {
  toasts: [] as string[],
  navigations: [] as { kind: string; url?: string }[],
  clipboard: [] as string[],
}

const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}

/** The query of the page under test, as `useRouter().params` returns it. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function resetTaroMock(): void {
  routerParams = {}
  taroCalls.toasts.length = 0
  taroCalls.navigations.length = 0
  taroCalls.clipboard.length = 0
  storage.clear()
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' }

const systemInfo = {
  windowWidth: 375,
  windowHeight: 812,
  screenWidth: 375,
  screenHeight: 812,
  pixelRatio: 2,
  statusBarHeight: 20,
  safeArea: { top: 20, bottom: 812, left: 0, right: 375, width: 375, height: 792 },
  platform: 'devtools',
  language: 'zh_CN',
  theme: 'light',
}

function selectorQuery() {
  const q = {
    select: () => q,
    selectAll: () => q,
    in: () => q,
    selectViewport: () => q,
    boundingClientRect: (cb?: (r: unknown) => void) => {
      cb?.({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 })
      return q
    },
    scrollOffset: () => q,
    fields: () => q,
    exec: (cb?: (r: unknown[]) => void) => cb?.([]),
  }
  return q
}

const listeners = new Map<string, Set<(...a: unknown[]) => void>>()
export const eventCenter = {
  on: (name: string, fn: (...a: unknown[]) => void) => {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)!.add(fn)
  },
  off: (name: string, fn?: (...a: unknown[]) => void) => {
    if (fn) listeners.get(name)?.delete(fn)
    else listeners.delete(name)
  },
  once: (name: string, fn: (...a: unknown[]) => void) => eventCenter.on(name, fn),
  trigger: (name: string, ...args: unknown[]) => listeners.get(name)?.forEach((fn) => fn(...args)),
}

const resolved = async (extra: Options = {}) => ({ errMsg: 'ok', ...extra })

export const getEnv = () => ENV_TYPE.WEB
export const getSystemInfoSync = () => systemInfo
export const getWindowInfo = () => systemInfo
export const getDeviceInfo = () => systemInfo
export const getAppBaseInfo = () => systemInfo
export const pxTransform = (n: number) => `${n / 2}px`
export const nextTick = (fn: () => void) => setTimeout(fn, 0)
export const createSelectorQuery = selectorQuery
export const getCurrentInstance = () => ({ router: { params: {}, path: '/' }, page: null })
export const getCurrentPages = () => [] as { route: string }[]
export const showToast = (o: { title: string }) => {
  taroCalls.toasts.push(o.title)
  return resolved()
}
export const hideToast = () => resolved()
export const showLoading = () => resolved()
export const hideLoading = () => resolved()
export const showModal = () => resolved({ confirm: true, cancel: false })
export const setClipboardData = (o: { data: string }) => {
  taroCalls.clipboard.push(o.data)
  return resolved()
}
const navigate = (kind: string) => (o: { url?: string } = {}) => {
  taroCalls.navigations.push({ kind, url: o.url })
  return resolved()
}
export const navigateTo = navigate('navigateTo')
export const redirectTo = navigate('redirectTo')
export const reLaunch = navigate('reLaunch')
export const switchTab = navigate('switchTab')
export const navigateBack = navigate('navigateBack')
export const stopPullDownRefresh = () => resolved()
export const setTabBarBadge = () => resolved()
export const removeTabBarBadge = () => resolved()
export const requestSubscribeMessage = () => resolved()
export const chooseMedia = () => Promise.reject(new Error('chooseMedia is not available in component tests'))
export const setNavigationBarTitle = () => resolved()
export const getStorageSync = (k: string) => storage.get(k) ?? ''
export const setStorageSync = (k: string, v: unknown) => void storage.set(k, v)
export const removeStorageSync = (k: string) => void storage.delete(k)
export const request = () => Promise.reject(new Error('Taro.request is not available in component tests'))
export const cloud = {
  init: () => undefined,
  callFunction: () => Promise.reject(new Error('wx.cloud is not available in component tests')),
}

// Page and app lifecycle hooks: nothing drives them in jsdom.
const noopHook = () => undefined
export const usePullDownRefresh = noopHook
export const useReachBottom = noopHook
export const useDidShow = noopHook
export const useDidHide = noopHook
export const useLaunch = noopHook
export const useLoad = noopHook
export const useReady = noopHook
export const useRouter = () => ({ params: routerParams, path: '/' })

const Taro = {
  ENV_TYPE,
  eventCenter,
  getEnv,
  getSystemInfoSync,
  getWindowInfo,
  getDeviceInfo,
  getAppBaseInfo,
  pxTransform,
  nextTick,
  createSelectorQuery,
  getCurrentInstance,
  getCurrentPages,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  setClipboardData,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  navigateBack,
  stopPullDownRefresh,
  setTabBarBadge,
  removeTabBarBadge,
  requestSubscribeMessage,
  chooseMedia,
  setNavigationBarTitle,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  request,
  cloud,
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useDidHide,
  useLaunch,
  useLoad,
  useReady,
  useRouter,
}

export default Taro
