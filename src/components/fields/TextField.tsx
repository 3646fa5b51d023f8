import { Text, View } from '@tarojs/components'
import type { ZodTypeAny } from 'zod'
import { Input } from '@nutui/nutui-react-taro'
import { FieldError } from './FieldError'
import { useFieldError, useLimit, type Limit, type TextRule } from './feedback'
import './index.scss'

// Its own module: the calendar tab (main package) draws a text field without the choice fields' radios.
export interface TextFieldProps {
  /** Set by NutUI Form.Item from the form store. */
  value?: string
  onChange?: (value: string) => void
  placeholder?: string
  /**
   * The field's schema in core/: its `.max()` is the limit the counter shows (58/60), its
   * `.describe()` names the field, and it re-checks the field as it changes, so the message
   * below is about what is there now. Never a limit typed here.
   */
  schema?: ZodTypeAny
  /** The limit when there is no schema: from the schema's own constant, for a main-package form (no zod there). */
  limit?: TextRule
  error?: string
  className?: string
}

/** A NutUI Input that NutUI's Form.Item controls, with its counter and server/client error below. */
export function TextField(props: TextFieldProps) {
  const limit = useLimit(props.value, props.schema, props.limit)
  const checked = useFieldError(props.error, props.value ?? '', props.schema)
  const error = limit?.notice ?? checked
  return (
    <View className={`text-field ${error ? 'text-field--invalid' : ''} ${props.className ?? ''}`}>
      <View className='text-field__row'>
        <Input
          value={props.value ?? ''}
          onChange={(v) => props.onChange?.(v)}
          placeholder={props.placeholder}
          maxLength={NO_CUT}
          clearable
        />
        <LimitCount limit={limit} />
      </View>
      <FieldError message={error} />
    </View>
  )
}

/**
 * The native input and textarea cut text at their maxlength without a word (textarea: 140 by
 * default), so they get none: the counter and the notice say what is too long, the text stays,
 * and the schema check on submit refuses it.
 */
export const NO_CUT = -1

export function LimitCount(props: { limit?: Limit }) {
  if (!props.limit) return null
  const { count, max, over } = props.limit
  return <Text className={`field-limit ${over ? 'field-limit--over' : ''}`}>{`${count}/${max}`}</Text>
}
