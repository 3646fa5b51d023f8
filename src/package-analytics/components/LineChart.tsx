import { useEffect, useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import uCharts from '@qiun/ucharts'
import { palette } from '../../styles/palette'
import './LineChart.scss'

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

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

let seq = 0

/**
 * The one chart of the app: uCharts drawing on a `<Canvas type='2d'>`. In the mini-program the canvas
 * node comes from a selector query; in the browser it is the <canvas> inside Taro's canvas element.
 * Only package-analytics imports this file, so uCharts stays out of the main package.
 */
export function LineChart(props: LineChartProps) {
  const canvasId = useMemo(() => `${props.id}-${++seq}`, [props.id])
  const height = props.height ?? 200
  const drawn = useRef<unknown>(null)
  const config = JSON.stringify([props.categories, props.series, props.type, props.zeroBased])

  useEffect(() => {
    let cancelled = false
    const draw = (canvas: CanvasNode | null, width: number) => {
      if (cancelled || !canvas || !width) return
      const ratio = Taro.getSystemInfoSync().pixelRatio || 2
      canvas.width = width * ratio
      canvas.height = height * ratio
      const context = canvas.getContext('2d')
      const labelCount = Math.min(props.categories.length, 5)
      // A negative day (a correction) must stay visible: only a series without one starts at 0.
      const fromZero = props.zeroBased !== false && props.series.every((s) => s.data.every((v) => v === null || v >= 0))
      drawn.current = new uCharts({
        type: props.type ?? 'line',
        context,
        canvas2d: true,
        width: width * ratio,
        height: height * ratio,
        pixelRatio: ratio,
        categories: props.categories,
        series: props.series.map((s) => ({ name: s.name, data: pointData(s), ...(s.color ? { color: s.color } : {}) })),
        animation: false,
        background: palette.white,
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
      })
    }
    // After the canvas has laid out.
    const timer = setTimeout(() => {
      if (process.env.TARO_ENV === 'h5') {
        const host = document.getElementById(canvasId)
        const canvas = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as (HTMLCanvasElement & CanvasNode) | null
        draw(canvas, host?.getBoundingClientRect().width ?? 0)
        return
      }
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[]) => draw(res?.[0]?.node ?? null, res?.[0]?.width ?? 0))
    }, 50)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [canvasId, config, height]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <View className='line-chart' aria-label={props.label}>
      <Canvas type='2d' id={canvasId} canvasId={canvasId} className='line-chart__canvas' style={{ width: '100%', height: `${height}px` }} />
    </View>
  )
}

/** uCharts takes `{ value, color }` for a point drawn in its own colour. */
function pointData(s: ChartSeries): (number | null | { value: number; color: string })[] {
  const colors = s.pointColors
  if (!colors) return s.data
  return s.data.map((v, i) => (v !== null && colors[i] ? { value: v, color: colors[i]! } : v))
}
