import Taro from '@tarojs/taro'
import { ROUTES } from '../routes'

/**
 * The router's first page, as a promise. A navigation issued while the router is still loading its
 * first page races that load: Taro's H5 router resolves both pages' code asynchronously and locks
 * only per path, so whichever arrives last is drawn on top — a blank tab page over the sign-in list,
 * or the wrong page under the right address. Launch-time redirects therefore wait for this.
 */
let shown = false
const waiting: (() => void)[] = []

function markShown(): void {
  if (shown) return
  shown = true
  waiting.splice(0).forEach((resolve) => resolve())
}

// The H5 router announces every finished page load; listening from module load (before the router
// starts) means the first announcement cannot be missed.
if (process.env.TARO_ENV === 'h5') Taro.eventCenter.once('__afterTaroRouterChange', markShown)

/** Inside WeChat the page stack is native and has no "page loaded" event: look until it holds a page. */
function watchPageStack(): void {
  if (Taro.getCurrentPages().length > 0) markShown()
  else setTimeout(watchPageStack, 16)
}

export function whenFirstPageShown(): Promise<void> {
  if (shown) return Promise.resolve()
  if (process.env.TARO_ENV !== 'h5') watchPageStack()
  return new Promise((resolve) => {
    if (shown) resolve()
    else waiting.push(resolve)
  })
}

/**
 * H5 without a session: point the address at the sign-in page before the router reads it, so the
 * router's first page is the sign-in page and no launch-time navigation is needed at all.
 * Must run before Taro creates its router (app.tsx is evaluated first).
 */
export function startSignedOutOnSignIn(): void {
  const target = `#${ROUTES.login}`
  if (window.location.hash.split('?')[0] === target) return
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${target}`)
}
