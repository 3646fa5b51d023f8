// The local cloud on jest's fake system clock, for tests of timers and China-time days. Only the date is
// faked: timers, ticks and performance stay real, so the cloud's I/O and waits run as usual.

/** `jest.useFakeTimers(FAKE_CLOCK)`: fake `Date` only. */
export const FAKE_CLOCK = {
  doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'],
} as const

/** Moves the fake clock to a China-time day and hh:mm (noon by default). */
export const chinaAt = (d: string, hhmm = '12:00'): void => jest.setSystemTime(new Date(`${d}T${hhmm}:00+08:00`))
