import { Text, View } from '@tarojs/components'
import { namesText, whoReviewsText } from '../../../core/review/reviewers'
import type { ProductionView } from '../../../core/review/schemas'
import { formatHours } from '../../../core/format'
import { hoursBetween, shortDateTime } from '../../utils/review'
import './index.scss'

export interface GateReviewersProps {
  production: Pick<ProductionView, 'status' | 'gateName' | 'gateState' | 'gateIndex' | 'gates' | 'reviewerNames' | 'reviewSince' | 'dueAt' | 'overdue'>
  now: Date
}

/**
 * Who decides the current gate and by when: the deadline when the gate has an SLA, otherwise when the
 * version was submitted and how long it has waited; before a submission, the time the reviewers will have.
 */
export function GateReviewers({ production: p, now }: GateReviewersProps) {
  if (p.status !== 'in_production') return null
  const sla = p.gates[p.gateIndex]?.slaHours
  const when =
    p.gateState !== 'in_review'
      ? sla
        ? `提交后 ${sla} 小时内审核`
        : null
      : p.dueAt
        ? `截止 ${shortDateTime(p.dueAt)}${p.overdue ? '（已逾期）' : ''}`
        : p.reviewSince
          ? `${shortDateTime(p.reviewSince)} 提交，已等待 ${formatHours(hoursBetween(p.reviewSince, now.toISOString()))}`
          : null
  const who = p.reviewerNames.length ? `「${p.gateName}」关由 ${namesText(p.reviewerNames)} 审核` : whoReviewsText([])
  return (
    <View className={`gate-reviewers ${p.overdue ? 'gate-reviewers--overdue' : ''}`}>
      <Text className='gate-reviewers__who'>{who}</Text>
      {when ? <Text className='gate-reviewers__when'>{when}</Text> : null}
    </View>
  )
}
