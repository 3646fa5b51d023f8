/**
 * Webpack loader for @tarojs/router 4.2.1: the H5 router draws a page only if its address is still the
 * current one when the page's code has arrived.
 *
 * Why: the router loads each page's code asynchronously and drops a stale load only when the *same* path
 * is requested again. A navigation that lands while another page is still loading is drawn, and then the
 * older load is drawn on top of it: a back within a moment of opening a sub-page shows the sub-page under
 * the tab's address; a launch-time redirect can leave the home tab covering the sign-in page. Checking
 * the history's current location before drawing makes the last navigation win, whatever the timing.
 *
 * Fails the build if the code it patches has changed, so a Taro upgrade cannot silently drop the fix.
 */
const ANCHOR = 'if (!element || currentLock !== postLock)'
// createRouter's first parameter is the history (named history$1 in the bundled cjs copy).
const HISTORY_PARAM = /function createRouter\(([\w$]+),/

module.exports = function routerDrawsCurrentLocation(source) {
  const history = HISTORY_PARAM.exec(source)?.[1]
  if (!source.includes(ANCHOR) || !history) {
    throw new Error(`${this.resourcePath}: the render guard this patch extends is gone (Taro upgraded?). Re-check config/patches/router-draws-current-location.js`)
  }
  return source.replace(ANCHOR, `${ANCHOR.slice(0, -1)} || location.key !== ${history}.location.key)`)
}
