/** The server's admission (issue 16): bounded work in flight, and I/O gets turns between requests. */
import { Admission } from './admission'

/** A request whose whole handling is promise callbacks, as a function over the synchronous store is. */
const microtaskWork = (steps: number) => async () => {
  for (let i = 0; i < steps; i++) await Promise.resolve()
}

describe('Admission', () => {
  it('never runs more than its limit at once and runs everything', async () => {
    const admission = new Admission(3)
    let running = 0
    let most = 0
    const task = async () => {
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, 1))
      running--
    }
    await Promise.all(Array.from({ length: 20 }, () => admission.run(task)))
    expect(most).toBe(3)
    expect(admission.pending).toBe(0)
  })

  it('lets the event loop poll for I/O (a new connection) between queued requests', async () => {
    const admission = new Admission(2)
    const finished: number[] = []
    const all = Array.from({ length: 50 }, (_x, i) => admission.run(microtaskWork(100)).then(() => finished.push(i)))
    // Stands for accept() of a new connection: an I/O callback, polled after the requests were queued.
    const polled = new Promise<number>((resolve) => require('fs').stat(__filename, () => resolve(finished.length)))
    const doneWhenPolled = await polled
    await Promise.all(all)
    expect(doneWhenPolled).toBeLessThan(50)
  })

  it('idle() waits for the work in flight and queued', async () => {
    const admission = new Admission(1)
    let done = 0
    for (let i = 0; i < 5; i++) void admission.run(async () => void (await new Promise((r) => setTimeout(r, 2)), done++))
    await admission.idle()
    expect(done).toBe(5)
    await expect(admission.idle()).resolves.toBeUndefined()
  })
})
