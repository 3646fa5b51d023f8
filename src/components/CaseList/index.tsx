import { Text, View } from '@tarojs/components'
import type { CaseLine } from '../../../core/content/retrospectives'
import { monthDay } from '../../utils/content'
import './index.scss'

export interface CaseListProps {
  cases: CaseLine[]
  onOpen: (id: string) => void
  /** The meeting screen's short form: no lesson line. */
  compact?: boolean
}

/** Written retrospectives (案例库) as summaries: outcome, classification, key number, what worked. */
export function CaseList({ cases, onOpen, compact }: CaseListProps) {
  return (
    <View className={`case-list ${compact ? 'case-list--compact' : ''}`}>
      {cases.map((c) => (
        <View key={c.id} className={`case-row case-row--${c.outcome}`} onClick={() => onOpen(c.id)}>
          <View className='case-row__head'>
            <Text className='case-row__title'>{c.title}</Text>
            <Text className={`case-outcome case-outcome--${c.outcome}`}>{c.outcomeLabel}</Text>
          </View>
          <Text className='case-row__meta'>{`${c.tagLine} · ${monthDay(c.publishedDay)}发布 · ${c.ownerName}`}</Text>
          <Text className='case-row__number'>{c.keyNumber}</Text>
          {compact ? null : <Text className='case-row__worked'>{`做得好：${c.worked}`}</Text>}
          {!compact && c.tags.length ? (
            <View className='case-row__tags'>
              {c.tags.map((t) => (
                <Text key={t} className='case-tag'>{t}</Text>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
