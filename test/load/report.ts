/** Latency table of a load run: per action, count, throughput and p50/p95/p99/max. */
export interface Sample {
  action: string
  ms: number
  /** The request opened a new connection (its wait includes accept()). */
  newSocket: boolean
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
}

export function report(samples: Sample[], seconds: number): string {
  const groups = new Map<string, number[]>()
  for (const s of samples) {
    if (!groups.has(s.action)) groups.set(s.action, [])
    groups.get(s.action)!.push(s.ms)
  }
  groups.set('ALL', samples.map((s) => s.ms))
  groups.set('first on a new connection', samples.filter((s) => s.newSocket).map((s) => s.ms))
  const rows = [['action', 'count', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']]
  for (const [name, ms] of groups) {
    rows.push([
      name,
      String(ms.length),
      (ms.length / seconds).toFixed(1),
      ...[0.5, 0.95, 0.99].map((p) => String(percentile(ms, p))),
      String(ms.reduce((a, b) => Math.max(a, b), 0)),
    ])
  }
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n')
}
