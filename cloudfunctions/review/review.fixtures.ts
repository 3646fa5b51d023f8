// What the review function's int tests (decide, flows and read .int.test.ts) share: calls to `review` as a
// given member, the operator and the manager of the world, and the steps of a production at its gates
// (start the world's planned short video, submit a version, approve it).
import type { ProductionView } from '../../core/review/schemas'
import type { TestCloud } from '../../test/support/cloud'
import { ok, type World } from '../../test/support/world'

/**
 * The helpers, over the cloud and world that `useWorld` is given before each test:
 *
 * @example
 * const { useWorld, started, submit } = reviewHelpers()
 * worldEachTest((c, world) => { cloud = c; w = world; useWorld(c, world) })
 */
export function reviewHelpers() {
  let cloud: TestCloud
  let w: World
  const useWorld = (c: TestCloud, world: World) => {
    cloud = c
    w = world
  }

  let seq = 0
  const call = (openid: string, action: string, data: unknown = {}) =>
    cloud.call('review', openid, { action, data, requestId: `r-${Date.now().toString(36)}-${seq++}` })
  const review = <T>(openid: string, action: string, data: unknown = {}) => ok<T>(cloud, 'review', openid, action, data)
  const op = () => w.openid.operator
  const mgr = () => w.openid.manager

  /** A planned short video owned by the operator, in production at its topic gate. */
  async function started(): Promise<ProductionView> {
    return review<ProductionView>(op(), 'startProduction', { itemId: w.itemId })
  }

  async function submit(p: ProductionView, text = '脚本初稿', by = op()): Promise<ProductionView> {
    return review<ProductionView>(by, 'submitVersion', { itemId: p.itemId, version: p.version, text })
  }

  async function approve(p: ProductionView, by = mgr(), comment = '可以'): Promise<ProductionView> {
    return review<ProductionView>(by, 'approve', { itemId: p.itemId, version: p.version, comment })
  }

  return { useWorld, call, review, op, mgr, started, submit, approve }
}
