import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { CATEGORY_LABELS, FORMAT_LABELS, LAYER_LABELS, STATUS_LABELS } from '../../../core/content/labels'
import type { ItemCard } from '../../../core/content/schemas'
import './index.scss'

/** Format and layer (and optionally category) as small tags, colored per layer so the mix reads at a glance. */
export function ItemTags(props: { item: Pick<ItemCard, 'format' | 'layer' | 'category'>; withCategory?: boolean }) {
  const { item } = props
  return (
    <View className='item-tags'>
      <Text className={`item-tag item-tag--format-${item.format}`}>{FORMAT_LABELS[item.format]}</Text>
      <Text className={`item-tag item-tag--layer-${item.layer}`}>{LAYER_LABELS[item.layer]}</Text>
      {props.withCategory ? <Text className='item-tag item-tag--category'>{CATEGORY_LABELS[item.category]}</Text> : null}
    </View>
  )
}

/** Status as a colored pill: idea gray, planned blue, scheduled (final review passed) purple, published green. */
export function StatusBadge(props: { status: ItemCard['status'] }) {
  return <Text className={`status-badge status-badge--${props.status}`}>{STATUS_LABELS[props.status]}</Text>
}

export interface ItemRowProps {
  item: ItemCard
  onOpen?: (item: ItemCard) => void
  /** Shown at the right of the meta line (e.g. "安排发布" in the topic library). */
  action?: ReactNode
  withCategory?: boolean
  /** Ideas have no time yet: leave the time column out. */
  showTime?: boolean
}

/** One item in a list: time, title, format/layer tags, status and owner. */
export function ItemRow({ item, onOpen, action, withCategory, showTime = true }: ItemRowProps) {
  return (
    <View className={`item-row item-row--${item.status}`} onClick={() => onOpen?.(item)}>
      {showTime ? (
        <View className='item-row__time'>
          <Text>{item.time ?? '--:--'}</Text>
        </View>
      ) : null}
      <View className='item-row__body'>
        <Text className='item-row__title'>{item.title}</Text>
        <View className='item-row__meta'>
          <ItemTags item={item} withCategory={withCategory} />
          <StatusBadge status={item.status} />
          <Text className='item-row__owner'>{item.ownerName}</Text>
        </View>
      </View>
      {action ? (
        <View className='item-row__action' onClick={(e) => e.stopPropagation()}>
          {action}
        </View>
      ) : null}
    </View>
  )
}
