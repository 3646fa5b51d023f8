// Fixtures for browser journeys: a fresh local cloud (in-memory database) serving the production
// H5 build, and Debian's Chromium at a phone-sized viewport. Screenshots go to test-results/.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import rules from '../../database.rules.json'
import { startEmulator, type Emulator } from '../../emulator/main'

const ROOT = resolve(__dirname, '../..')
export const SHOTS = join(ROOT, 'test-results')

/**
 * The journeys' clock. E2E_NOW (an ISO instant, e.g. `2026-12-02T15:58:00Z`, 23:58 in China) starts it
 * there and lets it run: CI runs at any hour, so journeys can be tried across the hours that move a default
 * day (20:00, midnight in China). This process's `Date` is shifted (the local cloud runs in it, and its
 * functions read the clock as in production), and so is each page's (Playwright's clock). Unset, nothing
 * changes.
 */
const CLOCK_OFFSET_MS = clockOffset(process.env.E2E_NOW)
if (CLOCK_OFFSET_MS) shiftDate(CLOCK_OFFSET_MS)

/** Now on the journeys' clock (the tests' own "today"). */
export function journeyNow(): Date {
  return new Date()
}

function clockOffset(at: string | undefined): number {
  if (!at) return 0
  const t = Date.parse(at)
  if (Number.isNaN(t)) throw new Error(`E2E_NOW is not an instant: ${at}`)
  return t - Date.now()
}

/** `new Date()` and `Date.now()` run `offsetMs` ahead; dates built from a value are untouched. */
function shiftDate(offsetMs: number): void {
  const Real = Date
  const realNow = Real.now.bind(Real)
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offsetMs)
      else super(...(args as [string | number | Date]))
    }
    static now(): number {
      return realNow() + offsetMs
    }
  }
  globalThis.Date = Shifted as DateConstructor
}

export interface Journey {
  emu: Emulator
  browser: Browser
  /** A new phone: its own storage, so its own signed-in person. */
  phone(): Promise<{ context: BrowserContext; page: Page }>
  shot(page: Page, name: string): Promise<void>
  close(): Promise<void>
}

export async function startJourney(opts: { seed?: boolean } = {}): Promise<Journey> {
  const staticDir = join(ROOT, 'dist/h5')
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('dist/h5 is missing: run `npm test` (it builds it) or `npm run build:h5`')
  const emu = await startEmulator({ dataDir: ':memory:', staticDir, collections: rules.collections, seed: opts.seed ?? false })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  mkdirSync(SHOTS, { recursive: true })
  const contexts: BrowserContext[] = []
  return {
    emu,
    browser,
    async phone() {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      contexts.push(context)
      // The page's clock starts at the journey's instant and runs on.
      if (CLOCK_OFFSET_MS) await context.clock.install({ time: journeyNow() })
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      page.on('pageerror', (e) => console.error('[page error]', e.message))
      return { context, page }
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) })
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined)
      await browser.close()
      await emu.close()
    },
  }
}

/** Signs a phone in as a demo member from the sign-in page (H5, loopback only). */
export async function signInAs(page: Page, url: string, openid: string, name: string): Promise<void> {
  await page.bringToFront()
  await page.goto(url)
  await page.locator('.login-page').waitFor()
  await page.locator(`.identity-row--${openid}`).click()
  await page.getByText(name).first().waitFor()
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.bringToFront()
  await page.locator('.taro-tabbar__tabbar').getByText(label).click()
}

/** H5 keeps visited pages in the DOM; the one on screen is the last visible one. */
export const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).last()

/** Waits until `check` holds (pages refresh when shown again), failing after `timeoutMs` with what the page shows. */
export async function until(check: () => Promise<boolean>, timeoutMs = 15_000, seen?: () => Promise<string>): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for the page to change${seen ? `; it shows: ${await seen().catch((e) => String(e))}` : ''}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}
