import { Text, View } from '@tarojs/components'
import type { AnalysisEvidence } from '../../../core/analytics/alerts'

/** The numbers a special analysis opened with (frozen then): the weeks vs target, movers, drop-off, mix. */
export function Evidence({ e }: { e: AnalysisEvidence }) {
  return (
    <View className={`analytics-card evidence evidence--${e.kpi}`}>
      <Text className='analytics-card__title'>{`证据 · ${e.label}`}</Text>
      <View className='evidence__weeks'>
        {e.weeks.map((w) => (
          <View key={w.week} className={`evidence-week evidence-week--${w.verdict}`}>
            <Text className='evidence-week__days'>{`${w.from.slice(5)} 至 ${w.to.slice(5)}`}</Text>
            <Text className='evidence-week__value'>{w.display}</Text>
            <Text className='evidence-week__target'>{`目标 ${w.targetDisplay}`}</Text>
            <Text className='evidence-week__verdict'>{w.verdictLabel}</Text>
          </View>
        ))}
      </View>
      {e.movers.length ? (
        <View className='evidence__block'>
          <Text className='evidence__subtitle'>{`影响最大的内容（这几周新增${e.moversBy ?? ''}）`}</Text>
          {e.movers.map((m) => (
            <View key={m.itemId} className='evidence__line'>
              <Text className='evidence__name'>{m.title}</Text>
              <Text className='evidence__num'>{m.display}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className='evidence__block'>
        <Text className='evidence__subtitle'>漏斗</Text>
        <Text className='analytics-card__text'>{e.biggestDrop ? `${e.biggestDrop.text}（转化 ${e.biggestDrop.rateDisplay}）` : '这两周没有漏斗数据'}</Text>
      </View>
      <View className='evidence__block'>
        <Text className='evidence__subtitle'>内容结构</Text>
        <Text className='analytics-card__text'>{e.mix.join('；')}</Text>
      </View>
    </View>
  )
}
