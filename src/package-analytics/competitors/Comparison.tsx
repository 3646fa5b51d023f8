import { Text, View } from '@tarojs/components'
import type { CompetitorComparison } from '../../../core/research/competitors'
import { formatCount, formatPercentChange } from '../../../core/format'
import { DataTable } from '../components/DataTable'
import { LineChart } from '../components/LineChart'

/**
 * 竞品对比: follower growth rate per week as lines (ours and each account's; a week not logged is a gap),
 * and the latest week's growth rate, cadence and best post in a table.
 */
export function Comparison(props: { view: CompetitorComparison }) {
  const { view } = props
  const latest = view.weeks[view.weeks.length - 1]
  const at = (s: CompetitorComparison['series'][number]) => s.weeks[s.weeks.length - 1]
  return (
    <>
      <View className='analytics-card comparison-chart'>
        <Text className='analytics-card__title'>粉丝周增长率</Text>
        <LineChart
          id='competitor-growth'
          label='每周粉丝增长率：我们与各竞品账号'
          categories={view.weeks.map((w) => w.short)}
          series={view.series.map((s) => ({ name: s.name, data: s.weeks.map((w) => (w.growthRate === null ? null : Math.round(w.growthRate * 10_000) / 100)) }))}
          formatY={(v) => `${Number(v.toFixed(2))}%`}
        />
      </View>
      <View className='analytics-card comparison-latest'>
        <Text className='analytics-card__title'>{latest.label}</Text>
        <DataTable
          className='comparison-table'
          columns={['账号', '粉丝增长率', '发布节奏', '最佳作品点赞']}
          rows={view.series.map((s) => {
            const w = at(s)
            return {
              key: s.key === 'ours' ? 'ours' : `c-${s.key}`,
              cells: [s.name, formatPercentChange(w.growthRate), w.posts === null ? '—' : `${w.posts} 条/周`, formatCount(w.bestLikes)],
            }
          })}
        />
        <View className='comparison-notes'>
          {view.notes.map((n) => (
            <Text key={n} className='comparison-notes__line'>
              {n}
            </Text>
          ))}
        </View>
      </View>
    </>
  )
}
