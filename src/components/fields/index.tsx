import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Input, Picker } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import { DEPARTMENTS, DEPARTMENT_LABELS, type Department } from '../../../core/roles'
import './index.scss'

/** Shown under a field; the same Chinese text the team function returns for that field. */
export function FieldError(props: { message?: string }) {
  if (!props.message) return null
  return <Text className='field-error'>{props.message}</Text>
}

export interface TextFieldProps {
  /** Set by NutUI Form.Item from the form store. */
  value?: string
  onChange?: (value: string) => void
  placeholder?: string
  maxLength?: number
  error?: string
  className?: string
}

/** A NutUI Input that NutUI's Form.Item controls, with its server/client error below. */
export function TextField(props: TextFieldProps) {
  return (
    <View className={`text-field ${props.error ? 'text-field--invalid' : ''} ${props.className ?? ''}`}>
      <Input
        value={props.value ?? ''}
        onChange={(v) => props.onChange?.(v)}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        clearable
      />
      <FieldError message={props.error} />
    </View>
  )
}

export interface DepartmentFieldProps {
  value?: Department
  onChange?: (value: Department) => void
  error?: string
  className?: string
}

const departmentOptions = [DEPARTMENTS.map((d) => ({ label: DEPARTMENT_LABELS[d], value: d }))]

/** Department chosen with a NutUI Picker. */
export function DepartmentField(props: DepartmentFieldProps) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`department-field ${props.className ?? ''}`}>
      <View className='department-field__value' onClick={() => setOpen(true)}>
        <Text className={props.value ? '' : 'department-field__placeholder'}>
          {props.value ? DEPARTMENT_LABELS[props.value] : '请选择部门'}
        </Text>
        <ArrowRight size={12} color='#b4b8bf' />
      </View>
      <FieldError message={props.error} />
      <Picker
        visible={open}
        title='选择部门'
        options={departmentOptions}
        value={props.value ? [props.value] : []}
        onConfirm={(_options, values) => {
          const picked = values[0]
          if (picked) props.onChange?.(picked as Department)
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}
