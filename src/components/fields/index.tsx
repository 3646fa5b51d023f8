import { Text, View } from '@tarojs/components'
import { Input, Radio, TextArea } from '@nutui/nutui-react-taro'
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
    <ChoiceField
      className={`department-field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      options={DEPARTMENT_OPTIONS}
      optionClass='department-option'
      error={props.error}
    />
  )
}

const DEPARTMENT_OPTIONS = DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }))

export interface ChoiceFieldProps<T extends string> {
  value?: T | ''
  onChange?: (value: T) => void
  options: readonly { value: T; label: string }[]
  /** Each option gets `${optionClass} ${optionClass}--<value>` (tests and e2e tap by it). */
  optionClass: string
  error?: string
  className?: string
}

/** A short list of choices as one-tap buttons (format, layer, category, owner…). */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  return (
    <View className={`choice-field ${props.className ?? ''}`}>
      <Radio.Group
        className='choice-field__options'
        value={props.value ?? ''}
        direction='horizontal'
        shape='button'
        onChange={(v) => props.onChange?.(v as T)}
      >
        {props.options.map((o) => (
          <Radio key={o.value} className={`${props.optionClass} ${props.optionClass}--${o.value}`} value={o.value} shape='button'>
            {o.label}
          </Radio>
        ))}
      </Radio.Group>
      <FieldError message={props.error} />
    </View>
  )
}

/** Options from a label map, in the map's canonical key order. */
export function optionsOf<T extends string>(keys: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return keys.map((k) => ({ value: k, label: labels[k] }))
}

export interface TextAreaFieldProps {
  value?: string
  onChange?: (value: string) => void
  placeholder?: string
  maxLength?: number
  error?: string
  className?: string
}

/** Multi-line text (notes) with a counter and its error below. */
export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <View className={`textarea-field ${props.className ?? ''}`}>
      <TextArea
        value={props.value ?? ''}
        onChange={(v) => props.onChange?.(v)}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        showCount={props.maxLength !== undefined}
        autoSize
      />
      <FieldError message={props.error} />
    </View>
  )
}
