import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import type { OwnerOption } from '../../../core/api/content'
import { DEFAULT_SLA_HOURS, gateSchema, type Gate } from '../../../core/review/flow'
import type { FlowView } from '../../../core/review/schemas'
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../core/roles'
import { FieldError, TextField } from '../fields'
import './index.scss'

const MAX_GATES = 8

/** A key no other gate of the flow uses ('gate2', 'gate3'…): keys identify gates in history, so they are never reused here. */
export function freshKey(gates: readonly Pick<Gate, 'key'>[]): string {
  const used = new Set(gates.map((g) => g.key))
  let n = gates.length + 1
  while (used.has(`gate${n}`)) n++
  return `gate${n}`
}

/** Moves the gate at `i` by `step` (−1 up, +1 down); out of range leaves the list as it is. */
export function moveGate<T>(gates: readonly T[], i: number, step: number): T[] {
  const j = i + step
  if (j < 0 || j >= gates.length) return [...gates]
  const out = [...gates]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** Errors of one gate ('gates.2.name' → under gate 3), as one line each. */
function gateErrors(errors: Record<string, string>, i: number): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === `gates.${i}` || k.startsWith(`gates.${i}.`))
    .map(([, v]) => v)
}

export interface FlowEditorProps {
  flow: FlowView
  members: readonly OwnerOption[]
  saving: boolean
  errors: Record<string, string>
  onSave: (gates: Gate[]) => void
}

/** One format's gates: add, remove, reorder, rename, reviewers (roles and named members), any/all, SLA hours. */
export function FlowEditor({ flow, members, saving, errors, onSave }: FlowEditorProps) {
  const [gates, setGates] = useState<Gate[]>(() => flow.gates.map((g) => ({ ...g, reviewers: { roles: [...g.reviewers.roles], memberIds: [...g.reviewers.memberIds] } })))
  const patch = (i: number, p: Partial<Gate>) => setGates((gs) => gs.map((g, k) => (k === i ? { ...g, ...p } : g)))
  const add = () =>
    setGates((gs) => [...gs, { key: freshKey(gs), name: '', reviewers: { roles: ['manager'], memberIds: [] }, mode: 'any', slaHours: DEFAULT_SLA_HOURS }])

  return (
    <View className='flow-editor'>
      <Text className='flow-editor__note'>保存后只对新开始制作的内容生效；已在制作中的内容继续使用开始时的流程，历史记录不会改变。</Text>
      {gates.map((g, i) => (
        <View key={g.key} className={`flow-gate flow-gate--${i}`}>
          <View className='flow-gate__head'>
            <Text className='flow-gate__index'>{`第 ${i + 1} 关`}</Text>
            <View className='flow-gate__tools'>
              <Text className={`flow-gate__tool flow-gate-up ${i === 0 ? 'flow-gate__tool--off' : ''}`} onClick={() => setGates((gs) => moveGate(gs, i, -1))}>
                上移
              </Text>
              <Text
                className={`flow-gate__tool flow-gate-down ${i === gates.length - 1 ? 'flow-gate__tool--off' : ''}`}
                onClick={() => setGates((gs) => moveGate(gs, i, 1))}
              >
                下移
              </Text>
              {gates.length > 1 ? (
                <Text className='flow-gate__tool flow-gate__tool--danger flow-gate-remove' onClick={() => setGates((gs) => gs.filter((_, k) => k !== i))}>
                  删除
                </Text>
              ) : null}
            </View>
          </View>
          <View className='flow-gate__row'>
            <Text className='flow-gate__label'>名称</Text>
            <TextField className='field-gate-name' value={g.name} onChange={(v) => patch(i, { name: v })} placeholder='如 脚本' schema={gateSchema.shape.name} />
          </View>
          <View className='flow-gate__row flow-gate__row--wrap'>
            <Text className='flow-gate__label'>审核角色</Text>
            <Checkbox.Group
              className='flow-gate__roles'
              direction='horizontal'
              value={g.reviewers.roles}
              onChange={(v) => patch(i, { reviewers: { ...g.reviewers, roles: v as StaffRole[] } })}
            >
              {STAFF_ROLES.map((r) => (
                <Checkbox key={r} className={`gate-role gate-role--${r}`} value={r} label={ROLE_LABELS[r]} />
              ))}
            </Checkbox.Group>
          </View>
          {members.length ? (
            <View className='flow-gate__row flow-gate__row--wrap'>
              <Text className='flow-gate__label'>指定审核人</Text>
              <Checkbox.Group
                className='flow-gate__members'
                direction='horizontal'
                value={g.reviewers.memberIds}
                onChange={(v) => patch(i, { reviewers: { ...g.reviewers, memberIds: v } })}
              >
                {members.map((m) => (
                  <Checkbox key={m.id} className={`gate-member gate-member--${m.id}`} value={m.id} label={m.name} />
                ))}
              </Checkbox.Group>
            </View>
          ) : null}
          <View className='flow-gate__row'>
            <Text className='flow-gate__label'>通过方式</Text>
            <Radio.Group direction='horizontal' value={g.mode} onChange={(v) => patch(i, { mode: v as Gate['mode'] })}>
              <Radio className='gate-mode gate-mode--any' value='any'>
                任一人通过
              </Radio>
              <Radio className='gate-mode gate-mode--all' value='all'>
                全部通过
              </Radio>
            </Radio.Group>
          </View>
          <View className='flow-gate__row'>
            <Text className='flow-gate__label'>审核时限</Text>
            <Input
              className='field-gate-sla'
              type='digit'
              value={String(g.slaHours)}
              onChange={(v) => patch(i, { slaHours: Number(v.replace(/[^\d]/g, '')) || 0 })}
            />
            <Text className='flow-gate__unit'>小时</Text>
          </View>
          {gateErrors(errors, i).map((m) => (
            <FieldError key={m} message={m} />
          ))}
        </View>
      ))}
      <FieldError message={errors.gates} />
      <View className='flow-editor__buttons'>
        {gates.length < MAX_GATES ? (
          <Button className='flow-add-gate' fill='outline' type='primary' onClick={add}>
            添加关卡
          </Button>
        ) : null}
        <Button className='flow-save' type='primary' loading={saving} disabled={saving} onClick={() => onSave(gates.map((g) => ({ ...g, name: g.name.trim() })))}>
          保存流程
        </Button>
      </View>
    </View>
  )
}
