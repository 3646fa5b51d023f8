import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DataAsOf, MissingItem } from '../../../core/analytics/schemas'
import { shortDay } from '../../utils/content'
import './index.scss'

export interface AsOfBannerProps {
  asOf: DataAsOf
  /** Opens the 填报 form of one missing item. */
  onItem: (item: MissingItem) => void
  /** Opens the 填报 tab. */
  onLog: () => void
}

/** "数据截至 …" and, when items lack numbers, a tap that lists them with a way to fill them in. */
export function AsOfBanner({ asOf, onItem, onLog }: AsOfBannerProps) {
  const [open, setOpen] = useState(false)
  const missing = asOf.missingCount > 0
  return (
    <View className={`asof-banner ${missing ? 'asof-banner--missing' : ''}`}>
      <View className='asof-banner__head' onClick={missing ? () => setOpen((o) => !o) : undefined}>
        <Text className='asof-banner__text'>{asOf.text}</Text>
        {missing ? <Text className='asof-banner__toggle'>{open ? '收起' : `${asOf.missingCount} 条待填 ›`}</Text> : null}
      </View>
      {open ? (
        <View className='asof-banner__list'>
          {asOf.missing.map((m) => (
            <View key={m.id} className={`asof-missing asof-missing--${m.id}`} onClick={() => onItem(m)}>
              <Text className='asof-missing__title'>{m.title}</Text>
              <Text className='asof-missing__meta'>
                {shortDay(m.publishedDay)} 发布 · {m.lastDay ? `最后填报 ${shortDay(m.lastDay)}` : '从未填报'}
              </Text>
            </View>
          ))}
          {asOf.missingCount > asOf.missing.length ? <Text className='asof-banner__more'>另有 {asOf.missingCount - asOf.missing.length} 条</Text> : null}
          <View className='asof-banner__go' onClick={onLog}>
            <Text>去填报 ›</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
