import { Text, View } from '@tarojs/components'
import { FORMAT_LABELS } from '../../../core/content/labels'
import type { InboxEntry, MyItemEntry } from '../../../core/review/schemas'
import { shortDateTime } from '../../utils/review'
import { WaitingRow } from '../WaitingRow'
import './index.scss'

export interface InboxHeaderProps {
  waiting: number
  overdue: number
  unread: number
  onOpenNotifications: () => void
  /** Mini-program with templates configured: accept WeChat reminders of new reviews. */
  onSubscribe?: () => void
}

/** Counts at a glance, and the way to the notification list with its unread count. */
export function InboxHeader(props: InboxHeaderProps) {
  return (
    <View className='inbox-header'>
      <View className='inbox-header__counts'>
        <Text className='inbox-header__waiting'>{`待我审核 ${props.waiting} 条`}</Text>
        {props.overdue > 0 ? <Text className='inbox-header__overdue'>{`逾期 ${props.overdue} 条`}</Text> : null}
      </View>
      {props.onSubscribe ? (
        <Text className='inbox-subscribe' onClick={props.onSubscribe}>
          微信提醒
        </Text>
      ) : null}
      <View className='inbox-notifications' onClick={props.onOpenNotifications}>
        <Text>通知</Text>
        {props.unread > 0 ? <Text className='inbox-notifications__badge'>{props.unread > 99 ? '99+' : String(props.unread)}</Text> : null}
      </View>
    </View>
  )
}

export interface WaitingListProps {
  entries: readonly InboxEntry[]
  /** The row a decision is on its way for. */
  busyId: string | null
  onOpen: (itemId: string) => void
  onApprove: (entry: InboxEntry) => void
  onRequestChanges: (entry: InboxEntry) => void
}

/** Gates waiting for my decision, oldest first (the server's order), each decidable from its row. */
export function WaitingList({ entries, busyId, onOpen, onApprove, onRequestChanges }: WaitingListProps) {
  if (entries.length === 0) return <Text className='inbox-empty inbox-empty--waiting'>没有待你审核的内容</Text>
  return (
    <View className='inbox-list waiting-list'>
      {entries.map((e) => (
        <WaitingRow key={e.itemId} entry={e} busy={busyId !== null} onOpen={onOpen} onApprove={onApprove} onRequestChanges={onRequestChanges} />
      ))}
    </View>
  )
}

/** The four states an author cares about, as the tab names them. */
export type MyStage = 'to_submit' | 'in_review' | 'changes' | 'to_publish'

export const MY_STAGE_LABELS: Record<MyStage, string> = { to_submit: '待提交', in_review: '待审核', changes: '需修改', to_publish: '待发布' }

export function myStage(e: Pick<MyItemEntry, 'status' | 'gateState'>): MyStage {
  if (e.status === 'scheduled' || e.status === 'published') return 'to_publish'
  if (e.gateState === 'in_review') return 'in_review'
  if (e.gateState === 'changes_requested') return 'changes'
  return 'to_submit'
}

const STAGE_ORDER: MyStage[] = ['changes', 'to_publish', 'to_submit', 'in_review']

export interface MyItemsListProps {
  entries: readonly MyItemEntry[]
  /** The reviewer's request, by item, for items sent back for changes. */
  comments: Readonly<Record<string, string>>
  onOpen: (itemId: string) => void
}

/** Where each of my items stands and what is asked of me. */
export function MyItemsList({ entries, comments, onOpen }: MyItemsListProps) {
  if (entries.length === 0) return <Text className='inbox-empty inbox-empty--mine'>你负责的已排期内容会出现在这里</Text>
  // What waits on me first (sent back for changes, then ready to publish, then to submit); the server's
  // planned-time order holds within each group.
  const sorted = [...entries].sort((a, b) => STAGE_ORDER.indexOf(myStage(a)) - STAGE_ORDER.indexOf(myStage(b)))
  return (
    <View className='inbox-list my-items'>
      {sorted.map((e) => {
        const stage = myStage(e)
        const progress = e.gateName && e.gateCount ? `${e.gateName} ${(e.gateIndex ?? 0) + 1}/${e.gateCount}` : '未开始制作'
        return (
          <View key={e.itemId} className={`inbox-entry my-item my-item--${stage}`} onClick={() => onOpen(e.itemId)}>
            <View className='inbox-entry__head'>
              <Text className='inbox-entry__title'>{e.title}</Text>
              <Text className={`inbox-chip inbox-chip--${stage}`}>{MY_STAGE_LABELS[stage]}</Text>
            </View>
            <Text className='inbox-entry__meta'>
              {`${FORMAT_LABELS[e.format]} · ${progress}${e.plannedAt ? ` · 计划 ${shortDateTime(e.plannedAt)}` : ''}`}
            </Text>
            <Text className={`inbox-entry__ask ${e.myTurn ? 'inbox-entry__ask--mine' : ''}`}>{e.ask}</Text>
            {stage === 'changes' && comments[e.itemId] ? <Text className='inbox-entry__comment'>{comments[e.itemId]}</Text> : null}
            {e.overdue ? <Text className='inbox-entry__wait inbox-entry__wait--overdue'>审核已超时</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

/** Field staff log results; they neither submit nor review, and the tab says so instead of showing an empty list. */
export function FieldStaffNote() {
  return (
    <View className='inbox-field-note'>
      <Text className='inbox-field-note__title'>一线/外勤成员不参与评审</Text>
      <Text className='inbox-field-note__text'>
        选题、脚本、拍摄、剪辑、终审由运营提交、主管审核。内容的制作进度可在日历里打开内容查看；发布后的数据请在「填报」里登记。
      </Text>
    </View>
  )
}
