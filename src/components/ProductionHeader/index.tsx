import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { FORMAT_LABELS } from '../../../core/content/labels'
import type { ProductionView } from '../../../core/review/schemas'
import { formatDateTime } from '../../utils/labels'
import { hoursBetween, waitedText } from '../../utils/review'
import { GateReviewers } from '../GateReviewers'
import './index.scss'

type StepState = 'passed' | 'current' | 'todo'

/** The gates of the item's own flow snapshot, passed ones ticked and the current one highlighted. */
export function GateStepper({ production }: { production: Pick<ProductionView, 'gates' | 'gateIndex' | 'status'> }) {
  const state = (i: number): StepState =>
    production.gates[i].passed ? 'passed' : i === production.gateIndex && production.status === 'in_production' ? 'current' : 'todo'
  return (
    <View className='gate-stepper'>
      {production.gates.map((g, i) => (
        <View key={g.key} className={`gate-step gate-step--${state(i)} gate-step--${g.key}`}>
          <View className='gate-step__dot'>
            <Text>{state(i) === 'passed' ? '✓' : String(i + 1)}</Text>
          </View>
          <Text className='gate-step__name'>{g.name}</Text>
        </View>
      ))}
    </View>
  )
}

export interface GateStatusProps {
  production: ProductionView
  now: Date
}

/** Where the current gate stands: its state, the version in it, who reviews it by when, how long a review has waited, who approved. */
export function GateStatus({ production: p, now }: GateStatusProps) {
  const inProduction = p.status === 'in_production'
  const gate = p.gates[p.gateIndex]
  const waited = p.reviewSince ? hoursBetween(p.reviewSince, now.toISOString()) : null
  // A gate just reached is drafting: the version number still counts the previous gate's version.
  const newGate = inProduction && p.gateState === 'drafting'
  return (
    <View className={`gate-status gate-status--${inProduction ? p.gateState : p.status}`}>
      <View className='gate-status__head'>
        <Text className='gate-status__gate'>{inProduction ? `「${p.gateName}」关` : p.statusLabel}</Text>
        <Text className={`gate-status__state gate-state--${inProduction ? p.gateState : p.status}`}>{p.gateStateLabel}</Text>
      </View>
      {p.versionNo > 0 && !newGate ? (
        <Text className='gate-status__line'>{`最新第 ${p.versionNo} 版${p.submittedByName ? ` · ${p.submittedByName} 提交` : ''}`}</Text>
      ) : (
        <Text className='gate-status__line'>{newGate && p.versionNo > 0 ? `本关还没有提交版本（上一关通过的是第 ${p.versionNo} 版）` : '还没有提交版本'}</Text>
      )}
      {inProduction && waited !== null && gate ? (
        <Text className={`gate-status__line gate-status__wait ${p.overdue ? 'gate-status__wait--overdue' : ''}`}>
          {`${p.overdue ? '审核已逾期 · ' : ''}${waitedText(waited, gate.slaHours)}`}
        </Text>
      ) : null}
      <GateReviewers production={p} now={now} />
      {inProduction && gate?.mode === 'all' ? <Text className='gate-status__line'>本关需全部审核人通过</Text> : null}
      {p.approvals.length > 0 && inProduction ? (
        <Text className='gate-status__line'>{`已通过：${p.approvals.map((a) => a.name).join('、')}`}</Text>
      ) : null}
      {p.plannedAt ? <Text className='gate-status__line gate-status__planned'>{`计划发布 ${formatDateTime(p.plannedAt)}`}</Text> : null}
    </View>
  )
}

/** Title, format and owner above the stepper. */
export function ProductionTitle({ production: p }: { production: Pick<ProductionView, 'title' | 'format' | 'ownerName'> }) {
  return (
    <View className='production-title'>
      <Text className='production-title__text'>{p.title}</Text>
      <Text className='production-title__meta'>{`${FORMAT_LABELS[p.format]} · 负责人 ${p.ownerName}`}</Text>
    </View>
  )
}

export interface PublishPanelProps {
  plannedAt: string | null
  canPublish: boolean
  busy: boolean
  onPublish: () => void
}

/** After the final gate: the item waits for its planned time; a planner marks it published once it is out. */
export function PublishPanel({ plannedAt, canPublish, busy, onPublish }: PublishPanelProps) {
  return (
    <View className='publish-panel'>
      <Text className='publish-panel__title'>终审已通过，待发布</Text>
      <Text className='publish-panel__text'>{plannedAt ? `计划 ${formatDateTime(plannedAt)} 发布。发布后请标记已发布并附上视频号链接。` : '还没有计划发布时间。'}</Text>
      {canPublish ? (
        <Button className='production-publish' type='primary' size='small' disabled={busy} onClick={onPublish}>
          标记已发布
        </Button>
      ) : null}
    </View>
  )
}
