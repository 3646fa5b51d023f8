// Shared by every section: the printed rows, HTTP callers (reads and writes) and p50/p95 timing.

/** The printed table: one [measure, value] row per figure, in the order the sections add them. */
export const rows: [string, string][] = []

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export async function caller(url: string, openid: string) {
  const session = (await (await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { token: string }
  return (fn: string, action: string, data: unknown = {}) =>
    fetch(`${url}api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>)
}

/** p50/p95 in ms of `n` sequential calls after a warm-up. */
export async function measure(n: number, run: () => Promise<{ ok: boolean }>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(100, n / 5); i++) await run()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    const res = await run()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
    if (!res.ok) throw new Error(`call failed: ${JSON.stringify(res)}`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

export const fmt = (m: { p50: number; p95: number }) => `p50 ${m.p50.toFixed(2)} ms · p95 ${m.p95.toFixed(2)} ms`

/** Like `caller`, for writes: each call carries its own requestId. */
export async function writer(url: string, openid: string) {
  const session = (await (await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { token: string }
  return (fn: string, action: string, data: unknown, requestId: string) =>
    fetch(`${url}api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ action, data, requestId }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>)
}

/**
 * After blocking the event loop (writing history, scanning in-process) past the server's keep-alive
 * timeout: let it close its idle sockets before the client reuses one (else ECONNRESET).
 */
export const settle = () => new Promise((r) => setTimeout(r, 200))

export async function measureSync(n: number, run: () => unknown): Promise<{ p50: number; p95: number }> {
  return measure(n, async () => {
    run()
    return { ok: true }
  })
}
