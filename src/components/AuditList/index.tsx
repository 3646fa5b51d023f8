import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AuditChangeView, AuditEntryView } from '../../../core/audit/schemas'
import { formatDateTime } from '../../utils/labels'
import './index.scss'

/** Values longer than this are shortened on the card; a tap shows the whole value. */
export const SHORT_VALUE_CHARS = 40

function Value(props: { text: string | null; kind: 'before' | 'after' }) {
  const [open, setOpen] = useState(false)
  if (props.text === null) return <Text className={`audit-value audit-value--${props.kind} audit-value--none`}>—</Text>
  const long = props.text.length > SHORT_VALUE_CHARS
  return (
    <Text className={`audit-value audit-value--${props.kind} ${long ? 'audit-value--long' : ''}`} onClick={long ? () => setOpen(!open) : undefined}>
      {long && !open ? `${props.text.slice(0, SHORT_VALUE_CHARS)}…` : props.text}
      {long ? <Text className='audit-value__toggle'>{open ? ' 收起' : ' 展开'}</Text> : null}
    </Text>
  )
}

function Change({ change }: { change: AuditChangeView }) {
  return (
    <View className={`audit-change audit-change--${change.field}`}>
      <Text className='audit-change__label'>{change.label}</Text>
      <View className='audit-change__values'>
        <Value text={change.before} kind='before' />
        <Text className='audit-change__arrow'>→</Text>
        <Value text={change.after} kind='after' />
      </View>
    </View>
  )
}

function Changes({ changes }: { changes: AuditChangeView[] | null }) {
  // Entries from before changes were recorded say so, rather than pretending nothing changed.
  if (changes === null) return <Text className='audit-entry__none'>变更前后：—（早期记录，未保存变更内容）</Text>
  if (changes.length === 0) return <Text className='audit-entry__none'>变更前后：—</Text>
  return (
    <View className='audit-entry__changes'>
      {changes.map((c) => (
        <Change key={c.field} change={c} />
      ))}
    </View>
  )
}

export interface AuditListProps {
  entries: readonly AuditEntryView[]
}

/** Audit entries, newest first: who, what, when (China time) and what changed, before → after. */
export function AuditList({ entries }: AuditListProps) {
  return (
    <View className='audit-list'>
      {entries.map((e) => (
        <View key={e.id} className={`audit-entry audit-entry--${e.action}`}>
          <View className='audit-entry__head'>
            <Text className='audit-entry__actor'>{e.actorName}</Text>
            <Text className='audit-entry__action'>{e.actionLabel}</Text>
            {e.subjectName ? <Text className='audit-entry__subject'>{e.subjectName}</Text> : null}
          </View>
          <View className='audit-entry__meta'>
            <Text className='audit-entry__area'>{e.areaLabel}</Text>
            <Text className='audit-entry__time'>{formatDateTime(e.at)}</Text>
          </View>
          <Changes changes={e.changes} />
        </View>
      ))}
    </View>
  )
}
