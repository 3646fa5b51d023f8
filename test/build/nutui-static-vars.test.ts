// NutUI's var(--nutui-…, fallback) chains are resolved at build time unless the variable can be set
// (config/postcss-nutui-static-vars.js, issue 15).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './imports'

type Resolve = (value: string, settable: Set<string>) => string
const plugin = require('../../config/postcss-nutui-static-vars') as { resolveValue: Resolve; settableNames: () => Set<string> }

test('an unset variable gives way to its fallback, nested ones too; a settable one stays, with its fallback resolved', () => {
  const settable = new Set(['--nutui-color-title'])
  expect(plugin.resolveValue('var(--nutui-button-default-color,var(--nutui-color-title,#1a1a1a))', settable)).toBe('var(--nutui-color-title,#1a1a1a)')
  expect(plugin.resolveValue('var(--nutui-popup-border-radius,24px) var(--nutui-popup-border-radius,24px) 0 0', settable)).toBe('24px 24px 0 0')
  expect(plugin.resolveValue('calc(var(--nutui-cell-padding, 13px) * 2)', settable)).toBe('calc(13px * 2)')
  expect(plugin.resolveValue('var(--nutui-color-title)', settable)).toBe('var(--nutui-color-title)')
  expect(plugin.resolveValue('var(--nutui-unknown-thing)', settable)).toBe('var(--nutui-unknown-thing)')
})

test('the app theme, NutUI stylesheets and NutUI scripts count as setting a variable', () => {
  const names = plugin.settableNames()
  expect(names.has('--nutui-color-primary')).toBe(true) // src/app.scss
  expect(names.has('--nutui-overlay-bg-color')).toBe(true) // a NutUI stylesheet
  expect(names.has('--nutui-picker-item-height')).toBe(true) // NutUI's picker sets it inline
  expect(names.has('--nutui-button-default-color')).toBe(false)
})

test('the app never uses NutUI ConfigProvider, which sets any variable at run time', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : []
    })
  const users = sources(join(ROOT, 'src')).filter((f) => /\bConfigProvider\b/.test(readFileSync(f, 'utf8')))
  expect(users).toEqual([])
})
