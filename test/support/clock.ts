// The local cloud on jest's fake system clock, for tests of timers and China-time days. Only the date is
// faked: timers, ticks and performance stay real, so the cloud's I/O and waits run as usual.
import { createTestCloud, type TestCloud } from './cloud'
import { buildWorld, type World } from './world'

/** `jest.useFakeTimers(FAKE_CLOCK)`: fake `Date` only. */
export const FAKE_CLOCK = {
  doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'],
} as const

/** Moves the fake clock to a China-time day and hh:mm (noon by default). */
export const chinaAt = (d: string, hhmm = '12:00'): void => jest.setSystemTime(new Date(`${d}T${hhmm}:00+08:00`))

/**
 * Before each test, a fresh local cloud and world on the fake clock, built at `hhmm` (noon) China time of `day`;
 * after it, the cloud closed and the real clock back. `use` takes them (and may add to the world).
 *
 * @example
 * let cloud: TestCloud, w: World
 * worldOnFakeClock('2031-03-03', (c, world) => { cloud = c; w = world })
 */
export function worldOnFakeClock(day: string, use: (cloud: TestCloud, w: World) => void | Promise<void>, hhmm?: string): void {
  let cloud: TestCloud | undefined
  beforeEach(async () => {
    jest.useFakeTimers(FAKE_CLOCK as never)
    chinaAt(day, hhmm)
    cloud = await createTestCloud({ now: () => new Date() })
    await use(cloud, await buildWorld(cloud))
  })
  afterEach(() => {
    cloud?.close()
    jest.useRealTimers()
  })
}
