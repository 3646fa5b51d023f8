import { useEffect, useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import uCharts from '@qiun/ucharts'
import { palette } from '../../styles/palette'
import './LineChart.scss'

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

export interface ChartCanvasProps {
  /** Unique on the page: the canvas is looked up by it. */
  id: string
  height: number
  /** What the chart shows, in words, for screen readers (the numbers are also listed next to it). */
  label: string
  /** The chart's data as a string: it is redrawn when this changes. */
  config: string
  /** uCharts options for this chart (type, categories, series, axes…); the canvas, size and ratio are added here. */
  options: () => Record<string, unknown> & { type: string }
}

let seq = 0

/**
 * uCharts drawing on a `<Canvas type='2d'>`, for every chart of the app. In the mini-program the canvas node
 * comes from a selector query; in the browser it is the <canvas> inside Taro's canvas element. Only
 * package-analytics imports this file, so uCharts stays out of the main package.
 */
export function ChartCanvas(props: ChartCanvasProps) {
  const canvasId = useMemo(() => `${props.id}-${++seq}`, [props.id])
  const { height } = props

  useEffect(() => {
    let cancelled = false
    const draw = (canvas: CanvasNode | null, width: number) => {
      if (cancelled || !canvas || !width) return
      const ratio = Taro.getSystemInfoSync().pixelRatio || 2
      canvas.width = width * ratio
      canvas.height = height * ratio
      new uCharts({
        animation: false,
        background: palette.white,
        ...props.options(),
        context: canvas.getContext('2d'),
        canvas2d: true,
        width: width * ratio,
        height: height * ratio,
        pixelRatio: ratio,
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
  }, [canvasId, props.config, height]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <View className='line-chart' aria-label={props.label}>
      <Canvas type='2d' id={canvasId} canvasId={canvasId} className='line-chart__canvas' style={{ width: '100%', height: `${height}px` }} />
    </View>
  )
}
