// The build swaps lodash.kebabcase for config/shims/kebab-case.js (issue 15): same answers on theme-style keys.
// Both are untyped CommonJS: required, with the one signature they share.
type Kebab = (input: string) => string
const lodashKebab = require('lodash.kebabcase') as Kebab
const shim = require('../../config/shims/kebab-case') as Kebab

const KEYS = ['nutuiColorPrimary', 'nutuiButtonBorderRadius', 'nutuiFontSize1', 'primaryColorEnd', 'nutuiHTMLText', 'nutui-color-primary', 'already_snake_case', 'Tabs2Title', 'a', '']

test.each(KEYS)('%s', (key) => {
  expect(shim(key)).toBe(lodashKebab(key))
})
