// A notification's link must open a page the app has: a subscribe message's `page` is checked by
// WeChat only when someone taps it, so a wrong path (it once was package-review/item/index) fails
// silently. Every message the functions send in a whole review is checked against the page list
// Taro reads from src/app.config.ts for the mini-program build.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { readConfig } from '@tarojs/helper'
import { ROUTES } from '../../core/routes'
import type { NotificationKind } from '../../core/review/schemas'
import type { TestCloud } from '../support/cloud'
import { ok, type World, worldOnce } from '../support/world'

const ROOT = resolve(__dirname, '../..')

/** The pages of a build as Taro reads them (main package and sub-packages), without a leading slash. */
function appPages(env: 'weapp' | 'h5'): string[] {
  // The build decides TARO_ENV at compile time; so does this read (jest's process.env is not the one the config sees).
  const config = readConfig(join(ROOT, 'src/app.config.ts'), { defineConstants: { 'process.env.TARO_ENV': JSON.stringify(env) } }) as AppConfig
  return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

interface AppConfig {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue
    const full = join(dir, e.name)
    if (e.isDirectory()) sourceFiles(full, out)
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(full)
  }
  return out
}

describe('the app page list', () => {
  it('holds every route the app navigates to (the H5 build adds the sign-in page)', () => {
    const h5 = appPages('h5')
    expect(Object.values(ROUTES).map((r) => r.slice(1)).filter((r) => !h5.includes(r))).toEqual([])
    expect(appPages('weapp')).not.toContain(ROUTES.login.slice(1))
  })
})

describe('notification links', () => {
  let cloud: TestCloud
  let w: World
  worldOnce((c, world) => {
    cloud = c
    w = world
  })

  it('only the review and analytics functions send subscribe messages (a new sender joins this test)', () => {
    const senders = sourceFiles(join(ROOT, 'cloudfunctions'))
      .filter((f) => readFileSync(f, 'utf8').includes('subscribeMessage'))
      .map((f) => relative(ROOT, f))
    expect(senders.sort()).toEqual(['cloudfunctions/analytics/notices.ts', 'cloudfunctions/review/notify.ts'])
  })

  it('every page a whole review sends is a page of the mini-program', async () => {
    const before = cloud.outbox().length
    const manager = w.openid.manager
    const owner = w.openid.owner
    const itemId = w.reviewItemId
    // Topic gate: changes requested, resubmitted, approved; final gate: submitted and approved (scheduled).
    let p = await ok<{ version: number }>(cloud, 'review', manager, 'requestChanges', { itemId, version: w.reviewVersion, comment: '标题再具体一点' })
    p = await ok(cloud, 'review', owner, 'submitVersion', { itemId, version: p.version, text: '选题：改过的标题' })
    p = await ok(cloud, 'review', manager, 'approve', { itemId, version: p.version })
    p = await ok(cloud, 'review', owner, 'submitVersion', { itemId, version: p.version, text: '终稿' })
    await ok(cloud, 'review', manager, 'approve', { itemId, version: p.version })

    const kinds = new Set(
      (await ok<{ items: { kind: NotificationKind }[] }>(cloud, 'review', owner, 'notifications', { offset: 0 })).items.map((n) => n.kind),
    )
    expect([...kinds].sort()).toEqual(['changes_requested', 'gate_passed', 'scheduled'])
    const sent = cloud.outbox().slice(0, cloud.outbox().length - before)
    expect(sent.length).toBeGreaterThanOrEqual(4)
    const pages = appPages('weapp')
    const broken = sent
      .map((s) => (s.params as { page?: string }).page ?? '(no page)')
      .filter((page) => !pages.includes(page.split('?')[0]))
    expect(broken).toEqual([])
    expect(sent.map((s) => (s.params as { page: string }).page)).toContain(`package-content/item/index?id=${itemId}`)
  })
})
