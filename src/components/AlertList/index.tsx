import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AlertView } from '../../../core/analytics/alerts'
import './index.scss'

/** Alerts shown before "展开": the rest wait behind one tap, so the cards stay in reach on a phone. */
const SHOWN = 3

export interface AlertListProps {
  alerts: readonly AlertView[]
  /** Opens the alert's special analysis; absent for field staff (they see the alert, not the analysis). */
  onOpen?: (a: AlertView) => void
  /** Opens the 专项分析 list. */
  onAll?: () => void
}

/**
 * 看板's alerts of the two-week rule, above the cards: which KPI missed two weeks running, its last
 * week against target, and when its special analysis is due. 恢复中 alerts stay until the analysis closes.
 */
export function AlertList({ alerts, onOpen, onAll }: AlertListProps) {
  const [open, setOpen] = useState(false)
  if (!alerts.length) return null
  const shown = open ? alerts : alerts.slice(0, SHOWN)
  return (
    <View className='alert-list'>
      <View className='alert-list__head'>
        <Text className='alert-list__title'>{`预警 ${alerts.length} 项 · 连续两周未达标`}</Text>
        {onAll ? (
          <Text className='alert-list__all' onClick={onAll}>
            专项分析 ›
          </Text>
        ) : null}
      </View>
      {shown.map((a) => {
        const last = a.weeks[a.weeks.length - 1]
        return (
          <View key={a.id} className={`alert-row alert-row--${a.status} alert-row--${a.kpi}`} onClick={onOpen ? () => onOpen(a) : undefined}>
            <View className='alert-row__main'>
              <Text className='alert-row__status'>{a.statusLabel}</Text>
              <Text className='alert-row__text'>{a.text}</Text>
            </View>
            <Text className='alert-row__detail'>
              {last ? `${a.weeks.map((w) => w.display).join(' → ')}，目标 ${last.targetDisplay}` : ''}
              {a.status === 'open' ? ` · 专项分析 ${a.dueDay.slice(5)} 截止` : ''}
            </Text>
            {onOpen ? <Text className='alert-row__go'>分析 ›</Text> : null}
          </View>
        )
      })}
      {alerts.length > SHOWN ? (
        <Text className='alert-list__more' onClick={() => setOpen(!open)}>
          {open ? '收起' : `展开其余 ${alerts.length - SHOWN} 项`}
        </Text>
      ) : null}
    </View>
  )
}
