/**
 * Webpack loader for @tarojs/router 4.2.1 (page handler): showing a page cancels a hide of that same
 * page that is still waiting on its timer.
 *
 * Why: opening a sub-page hides the page under it on a timer (`hide(page, true)`, even with animation
 * off). A back that lands before the timer fires shows that page again — and then the timer hides it,
 * leaving only the tab bar. Showing a page now clears its pending hide first.
 *
 * Fails the build if the code it patches has changed, so a Taro upgrade cannot silently drop the fix.
 */
const ANCHOR = /(show\(page, pageConfig = \{\}, pageNo = 0\) \{\s*var _a, _b;\s*if \(!page\)\s*return;)/

module.exports = function routerShowCancelsHide(source) {
  if (!ANCHOR.test(source)) {
    throw new Error(`${this.resourcePath}: the page show this patch extends is gone (Taro upgraded?). Re-check config/patches/router-show-cancels-hide.js`)
  }
  return source.replace(ANCHOR, `$1
        if (this.hideTimer && this.lastHidePage === this.getPageContainer(page)) {
            clearTimeout(this.hideTimer);
            this.hideTimer = null;
        }`)
}
