import { Text, View } from '@tarojs/components'
import { AREA_LABELS, auditedActions } from '../../../core/api/labels'
import { AUDIT_AREAS, type AuditArea } from '../../../core/audit/schemas'
import type { AuditFilterValues } from '../../hooks/useAuditLog'
import './index.scss'

interface Option {
  key: string
  label: string
}

function Chips(props: { label: string; options: readonly Option[]; value?: string; chipClass: string; onChange: (v: string | undefined) => void }) {
  return (
    <View className={`audit-chips ${props.chipClass}s`}>
      <Text className='audit-chips__label'>{props.label}</Text>
      <View className='audit-chips__list'>
        <Text className={`audit-chip ${props.chipClass}--all ${props.value ? '' : 'audit-chip--active'}`} onClick={() => props.onChange(undefined)}>
          全部
        </Text>
        {props.options.map((o) => (
          <Text
            key={o.key}
            className={`audit-chip ${props.chipClass}--${o.key} ${props.value === o.key ? 'audit-chip--active' : ''}`}
            onClick={() => props.onChange(o.key)}
          >
            {o.label}
          </Text>
        ))}
      </View>
    </View>
  )
}

export interface AuditFiltersProps {
  members: readonly { id: string; name: string }[]
  value: AuditFilterValues
  onChange: (value: AuditFilterValues) => void
}

const AREA_OPTIONS: Option[] = AUDIT_AREAS.map((a) => ({ key: a, label: AREA_LABELS[a] }))

/** Narrow the log to one member, one area (cloud function) and, within an area, one kind of change. */
export function AuditFilters({ members, value, onChange }: AuditFiltersProps) {
  const actions = value.area ? auditedActions(value.area).map((a) => ({ key: a.action, label: a.label })) : []
  return (
    <View className='audit-filters'>
      <Chips
        label='成员'
        options={members.map((m) => ({ key: m.id, label: m.name }))}
        value={value.memberId}
        chipClass='audit-member'
        onChange={(memberId) => onChange({ ...value, memberId })}
      />
      <Chips
        label='模块'
        options={AREA_OPTIONS}
        value={value.area}
        chipClass='audit-area'
        onChange={(area) => onChange({ ...value, area: area as AuditArea | undefined, action: undefined })}
      />
      {actions.length ? (
        <Chips label='操作' options={actions} value={value.action} chipClass='audit-action' onChange={(action) => onChange({ ...value, action })} />
      ) : null}
    </View>
  )
}
