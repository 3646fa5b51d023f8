// NutUI writes every themable value as var(--nutui-<name>, <fallback>), often nested two or three deep, and
// nearly all of those variables are never set: a third of its CSS is that indirection, in the main package too
// (issue 15). This resolves each var(--nutui-…) to its fallback unless the variable can be set: the app's theme
// (src/app.scss), a NutUI stylesheet, or NutUI's scripts (inline styles) set it. NutUI's ConfigProvider, which
// would set any of them at run time, is not used (test/build/nutui-static-vars.test.ts keeps it so).
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')
const NUTUI = path.join(ROOT, 'node_modules/@nutui/nutui-react-taro/dist/es')

function filesUnder(dir, ext) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : []
  })
}

/** Every --nutui-* name something may set: declared in a stylesheet, or named in a NutUI script. */
function settableNames() {
  const names = new Set()
  const stylesheets = [path.join(ROOT, 'src/app.scss'), ...filesUnder(path.join(ROOT, 'src'), '.scss'), ...filesUnder(NUTUI, '.css')]
  for (const f of stylesheets) for (const m of fs.readFileSync(f, 'utf8').matchAll(/(--nutui-[a-z0-9-]+)\s*:/g)) names.add(m[1])
  for (const f of filesUnder(path.join(NUTUI, 'packages'), '.js')) for (const m of fs.readFileSync(f, 'utf8').matchAll(/["'`](--nutui-[a-z0-9-]+)/g)) names.add(m[1])
  return names
}

/** `value` with each var(--nutui-x, fallback) whose x nothing sets replaced by its (resolved) fallback. */
function resolveValue(value, settable) {
  let out = ''
  let from = 0
  for (;;) {
    const start = value.indexOf('var(--nutui-', from)
    if (start < 0) return out + value.slice(from)
    out += value.slice(from, start)
    let depth = 0
    let end = start
    for (; end < value.length; end++) {
      if (value[end] === '(') depth++
      else if (value[end] === ')' && --depth === 0) break
    }
    const inner = value.slice(start + 4, end)
    const comma = inner.indexOf(',')
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim()
    const fallback = comma < 0 ? null : inner.slice(comma + 1).trim()
    if (fallback === null) out += `var(${name})`
    else if (settable.has(name)) out += `var(${name},${resolveValue(fallback, settable)})`
    else out += resolveValue(fallback, settable)
    from = end + 1
  }
}

module.exports = (opts = {}) => {
  const settable = opts.settable ? new Set(opts.settable) : settableNames()
  return {
    postcssPlugin: 'nutui-static-vars',
    Declaration(decl) {
      if (decl.value.includes('var(--nutui-')) decl.value = resolveValue(decl.value, settable)
    },
  }
}
module.exports.postcss = true
module.exports.resolveValue = resolveValue
module.exports.settableNames = settableNames
