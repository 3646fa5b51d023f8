import { View } from '@tarojs/components'
import type { ZodTypeAny } from 'zod'
import { Radio, TextArea } from '@nutui/nutui-react-taro'
import { DEPARTMENTS, DEPARTMENT_LABELS, type Department } from '../../../core/roles'
import { useFieldError, useLimit } from './feedback'
import { FieldError } from './FieldError'
import { LimitCount, NO_CUT, TextField, type TextFieldProps } from './TextField'
import './index.scss'

export { FieldError, TextField, type TextFieldProps }

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
  // Any option is a valid choice: picking another one answers the message that was about the old.
  const error = useFieldError(props.error, props.value ?? '')
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
      <FieldError message={error} />
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
  /** As for TextField: the core/ schema whose `.max()` and `.describe()` drive the counter and notice. */
  schema?: ZodTypeAny
  error?: string
  className?: string
}

/** Multi-line text (notes, scripts, comments) with a counter and its error below. */
export function TextAreaField(props: TextAreaFieldProps) {
  const limit = useLimit(props.value, props.schema)
  const checked = useFieldError(props.error, props.value ?? '', props.schema)
  const error = limit?.notice ?? checked
  return (
    <View className={`textarea-field ${error ? 'textarea-field--invalid' : ''} ${props.className ?? ''}`}>
      <TextArea
        value={props.value ?? ''}
        onChange={(v) => props.onChange?.(v)}
        placeholder={props.placeholder}
        maxLength={NO_CUT}
        autoSize
      />
      <LimitCount limit={limit} />
      <FieldError message={error} />
    </View>
  )
}
