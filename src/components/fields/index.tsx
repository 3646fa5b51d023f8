import { Text, View } from '@tarojs/components'
import { Input, Radio } from '@nutui/nutui-react-taro'
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

/**
 * Department as one-tap buttons: four options fit on a phone, so a wheel picker would only add
 * steps (and a confirm that silently kept nothing when the wheel was not moved).
 */
export function DepartmentField(props: DepartmentFieldProps) {
  return (
    <View className={`department-field ${props.className ?? ''}`}>
      <Radio.Group
        className='department-field__options'
        value={props.value ?? ''}
        direction='horizontal'
        shape='button'
        onChange={(v) => props.onChange?.(v as Department)}
      >
        {DEPARTMENTS.map((d) => (
          <Radio key={d} className={`department-option department-option--${d}`} value={d} shape='button'>
            {DEPARTMENT_LABELS[d]}
          </Radio>
        ))}
      </Radio.Group>
      <FieldError message={props.error} />
    </View>
  )
}
