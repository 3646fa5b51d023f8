/**
 * Webpack loader for @tarojs/plugin-framework-react 4.2.1 (runtime): unmounting a page whose mount has not
 * been rendered yet no longer removes a different page.
 *
 * Why: `AppWrapper.mount` queues a page and renders it later; `unmount` looks the page up among the
 * rendered ones only and calls `elements.splice(idx, 1)`. A back tapped while the sub-page is still
 * mounting unloads the queued page, `findIndex` answers -1, and `splice(-1, 1)` removes the *last rendered*
 * page — the tab page the user is going back to — leaving only the tab bar. Now unmounting a queued page
 * cancels it (it is never rendered and its load callback never runs); an unknown id removes nothing.
 *
 * Fails the build if the code it patches has changed, so a Taro upgrade cannot silently drop the fix.
 */
const PATCHES = [
  [
    `const page = () => h$1(pageWrapper, { key, tid: id });
            this.pages.push(page);
            this.forceUpdate((...args) => {
                perf.stop(PAGE_INIT);
                return cb(...args);
            });`,
    `const page = () => h$1(pageWrapper, { key, tid: id });
            page.tid = id;
            this.pages.push(page);
            this.forceUpdate((...args) => {
                perf.stop(PAGE_INIT);
                // Unmounted before it was rendered: there is no page to load.
                if (page.cancelled) return;
                return cb(...args);
            });`,
  ],
  [
    `const idx = elements.findIndex(item => item.props.tid === id);
            elements.splice(idx, 1);
            this.forceUpdate(cb);`,
    `const idx = elements.findIndex(item => item.props.tid === id);
            if (idx > -1) elements.splice(idx, 1);
            else {
                const queued = this.pages.findIndex(page => page.tid === id);
                if (queued > -1) this.pages.splice(queued, 1)[0].cancelled = true;
            }
            this.forceUpdate(cb);`,
  ],
]

module.exports = function unmountPendingPage(source) {
  let out = source
  for (const [anchor, patched] of PATCHES) {
    if (!out.includes(anchor)) {
      throw new Error(`${this.resourcePath}: the page mount/unmount this patch fixes is gone (Taro upgraded?). Re-check config/patches/unmount-pending-page.js`)
    }
    out = out.replace(anchor, patched)
  }
  return out
}
