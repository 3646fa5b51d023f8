import { Text, View } from '@tarojs/components'
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../../core/steering/risks'

const ROWS = [5, 4, 3, 2, 1]
const COLS = [1, 2, 3, 4, 5]

/**
 * The 5×5 heat map: likelihood up the side (5 at the top), impact along the bottom, each cell coloured by
 * the matrix's level and showing how many open risks sit in it.
 */
export function HeatMap(props: { heat: number[][]; matrix: RiskLevel[][] }) {
  return (
    <View className='heat-map' aria-label='风险热力图：纵轴可能性，横轴影响程度'>
      <View className='heat-map__body'>
        <Text className='heat-map__axis heat-map__axis--y'>可能性</Text>
        <View className='heat-map__grid'>
          {ROWS.map((l) => (
            <View key={l} className='heat-map__row'>
              <Text className='heat-map__tick'>{l}</Text>
              {COLS.map((i) => {
                const n = props.heat[l - 1][i - 1]
                const level = props.matrix[l - 1][i - 1]
                return (
                  <View key={i} className={`heat-cell heat-cell--${level} ${n ? 'heat-cell--filled' : ''} heat-cell-${l}-${i}`} aria-label={`可能性 ${l}，影响 ${i}，${RISK_LEVEL_LABELS[level]}：${n} 项`}>
                    <Text className='heat-cell__count'>{n ? String(n) : ''}</Text>
                  </View>
                )
              })}
            </View>
          ))}
          <View className='heat-map__row'>
            <Text className='heat-map__tick' />
            {COLS.map((i) => (
              <Text key={i} className='heat-map__tick heat-map__tick--x'>
                {i}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <Text className='heat-map__axis heat-map__axis--x'>影响程度</Text>
      <View className='heat-map__legend'>
        {(['low', 'medium', 'high', 'critical'] as const).map((l) => (
          <View key={l} className='heat-map__legend-item'>
            <View className={`heat-map__swatch heat-map__swatch--${l}`} />
            <Text className='heat-map__legend-text'>{RISK_LEVEL_LABELS[l]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
