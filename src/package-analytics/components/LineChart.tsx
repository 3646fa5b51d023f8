import { palette } from '../../styles/palette'
import { ChartCanvas } from './ChartCanvas'

export interface ChartSeries {
  name: string
  /** null where there is no data (drawn as a gap). */
  data: (number | null)[]
  color?: string
  /** A colour per point overriding the series' own where set (a month over its budget drawn red). */
  pointColors?: (string | null)[]
}

export interface LineChartProps {
  /** Unique on the page: the canvas is looked up by it. */
  id: string
  categories: string[]
  series: ChartSeries[]
  /** 'line' for a series over days, 'column' for amounts per day. */
  type?: 'line' | 'column'
  /** Formats y-axis labels, e.g. as percent. */
  formatY?: (v: number) => string
  /** What the chart shows, in words, for screen readers (the numbers are also in the list next to it). */
  label: string
  height?: number
  /** Start the y axis at 0 (default, when nothing is negative); a total that only creeps up reads better from its own minimum. */
  zeroBased?: boolean
}

/** A series over days (line) or amounts per day (column), drawn by ChartCanvas. */
export function LineChart(props: LineChartProps) {
  const labelCount = Math.min(props.categories.length, 5)
  // A negative day (a correction) must stay visible: only a series without one starts at 0.
  const fromZero = props.zeroBased !== false && props.series.every((s) => s.data.every((v) => v === null || v >= 0))
  return (
    <ChartCanvas
      id={props.id}
      height={props.height ?? 200}
      label={props.label}
      config={JSON.stringify([props.categories, props.series, props.type, props.zeroBased])}
      options={() => ({
        type: props.type ?? 'line',
        categories: props.categories,
        series: props.series.map((s) => ({ name: s.name, data: pointData(s), ...(s.color ? { color: s.color } : {}) })),
        color: [palette.lightGreen, palette.chartBlue, palette.lightYellow, palette.lightRed],
        padding: [12, 12, 4, 4],
        fontSize: 11,
        dataLabel: false,
        dataPointShape: props.categories.length <= 14,
        legend: { show: props.series.length > 1, position: 'top', float: 'right', fontSize: 11 },
        xAxis: { disableGrid: true, labelCount, fontSize: 10, fontColor: palette.textHelp, axisLineColor: palette.borderStrong },
        yAxis: {
          gridType: 'dash',
          dashLength: 2,
          gridColor: palette.borderLine,
          splitNumber: 4,
          data: [{ ...(fromZero ? { min: 0 } : {}), fontSize: 10, fontColor: palette.textHelp, ...(props.formatY ? { formatter: (v: number) => props.formatY!(v) } : {}) }],
        },
        extra: { line: { type: 'straight', width: 2 }, column: { width: 10, seriesGap: 2 } },
      })}
    />
  )
}

/** uCharts takes `{ value, color }` for a point drawn in its own colour. */
function pointData(s: ChartSeries): (number | null | { value: number; color: string })[] {
  const colors = s.pointColors
  if (!colors) return s.data
  return s.data.map((v, i) => (v !== null && colors[i] ? { value: v, color: colors[i]! } : v))
}
