import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatCount } from '../../../core/format'
import type { PendingItem } from '../../../core/results/views'
import type { OutboxEntry } from '../../state/outbox'
import type { RecentLog } from '../../utils/offlineCache'
import { shortDay } from '../../utils/content'
import './index.scss'

export interface OutboxBarProps {
  pending: number
  failed: number
  syncing: boolean
  onSync: () => void
}

/** "待同步 2 条" with 立即同步: what the phone still holds, so nobody wonders whether it arrived. */
export function OutboxBar(props: OutboxBarProps) {
  if (props.pending === 0 && props.failed === 0) return null
  return (
    <View className={`outbox-bar ${props.failed ? 'outbox-bar--failed' : ''}`}>
      <View className='outbox-bar__text'>
        {props.pending ? <Text className='outbox-bar__pending'>{`待同步 ${props.pending} 条`}</Text> : null}
        {props.failed ? <Text className='outbox-bar__failed'>{`${props.failed} 条未通过，请修改`}</Text> : null}
        <Text className='outbox-bar__hint'>{props.pending ? '有网时会自动发送，不会重复记录' : '修改后重新提交，或放弃这条'}</Text>
      </View>
      {props.pending ? (
        <Button className='outbox-sync' size='large' type='primary' loading={props.syncing} disabled={props.syncing} onClick={props.onSync}>
          立即同步
        </Button>
      ) : null}
    </View>
  )
}

export interface OutboxListProps {
  entries: OutboxEntry[]
  onFix: (entry: OutboxEntry) => void
  onDiscard: (entry: OutboxEntry) => void
}

/** Every entry the phone holds: pending ones say so, failed ones say why and offer 修改 / 放弃. */
export function OutboxList(props: OutboxListProps) {
  if (props.entries.length === 0) return null
  return (
    <View className='outbox-list'>
      {props.entries.map((e) => (
        <View key={e.requestId} className={`outbox-entry outbox-entry--${e.status}`}>
          <View className='outbox-entry__head'>
            <Text className={`outbox-entry__status outbox-entry__status--${e.status}`}>{e.status === 'pending' ? '待同步' : '未通过'}</Text>
            <Text className='outbox-entry__label'>{e.label}</Text>
          </View>
          {e.message ? <Text className='outbox-entry__message'>{e.message}</Text> : null}
          {e.status === 'failed' ? (
            <View className='outbox-entry__actions'>
              <Button className='outbox-fix' size='small' type='primary' fill='outline' onClick={() => props.onFix(e)}>
                修改
              </Button>
              <Button className='outbox-discard' size='small' fill='none' onClick={() => props.onDiscard(e)}>
                放弃
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

export interface PendingListProps {
  items: PendingItem[]
  /** Items whose numbers for today wait in the outbox. */
  queued: ReadonlySet<string>
  onLog: (item: PendingItem) => void
  onHistory: (item: PendingItem) => void
}

function lastText(item: PendingItem): string {
  if (!item.last) return '还没有填过数据'
  return `上次 ${shortDay(item.last.date)} · 播放 ${formatCount(item.last.metrics.plays)}`
}

/** Today's published items still missing today's numbers, each with one big 填报 button. */
export function PendingList(props: PendingListProps) {
  return (
    <View className='pending-list'>
      {props.items.map((item) => {
        const queued = props.queued.has(item.id)
        return (
          <View key={item.id} className={`pending-item pending-item--${item.id}`}>
            <View className='pending-item__body' onClick={() => props.onHistory(item)}>
              <Text className='pending-item__title'>{item.title}</Text>
              <Text className='pending-item__meta'>{`${shortDay(item.publishedDay)} 发布 · ${lastText(item)}`}</Text>
              {queued ? <Text className='pending-item__queued'>今日数据待同步</Text> : null}
            </View>
            <Button className='pending-log' type='primary' fill={queued ? 'outline' : 'solid'} onClick={() => props.onLog(item)}>
              {queued ? '查看' : '填报'}
            </Button>
          </View>
        )
      })}
    </View>
  )
}

export type LogShortcut = 'live' | 'leads' | 'followers' | 'import'

const SHORTCUTS: { key: LogShortcut; title: string; hint: string }[] = [
  { key: 'live', title: '直播数据', hint: '场次·观看·订单' },
  { key: 'leads', title: '线索', hint: '按来源渠道' },
  { key: 'followers', title: '粉丝总数', hint: '账号每日总数' },
  { key: 'import', title: '导入数据', hint: '数据中心导出文件' },
]

/** The other things field staff log, as four big tiles. */
export function LogShortcuts(props: { onOpen: (key: LogShortcut) => void }) {
  return (
    <View className='log-shortcuts'>
      {SHORTCUTS.map((s) => (
        <View key={s.key} className={`log-shortcut log-shortcut--${s.key}`} onClick={() => props.onOpen(s.key)}>
          <Text className='log-shortcut__title'>{s.title}</Text>
          <Text className='log-shortcut__hint'>{s.hint}</Text>
        </View>
      ))}
    </View>
  )
}

/** '今日待填报 3 条 · 已填 2 条'. */
export function TodayHeader(props: { today: string; pending: number; done: number }) {
  return (
    <View className='today-header'>
      <Text className='today-header__title'>今日待填报</Text>
      <Text className='today-header__count'>{`${props.pending} 条待填 · ${props.done} 条已填`}</Text>
    </View>
  )
}

/** What this phone logged in the last 24 hours: tap to see the item's records and correct one. */
export function RecentLogs(props: { logs: RecentLog[]; onOpen: (log: RecentLog) => void }) {
  if (props.logs.length === 0) return null
  return (
    <View className='recent-logs'>
      {props.logs.map((l) => (
        <View key={`${l.itemId}-${l.date}`} className={`recent-log recent-log--${l.itemId}`} onClick={() => props.onOpen(l)}>
          <Text className='recent-log__title'>{l.title}</Text>
          <Text className='recent-log__meta'>{`${shortDay(l.date)} 数据 · 查看/更正`}</Text>
        </View>
      ))}
    </View>
  )
}
