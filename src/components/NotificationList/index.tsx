import { Text, View } from '@tarojs/components'
import type { NotificationView } from '../../../core/review/schemas'
import { formatDateTime } from '../../utils/labels'
import './index.scss'

export interface NotificationListProps {
  items: readonly NotificationView[]
  onOpen: (n: NotificationView) => void
}

/** Review notifications, newest first; unread ones marked with a dot. */
export function NotificationList({ items, onOpen }: NotificationListProps) {
  if (items.length === 0) return <Text className='notification-empty'>还没有通知。待你审核的内容、审核结果、指标预警与专项分析、目标设定和补录数据的提醒都会出现在这里。</Text>
  return (
    <View className='notification-list'>
      {items.map((n) => (
        <View key={n.id} className={`notification notification--${n.kind} ${n.read ? 'notification--read' : 'notification--unread'}`} onClick={() => onOpen(n)}>
          <View className='notification__head'>
            {n.read ? null : <View className='notification__dot' />}
            <Text className='notification__title'>{n.title}</Text>
          </View>
          <Text className='notification__body'>{n.body}</Text>
          <Text className='notification__at'>{formatDateTime(n.at)}</Text>
        </View>
      ))}
    </View>
  )
}
