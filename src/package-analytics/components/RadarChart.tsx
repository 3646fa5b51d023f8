import { useEffect, useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import uCharts from '@qiun/ucharts'
import { palette } from '../../styles/palette'
import './LineChart.scss'

export interface RadarChartProps {
  /** Unique on the page: the canvas is looked up by it. */
  id: string
  categories: string[]
  /** One value per category. */
  data: number[]
  /** The outer ring's value (e.g. 25, the highest risk score). */
  max: number
  name: string
  /** What the chart shows, in words, for screen readers (the numbers are also listed next to it). */
  label: string
  height?: number
}

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

let seq = 0

/**
 * A radar (spider) chart drawn by uCharts on a `<Canvas type='2d'>`, found the way LineChart finds its
 * canvas. Only package-analytics imports it, so uCharts stays out of the main package.
 */
export function RadarChart(props: RadarChartProps) {
  const canvasId = useMemo(() => `${props.id}-${++seq}`, [props.id])
  const height = props.height ?? 230
  const config = JSON.stringify([props.categories, props.data, props.max])

  useEffect(() => {
    let cancelled = false
    const draw = (canvas: CanvasNode | null, width: number) => {
      if (cancelled || !canvas || !width) return
      const ratio = Taro.getSystemInfoSync().pixelRatio || 2
      canvas.width = width * ratio
      canvas.height = height * ratio
      new uCharts({
        type: 'radar',
        context: canvas.getContext('2d'),
        canvas2d: true,
        width: width * ratio,
        height: height * ratio,
        pixelRatio: ratio,
        categories: props.categories,
        series: [{ name: props.name, data: props.data }],
        animation: false,
        background: palette.white,
        color: [palette.lightRed],
        padding: [8, 8, 8, 8],
        fontSize: 11,
        dataLabel: true,
        legend: { show: false },
        // uCharts reads labelShow from these options as given (its defaults do not reach the labels).
        extra: { radar: { max: props.max, labelShow: true, gridType: 'radar', gridColor: palette.borderStrong, gridCount: 5, opacity: 0.25, border: true, borderWidth: 2, labelColor: palette.textBody } },
      })
    }
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
