import '../inputs'
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import type { MilestoneView, PhasePlanView } from '../../../core/steering/phasePlan'
import type { PhaseKey } from '../../../core/steering/phases'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import '../components/common.scss'
import { MilestoneForm, ReviewForm } from './MilestoneForm'
import { StaffingCard } from './Staffing'
import { MilestoneRow, PhaseBlock } from './Timeline'
import './index.scss'

/** What is open on the timeline: one form at a time. */
type Panel = { kind: 'edit'; id: string } | { kind: 'add' | 'review'; phase: PhaseKey } | null

/**
 * 阶段计划: the plan's four phases as a vertical timeline (dates, progress, milestones with owner, due day
 * and state, overdue in red), a one-tap 标记完成, each phase's 复盘, and the staffing against the plan.
 * Admins and managers edit; operators read.
 */
export default function PhasesPage() {
  const { me } = useMe()
  const canEdit = allows(manifest.steering.updateMilestone.access, me?.member?.roles)
  const plan = useApiQuery(() => api.steering.phasePlan({}), [])
  const [panel, setPanel] = useState<Panel>(null)
  const [busy, setBusy] = useState<string | null>(null)
  usePullRefresh(() => plan.refresh())
  const saved = () => {
    setPanel(null)
    void plan.refresh()
  }
  const markDone = async (m: MilestoneView) => {
    setBusy(m.id)
    try {
      await api.steering.updateMilestone({ id: m.id, version: m.version, status: 'done' }, { requestId: newRequestId() })
      toastSuccess('已标记完成')
      await plan.refresh()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }

  const v = plan.data
  if (!v) {
    return (
      <View className='page phases-page'>
        {plan.error ? <ErrorState message={errorMessage(plan.error)} error={plan.error} onRetry={() => void plan.refresh()} /> : <LoadingState rows={4} />}
      </View>
    )
  }
  return (
    <View className='page phases-page'>
      {v.started ? (
        <Text className='phases-page__intro'>{`计划自 ${v.startDay} 开始${v.overdue ? `，${v.overdue} 个里程碑已逾期` : '，没有逾期的里程碑'}。`}</Text>
      ) : (
        <StartCard view={v} canEdit={canEdit} onStarted={saved} />
      )}
      {v.started ? (
        <View className='analytics-card timeline'>
          {v.phases.map((p) => (
            <PhaseBlock
              key={p.key}
              phase={p}
              today={v.today}
              footer={
                canEdit && p.state !== 'closed' ? (
                  panel?.kind === 'add' && panel.phase === p.key ? (
                    <MilestoneForm phase={p.key} members={v.members} defaultDue={p.endDay} onSaved={saved} onCancel={() => setPanel(null)} />
                  ) : panel?.kind === 'review' && panel.phase === p.key ? (
                    <ReviewForm phase={p.key} onSaved={saved} onCancel={() => setPanel(null)} />
                  ) : (
                    <View className='phase__actions'>
                      <Text className='phase-add' onClick={() => setPanel({ kind: 'add', phase: p.key })}>
                        + 添加里程碑
                      </Text>
                      {p.canClose ? (
                        <Button className='phase-close' size='small' type='primary' fill='outline' onClick={() => setPanel({ kind: 'review', phase: p.key })}>
                          复盘并关闭
                        </Button>
                      ) : null}
                    </View>
                  )
                ) : null
              }
            >
              {p.milestones.map((m) => (
                <MilestoneRow
                  key={m.id}
                  milestone={m}
                  today={v.today}
                  editable={canEdit && p.state !== 'closed'}
                  busy={busy === m.id}
                  onDone={() => void markDone(m)}
                  onEdit={() => setPanel({ kind: 'edit', id: m.id })}
                >
                  {panel?.kind === 'edit' && panel.id === m.id ? (
                    <MilestoneForm phase={p.key} milestone={m} members={v.members} defaultDue={m.dueDay} onSaved={saved} onCancel={() => setPanel(null)} />
                  ) : null}
                </MilestoneRow>
              ))}
            </PhaseBlock>
          ))}
        </View>
      ) : null}
      <StaffingCard staffing={v.staffing} />
    </View>
  )
}

/** Before the plan exists: managers pick the start day and create it from the defaults; others are told who does. */
function StartCard(props: { view: PhasePlanView; canEdit: boolean; onStarted: () => void }) {
  const [start, setStart] = useState(props.view.today)
  const [busy, setBusy] = useState(false)
  const startPlan = async () => {
    setBusy(true)
    try {
      await api.steering.startPhasePlan({ startDay: start }, { requestId: newRequestId() })
      toastSuccess('阶段计划已启动')
      props.onStarted()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='analytics-card plan-start'>
      <EmptyState
        title='还没有阶段计划'
        description='按方案的四个阶段（项目启动、内容体系建设、运营优化、持续改进）和默认里程碑生成，之后可逐项调整负责人和截止日期。'
      />
      {props.canEdit ? (
        <View className='plan-start__form'>
          <Picker mode='date' value={start} onChange={(e) => setStart(String(e.detail.value))}>
            <View className='plan-start__row'>
              <Text className='plan-start__label'>开始日期</Text>
              <Text className='plan-start__value'>{start}</Text>
            </View>
          </Picker>
          <Button className='plan-start__submit' type='primary' block loading={busy} disabled={busy} onClick={() => void startPlan()}>
            按默认模板启动计划
          </Button>
        </View>
      ) : (
        <Text className='plan-start__hint'>由管理员或主管启动。</Text>
      )}
    </View>
  )
}
