import { palette } from '../../styles/palette'
import { ChartCanvas } from './ChartCanvas'

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

/** A radar (spider) chart drawn by ChartCanvas. */
export function RadarChart(props: RadarChartProps) {
  return (
    <ChartCanvas
      id={props.id}
      height={props.height ?? 230}
      label={props.label}
      config={JSON.stringify([props.categories, props.data, props.max])}
      options={() => ({
        type: 'radar',
        categories: props.categories,
        series: [{ name: props.name, data: props.data }],
        color: [palette.lightRed],
        padding: [8, 8, 8, 8],
        fontSize: 11,
        dataLabel: true,
        legend: { show: false },
        // uCharts reads labelShow from these options as given (its defaults do not reach the labels).
        extra: { radar: { max: props.max, labelShow: true, gridType: 'radar', gridColor: palette.borderStrong, gridCount: 5, opacity: 0.25, border: true, borderWidth: 2, labelColor: palette.textBody } },
      })}
    />
  )
}
