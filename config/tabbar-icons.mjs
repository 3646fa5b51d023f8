// Renders the tab bar icons (weapp tabBar needs local PNGs ≤ 40 KB) from the SVG paths below.
// Run once after changing an icon: node config/tabbar-icons.mjs  (needs Chromium at /usr/bin/chromium)
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { toPalettePng } from './palette-png.mjs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar')
const COLORS = { normal: '#8a8f99', active: '#07c160' }
const SIZE = 81

/** 24×24 line icons, stroke-based so they read well at 27 px. */
const ICONS = {
  dashboard: '<path d="M4 20V10M10 20V4M16 20v-7M22 20H2"/>',
  calendar: '<rect x="3" y="5" width="18" height="16" rx="2.5"/><path d="M3 10h18M8 3v4M16 3v4M7.5 14h3M13.5 14h3M7.5 17.5h3"/>',
  approvals: '<path d="M9 3h6l1 3H8z"/><path d="M8 5H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2"/><path d="m8.5 13.5 2.5 2.5 4.5-5"/>',
  log: '<path d="M4 20h16"/><path d="M14.5 4.5l3 3L8 17H5v-3z"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21c1-4.5 4.2-7 8-7s7 2.5 8 7"/>',
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
for (const [name, body] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24" fill="none"
      stroke="${color}" stroke-width="${state === 'active' ? 2 : 1.7}" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
    const file = path.join(out, `${name}${state === 'active' ? '-active' : ''}.png`)
    await page.locator('svg').screenshot({ path: file, omitBackground: true })
    writeFileSync(file, toPalettePng(readFileSync(file)))
    console.log('wrote', path.relative(process.cwd(), file))
  }
}
await browser.close()
