import { Text, View } from '@tarojs/components'
import type { TimelineEntry, VersionView } from '../../../core/review/schemas'
import { formatDateTime } from '../../utils/labels'
import './index.scss'

/** What a submitted version carried: its text, links, files and note. */
function VersionBody({ v }: { v: VersionView }) {
  return (
    <View className='timeline-version'>
      {v.text ? <Text className='timeline-version__text'>{v.text}</Text> : null}
      {v.links.map((l) => (
        <Text key={l} className='timeline-version__link'>
          {l}
        </Text>
      ))}
      {v.fileIds.length ? <Text className='timeline-version__files'>{`附件 ${v.fileIds.length} 个：${v.fileIds.map((f) => f.split('/').pop()).join('、')}`}</Text> : null}
      {v.note ? <Text className='timeline-version__note'>{`说明：${v.note}`}</Text> : null}
    </View>
  )
}

export interface ReviewTimelineProps {
  /** As the function returns them (oldest first); shown newest first. */
  entries: readonly TimelineEntry[]
  /** Producers may comment on a version; absent for field staff. */
  onComment?: (versionNo: number) => void
}

/** Every version, decision, comment and stage change, with who and when, newest first. */
export function ReviewTimeline({ entries, onComment }: ReviewTimelineProps) {
  const newestFirst = [...entries].reverse()
  return (
    <View className='review-timeline'>
      <Text className='section__title'>评审记录</Text>
      {newestFirst.length === 0 ? <Text className='review-timeline__empty'>还没有记录</Text> : null}
      {newestFirst.map((e) => (
        <View key={e.id} className={`timeline-entry timeline-entry--${e.kind}`}>
          <View className='timeline-entry__dot' />
          <View className='timeline-entry__body'>
            <Text className='timeline-entry__label'>{e.label}</Text>
            {e.comment && e.kind !== 'published' ? <Text className='timeline-entry__comment'>{e.comment}</Text> : null}
            {e.kind === 'published' && e.comment ? <Text className='timeline-version__link'>{e.comment}</Text> : null}
            {e.version ? <VersionBody v={e.version} /> : null}
            <View className='timeline-entry__foot'>
              <Text className='timeline-entry__meta'>{formatDateTime(e.at)}</Text>
              {onComment && e.kind === 'submitted' && e.versionNo ? (
                <Text className={`timeline-comment timeline-comment--${e.versionNo}`} onClick={() => onComment(e.versionNo!)}>
                  评论此版
                </Text>
              ) : null}
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
