// Stands in for lodash.kebabcase (14 KB with its Unicode word tables), which NutUI's ConfigProvider imports to
// turn theme keys (nutuiColorPrimary) into CSS variable names. The app passes no theme, and these keys are
// ASCII camelCase, where this gives lodash's answer (test/build/kebab-case.test.ts). Issue 15.
module.exports = function kebabCase(input) {
  return String(input ?? '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .split(/[^a-zA-Z\d]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .join('-')
}
