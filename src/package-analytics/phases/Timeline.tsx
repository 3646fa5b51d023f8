import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MilestoneView, PhaseView } from '../../../core/steering/phasePlan'
import { formatPercent } from '../../../core/format'

/** A day as the timeline shows it: month and day, the year only when it is not this one. */
export function shortDay(day: string, today: string): string {
  return day.slice(0, 4) === today.slice(0, 4) ? day.slice(5) : day
}

/** One phase of the vertical timeline: its header (dates, state, progress), then its milestones. */
export function PhaseBlock(props: { phase: PhaseView; today: string; children?: ReactNode; footer?: ReactNode }) {
  const p = props.phase
  return (
    <View className={`phase phase--${p.state} phase--${p.key}`}>
      <View className='phase__head'>
        <View className='phase__title-row'>
          <Text className='phase__title'>{p.label}</Text>
          <Text className={`phase-tag phase-tag--${p.state}`}>{p.stateLabel}</Text>
        </View>
        <Text className='phase__dates'>{`${p.startDay} 至 ${p.endDay}`}</Text>
        <View className='phase__progress'>
          <View className='phase__bar'>
            <View className='phase__bar-fill' style={{ width: `${Math.round((p.progress ?? 0) * 100)}%` }} />
          </View>
          <Text className='phase__count'>{`${p.done}/${p.total} 完成${p.progress === null ? '' : ` · ${formatPercent(p.progress)}`}`}</Text>
        </View>
      </View>
      <View className='phase__milestones'>{props.children}</View>
      {p.review ? (
        <View className='phase-review'>
          <Text className='phase-review__title'>{`阶段复盘 · ${p.review.byName}`}</Text>
          <Text className='phase-review__text'>{`做得好的：${p.review.wentWell}`}</Text>
          <Text className='phase-review__text'>{`要改进的：${p.review.toChange}`}</Text>
        </View>
      ) : null}
      {props.footer}
    </View>
  )
}

/** A milestone on the line: its dot coloured by state, owner and due day, and the one-tap 标记完成. */
export function MilestoneRow(props: {
  milestone: MilestoneView
  today: string
  editable: boolean
  busy: boolean
  onDone: () => void
  onEdit: () => void
  children?: ReactNode
}) {
  const m = props.milestone
  return (
    <View className={`milestone milestone--${m.state}`}>
      <View className='milestone__dot' />
      <View className='milestone__body'>
        <View className='milestone__head'>
          <Text className='milestone__title'>{m.title}</Text>
          <Text className={`milestone-tag milestone-tag--${m.state}`}>{m.stateLabel}</Text>
        </View>
        <Text className='milestone__meta'>{`${m.ownerName ?? '未指定负责人'} · 截止 ${shortDay(m.dueDay, props.today)}`}</Text>
        {m.note ? <Text className='milestone__note'>{m.note}</Text> : null}
        {props.editable ? (
          <View className='milestone__actions'>
            {m.status === 'done' ? null : (
              <Button className='milestone-done' size='small' type='primary' fill='outline' loading={props.busy} disabled={props.busy} onClick={props.onDone}>
                标记完成
              </Button>
            )}
            <Text className='milestone-edit' onClick={props.onEdit}>
              编辑
            </Text>
          </View>
        ) : null}
        {props.children}
      </View>
    </View>
  )
}
