import { Text, View } from '@tarojs/components'
import './index.scss'

export type AnalyticsLink = 'funnel' | 'growth' | 'targets' | 'analyses'

const LINKS: { key: AnalyticsLink; title: string; hint: string }[] = [
  { key: 'funnel', title: '转化漏斗', hint: '曝光到成交，最大流失' },
  { key: 'growth', title: '粉丝增长', hint: '净增、自然与投流、预测' },
  { key: 'targets', title: '目标管理', hint: '目标值、容差与调整记录' },
  { key: 'analyses', title: '专项分析', hint: '连续两周未达标的分析与决定' },
]

/** Tiles to the analysis pages (managers and operators only). */
export function AnalyticsLinks(props: { onOpen: (key: AnalyticsLink) => void }) {
  return (
    <View className='analytics-links'>
      {LINKS.map((l) => (
        <View key={l.key} className={`analytics-link analytics-link--${l.key}`} onClick={() => props.onOpen(l.key)}>
          <Text className='analytics-link__title'>{l.title}</Text>
          <Text className='analytics-link__hint'>{l.hint}</Text>
        </View>
      ))}
    </View>
  )
}
