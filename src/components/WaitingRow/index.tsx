import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { FORMAT_LABELS } from '../../../core/content/labels'
import type { VersionPreview } from '../../../core/review/preview'
import type { InboxEntry } from '../../../core/review/schemas'
import { formatHours } from '../../../core/format'
import { hoursBetween, shortDateTime, waitedText } from '../../utils/review'
import './index.scss'

/** The mini-program's image component shows `cloud://` files itself; the browser build has no storage to show them from. */
const SHOWS_CLOUD_IMAGES = process.env.TARO_ENV === 'weapp'

function attachmentsText(p: VersionPreview): string {
  return [p.files ? `附件 ${p.files} 个` : '', p.links ? `链接 ${p.links} 个` : ''].filter(Boolean).join(' · ')
}

/** What the version says: the author's note, its first lines, the cover, what else is attached. */
function PreviewBlock({ preview: p }: { preview: VersionPreview }) {
  const attachments = attachmentsText(p)
  return (
    <View className='waiting-entry__preview'>
      {p.cover && SHOWS_CLOUD_IMAGES ? <Image className='waiting-entry__cover' src={p.cover} mode='aspectFill' lazyLoad /> : null}
      <View className='waiting-entry__preview-text'>
        {p.note ? <Text className='waiting-entry__note'>{`说明：${p.note}`}</Text> : null}
        {p.excerpt ? <Text className='waiting-entry__excerpt'>{p.excerpt}</Text> : null}
        {attachments ? <Text className='waiting-entry__attachments'>{attachments}</Text> : null}
      </View>
    </View>
  )
}

export interface WaitingRowProps {
  entry: InboxEntry
  /** A decision on this row is on its way: both buttons wait for it. */
  busy: boolean
  onOpen: (itemId: string) => void
  onApprove: (entry: InboxEntry) => void
  onRequestChanges: (entry: InboxEntry) => void
}

/**
 * One review waiting for me: enough of the version to decide (title, gate, preview, wait) with 通过 and
 * 要求修改 on the row; tapping anywhere else opens the full production page.
 */
export function WaitingRow({ entry: e, busy, onOpen, onApprove, onRequestChanges }: WaitingRowProps) {
  const wait = e.dueAt ? waitedText(e.waitingHours, hoursBetween(e.reviewSince, e.dueAt)) : `已等待 ${formatHours(e.waitingHours)}`
  // The row opens the page; the buttons decide without opening it.
  const act = (run: (x: InboxEntry) => void) => (ev: { stopPropagation?: () => void }) => {
    ev?.stopPropagation?.()
    run(e)
  }
  return (
    <View className={`inbox-entry waiting-entry waiting-entry--${e.itemId} ${e.overdue ? 'waiting-entry--overdue' : ''}`} onClick={() => onOpen(e.itemId)}>
      <View className='inbox-entry__head'>
        <Text className='inbox-entry__title'>{e.title}</Text>
        <Text className='inbox-chip inbox-chip--in_review'>{`${e.gateName} ${e.gateIndex + 1}/${e.gateCount}`}</Text>
      </View>
      <Text className='inbox-entry__meta'>{`${FORMAT_LABELS[e.format]} · ${e.submittedByName} 提交第 ${e.versionNo} 版 · ${shortDateTime(e.reviewSince)}`}</Text>
      {e.preview ? <PreviewBlock preview={e.preview} /> : null}
      <Text className={`inbox-entry__wait ${e.overdue ? 'inbox-entry__wait--overdue' : ''}`}>{`${e.overdue ? '已逾期 · ' : ''}${wait}`}</Text>
      <View className='waiting-entry__actions'>
        <Text className='waiting-entry__open'>查看详情 ›</Text>
        <Button className='inbox-request-changes' size='small' type='warning' fill='outline' disabled={busy} onClick={act(onRequestChanges)}>
          要求修改
        </Button>
        <Button className='inbox-approve' size='small' type='primary' disabled={busy} onClick={act(onApprove)}>
          通过
        </Button>
      </View>
    </View>
  )
}
