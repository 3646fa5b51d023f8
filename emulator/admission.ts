/**
 * Admission of requests into the server's work. Under load (200 keep-alive clients) a request's whole
 * handling can run as one chain of promise callbacks (better-sqlite3 is synchronous), so without a bound
 * the event loop keeps serving established connections and a new connection waits in the accept queue
 * for many seconds (issue 16). We run at most `limit` requests at once, start each queued one on its own
 * turn of the event loop (setImmediate: I/O, including accept(), gets a turn in between), and can wait
 * for the work in flight to finish when the server stops.
 */
export class Admission {
  private running = 0
  private readonly queue: (() => void)[] = []
  private idleWaiters: (() => void)[] = []

  constructor(private readonly limit: number) {}

  /** Requests running or waiting. */
  get pending(): number {
    return this.running + this.queue.length
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++
        setImmediate(() => {
          task()
            .then(resolve, reject)
            .finally(() => this.done())
        })
      }
      if (this.running < this.limit) start()
      else this.queue.push(start)
    })
  }

  /** Resolves once nothing runs or waits (at once when idle). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private done(): void {
    this.running--
    const next = this.queue.shift()
    if (next) next()
    else if (this.running === 0) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      waiters.forEach((w) => w())
    }
  }
}
