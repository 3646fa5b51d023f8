import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { HistoryEntry, ItemHistory } from '../../../core/results/views'
import { metricsLine } from '../../package-results/lib/history'
import { monthDay, shortDay } from '../../utils/content'
import { formatDateTime } from '../../utils/labels'
import { EmptyState } from '../PageState'
import './index.scss'

const KIND_LABELS = { log: '填报', correction: '更正', import: '导入' } as const

function kindOf(e: HistoryEntry): keyof typeof KIND_LABELS {
  if (e.kind === 'correction') return 'correction'
  return e.source === 'import' ? 'import' : 'log'
}

export interface SnapshotHistoryProps {
  history: ItemHistory
  canCorrect: (entry: HistoryEntry) => boolean
  onCorrect: (entry: HistoryEntry) => void
  onLog: () => void
}

/**
 * Every record ever logged for an item, newest first: who logged what and when, which ones a later
 * correction replaced (kept for the audit trail), and 更正 where the member may still correct.
 */
export function SnapshotHistory(props: SnapshotHistoryProps) {
  const { item, entries } = props.history
  return (
    <View className='snapshot-history'>
      <View className='snapshot-history__head'>
        <Text className='snapshot-history__title'>{item.title}</Text>
        <Text className='snapshot-history__meta'>{item.publishedDay ? `${monthDay(item.publishedDay)} 发布 · 共 ${entries.length} 条记录` : '还没有发布'}</Text>
        <Button className='history-log' type='primary' size='large' block onClick={props.onLog}>
          填报今天的数据
        </Button>
      </View>
      {entries.length === 0 ? (
        <EmptyState title='还没有数据记录' description='填报或导入后，每一条记录都会留在这里，包括被更正前的数值' />
      ) : (
        entries.map((e) => {
          const kind = kindOf(e)
          return (
            <View key={e.id} className={`snapshot-entry snapshot-entry--${kind} ${e.supersededBy ? 'snapshot-entry--superseded' : 'snapshot-entry--current'}`}>
              <View className='snapshot-entry__head'>
                <Text className='snapshot-entry__date'>{`${shortDay(e.date)} 数据`}</Text>
                <Text className={`snapshot-entry__kind snapshot-entry__kind--${kind}`}>{KIND_LABELS[kind]}</Text>
                <Text className={`snapshot-entry__state ${e.supersededBy ? 'snapshot-entry__state--old' : ''}`}>{e.supersededBy ? '已被替换' : '当前有效'}</Text>
              </View>
              <Text className='snapshot-entry__metrics'>{metricsLine(e.metrics)}</Text>
              {e.reason ? <Text className='snapshot-entry__reason'>{`更正原因：${e.reason}`}</Text> : null}
              <View className='snapshot-entry__foot'>
                <Text className='snapshot-entry__by'>{`${e.loggedByName} · ${formatDateTime(e.loggedAt)}`}</Text>
                {props.canCorrect(e) ? (
                  <Button className='snapshot-correct' size='small' type='primary' fill='outline' onClick={() => props.onCorrect(e)}>
                    更正
                  </Button>
                ) : null}
              </View>
            </View>
          )
        })
      )}
    </View>
  )
}
