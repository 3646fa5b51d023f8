// Drops NutUI's right-to-left rules (`.nut-rtl …`, `[dir=rtl] …`, `.nut-…-rtl`): the app is Chinese, left to
// right, and never turns RTL on, yet they were about a tenth of the main package's styles (issue 15).
const RTL = /\bnut-rtl\b|\[dir=["']?rtl|-rtl\b/

module.exports = () => ({
  postcssPlugin: 'drop-rtl',
  Rule(rule) {
    const keep = rule.selectors.filter((s) => !RTL.test(s))
    if (keep.length === 0) rule.remove()
    else if (keep.length !== rule.selectors.length) rule.selectors = keep
  },
})
module.exports.postcss = true
