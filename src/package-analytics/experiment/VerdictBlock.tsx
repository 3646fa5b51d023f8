import { Text, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import { formatCount, formatNumber, formatPercent } from '../../../core/format'
import type { Verdict } from '../../../core/research/verdict'
import { palette } from '../../styles/palette'

const pct = (v: number) => formatNumber(v * 100, 1)
/** A chance that rounds to 0% or 100% is not certain: say so. */
const chance = (v: number) => (v > 0.999 ? '> 99.9%' : v < 0.001 ? '< 0.1%' : formatPercent(v))
const points = (v: number) => `${v >= 0 ? '+' : '−'}${formatNumber(Math.abs(v) * 100, 1)}`

/**
 * The verdict as the function computed it: each variant's rate with its 95% interval; once the planned
 * sample is reached, the lift over the control with its interval, the p-value and the chance to beat it.
 * Below the sample (样本不足) a progress bar and no winner — the comparison is not shown at all (no peeking).
 */
export function VerdictBlock({ verdict, title, compare = true }: { verdict: Verdict; title: string; compare?: boolean }) {
  const reached = verdict.state === 'significant' || verdict.state === 'notSignificant'
  const control = verdict.variants[0]
  return (
    <View className={`analytics-card verdict verdict--${verdict.state}`}>
      <View className='verdict__head'>
        <Text className='analytics-card__title'>{title}</Text>
        <Text className={`verdict__state verdict__state--${verdict.state}`}>{verdict.stateLabel}</Text>
      </View>
      {verdict.state === 'insufficient' || (verdict.state === 'noData' && verdict.needPerVariant !== null) ? (
        <View className='verdict__progress'>
          <Progress percent={Math.min(100, Math.floor(verdict.progress * 100))} color={palette.lightYellow} showText />
          <Text className='verdict__progress-text'>{`样本进度：最少的一组已达计划的 ${Math.min(100, Math.floor(verdict.progress * 100))}%（每组需 ${formatCount(verdict.needPerVariant)}）`}</Text>
        </View>
      ) : null}
      <Text className='verdict__sentence'>{verdict.sentence}</Text>
      {verdict.srm?.warn ? <Text className='verdict__srm'>{`流量分配异常（SRM，p = ${verdict.srm.p.toPrecision(2)}）：各组样本与计划比例不符，结论可能不可靠，请检查分组。`}</Text> : null}
      <View className='verdict__rows'>
        {verdict.variants.map((v, i) => (
          <View key={v.key} className={`verdict-row verdict-row--${v.key} ${reached && verdict.winner === v.key ? 'verdict-row--winner' : ''}`}>
            <View className='verdict-row__head'>
              <Text className='verdict-row__name'>{`${v.key} · ${v.name}${i === 0 ? '（对照）' : ''}`}</Text>
              {reached && verdict.winner === v.key ? <Text className='verdict-row__badge'>胜出</Text> : null}
            </View>
            <Text className='verdict-row__rate'>
              {v.rate === null ? '暂无数据' : `${formatPercent(v.rate)}${v.interval ? `（95% 区间 ${pct(v.interval.low)}–${pct(v.interval.high)}%）` : ''}`}
            </Text>
            <Text className='verdict-row__counts'>{`${formatCount(v.successes)} / ${formatCount(v.trials)}`}</Text>
            {compare && reached && i > 0 ? (
              <Text className='verdict-row__compare'>
                {[
                  v.diff ? `比 ${control.key} ${points(v.diff.diff)} 个百分点（${points(v.diff.low)} 至 ${points(v.diff.high)}）` : null,
                  v.p !== null ? (v.p < 0.001 ? 'p < 0.001' : `p = ${formatNumber(v.p, 3)}`) : null,
                  v.chanceToBeat !== null ? `胜过 ${control.key} 的概率 ${chance(v.chanceToBeat)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
