// @qiun/ucharts ships no types: the few options the app passes (see src/package-analytics/components/LineChart.tsx).
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(opts: Record<string, unknown> & { type: string; context: unknown; width: number; height: number })
    updateData(data: Record<string, unknown>): void
  }
}
