import { useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { addMilestoneInput, closePhaseInput, type MilestoneView, type PlanMember } from '../../../core/steering/phasePlan'
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS, PHASE_LABELS, type MilestoneStatus, type PhaseKey } from '../../../core/steering/phases'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, optionsOf, TextField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'

const NOBODY = 'none'

/** Edit a milestone (title, owner, due day, status, note) or add one to a phase. */
export function MilestoneForm(props: { phase: PhaseKey; milestone?: MilestoneView; members: PlanMember[]; defaultDue: string; onSaved: () => void; onCancel: () => void }) {
  const m = props.milestone
  const [title, setTitle] = useState(m?.title ?? '')
  const [owner, setOwner] = useState<string>(m?.ownerId ?? NOBODY)
  const [due, setDue] = useState(m?.dueDay ?? props.defaultDue)
  const [status, setStatus] = useState<MilestoneStatus>(m?.status ?? 'todo')
  const [note, setNote] = useState(m?.note ?? '')
  const requestId = useRef(newRequestId())
  const ownerId = owner === NOBODY ? null : owner
  const form = useFormAction(
    () =>
      m
        ? api.steering.updateMilestone({ id: m.id, version: m.version, title, ownerId, dueDay: due, status, note }, { requestId: requestId.current })
        : api.steering.addMilestone({ phase: props.phase, title, ownerId, dueDay: due, ...(note.trim() ? { note } : {}) }, { requestId: requestId.current }),
    () => {
      toastSuccess(m ? '已保存' : '已添加')
      requestId.current = newRequestId()
      props.onSaved()
    },
  )
  const owners = [{ value: NOBODY, label: '不指定' }, ...props.members.map((p) => ({ value: p.id, label: p.name }))]
  return (
    <View className='milestone-form'>
      <Text className='milestone-form__title'>{m ? '编辑里程碑' : `添加到「${PHASE_LABELS[props.phase]}」`}</Text>
      <Text className='milestone-form__label'>里程碑</Text>
      <TextField className='field-title' value={title} onChange={setTitle} schema={addMilestoneInput.shape.title} placeholder='例如：工具与账号就绪' error={form.errors.title} />
      <Text className='milestone-form__label'>负责人</Text>
      <ChoiceField value={owner} onChange={setOwner} options={owners} optionClass='milestone-owner' error={form.errors.ownerId} />
      <Picker mode='date' value={due} onChange={(e) => setDue(String(e.detail.value))}>
        <View className='milestone-form__row'>
          <Text className='milestone-form__label'>截止日期</Text>
          <Text className='milestone-form__value'>{due}</Text>
        </View>
      </Picker>
      {form.errors.dueDay ? <Text className='field-error'>{form.errors.dueDay}</Text> : null}
      {m ? (
        <>
          <Text className='milestone-form__label'>状态</Text>
          <ChoiceField value={status} onChange={setStatus} options={optionsOf(MILESTONE_STATUSES, MILESTONE_STATUS_LABELS)} optionClass='milestone-status' error={form.errors.status} />
        </>
      ) : null}
      <Text className='milestone-form__label'>备注（选填）</Text>
      <TextField className='field-note' value={note} onChange={setNote} schema={addMilestoneInput.shape.note} placeholder='进展、卡点' error={form.errors.note} />
      <View className='milestone-form__actions'>
        <Button className='milestone-cancel' fill='outline' size='small' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='milestone-save' type='primary' size='small' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          {m ? '保存' : '添加'}
        </Button>
      </View>
    </View>
  )
}

/** 阶段复盘: what went well and what to change; saving closes the phase. */
export function ReviewForm(props: { phase: PhaseKey; onSaved: () => void; onCancel: () => void }) {
  const [wentWell, setWentWell] = useState('')
  const [toChange, setToChange] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.steering.closePhase({ phase: props.phase, wentWell, toChange }, { requestId: requestId.current }),
    () => {
      toastSuccess('阶段已复盘')
      props.onSaved()
    },
  )
  return (
    <View className='milestone-form review-form'>
      <Text className='milestone-form__title'>{`「${PHASE_LABELS[props.phase]}」阶段复盘`}</Text>
      <Text className='milestone-form__label'>做得好的</Text>
      <TextField className='field-went-well' value={wentWell} onChange={setWentWell} schema={closePhaseInput.shape.wentWell} placeholder='例如：团队两周内到位' error={form.errors.wentWell} />
      <Text className='milestone-form__label'>要改进的</Text>
      <TextField className='field-to-change' value={toChange} onChange={setToChange} schema={closePhaseInput.shape.toChange} placeholder='例如：立项材料准备得更早' error={form.errors.toChange} />
      <View className='milestone-form__actions'>
        <Button className='review-cancel' fill='outline' size='small' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='review-save' type='primary' size='small' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          复盘并关闭阶段
        </Button>
      </View>
    </View>
  )
}
