import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CATEGORY_LABELS, SOURCE_LABELS, type ItemDetail, type ScheduleChange } from '../../../core/content/schemas'
import { formatDateTime } from '../../utils/labels'
import { ItemTags, StatusBadge } from '../ItemRow'
import './index.scss'

function Field(props: { label: string; value: string; className?: string }) {
  return (
    <View className={`item-field ${props.className ?? ''}`}>
      <Text className='item-field__label'>{props.label}</Text>
      <Text className='item-field__value'>{props.value}</Text>
    </View>
  )
}

/** Everything about one item: what it is, who owns it, when it goes (or went) out. */
export function ItemSummary({ item }: { item: ItemDetail }) {
  return (
    <View className='item-summary'>
      <View className='item-summary__head'>
        <StatusBadge status={item.status} />
        <ItemTags item={item} withCategory />
      </View>
      <Text className='item-summary__title item-title'>{item.title}</Text>
      <Field label='负责人' value={item.ownerName} className='item-owner' />
      <Field label='计划发布' value={item.plannedAt ? formatDateTime(item.plannedAt) : '未排期（在选题库）'} className='item-planned-at' />
      {item.publishedAt ? <Field label='实际发布' value={formatDateTime(item.publishedAt)} className='item-published-at' /> : null}
      {item.postUrl ? <Field label='视频号链接' value={item.postUrl} /> : null}
      <Field label='选题类别' value={CATEGORY_LABELS[item.category]} />
      {item.source ? <Field label='选题来源' value={SOURCE_LABELS[item.source]} /> : null}
      {item.tags.length ? <Field label='标签' value={item.tags.join('、')} /> : null}
      {item.notes ? <Field label='备注' value={item.notes} className='item-notes' /> : null}
      <Text className='item-summary__created'>
        {`${item.createdByName} 创建于 ${formatDateTime(item.createdAt)}`}
      </Text>
    </View>
  )
}

function changeText(c: ScheduleChange): string {
  const to = formatDateTime(c.to)
  return c.from ? `${formatDateTime(c.from)} → ${to}` : `排期到 ${to}`
}

/** Every planned-date change, newest first: who, when, from → to, and why. */
export function ScheduleHistory({ history }: { history: readonly ScheduleChange[] }) {
  const newestFirst = [...history].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <View className='schedule-history'>
      <Text className='section__title'>排期记录</Text>
      {newestFirst.length === 0 ? (
        <Text className='schedule-history__empty'>还没有改期</Text>
      ) : (
        newestFirst.map((c) => (
          <View key={`${c.at}-${c.to}`} className='history-entry'>
            <Text className='history-entry__change'>{changeText(c)}</Text>
            <Text className='history-entry__meta'>
              {`${c.byName} · ${formatDateTime(c.at)}`}
            </Text>
            {c.reason ? <Text className='history-entry__reason'>{`原因：${c.reason}`}</Text> : null}
          </View>
        ))
      )}
    </View>
  )
}

export interface ItemActionsProps {
  item: ItemDetail
  busy: boolean
  onEdit: () => void
  onSchedule: () => void
  onPublish: () => void
  onArchive: () => void
}

/** Planner actions that fit the item's status (an archived item has none). */
export function ItemActions({ item, busy, onEdit, onSchedule, onPublish, onArchive }: ItemActionsProps) {
  if (item.status === 'archived') return null
  return (
    <View className='item-actions'>
      <Button className='item-edit' size='small' fill='outline' type='primary' disabled={busy} onClick={onEdit}>
        编辑
      </Button>
      {item.status !== 'published' ? (
        <Button className='item-reschedule' size='small' fill='outline' type='primary' disabled={busy} onClick={onSchedule}>
          {item.status === 'idea' ? '安排发布' : '改期'}
        </Button>
      ) : null}
      {item.status === 'planned' || item.status === 'scheduled' ? (
        <Button className='item-publish' size='small' type='primary' disabled={busy} onClick={onPublish}>
          标记已发布
        </Button>
      ) : null}
      <Button className='item-archive' size='small' fill='outline' type='danger' disabled={busy} onClick={onArchive}>
        归档
      </Button>
    </View>
  )
}
