import type { ReactNode } from 'react'
import { Input as TaroInput, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { FieldError } from '../fields'
import { useFieldError } from '../fields/feedback'
import './index.scss'

export interface NumberFieldProps {
  label: string
  value?: string
  onChange: (value: string) => void
  /** `number`: the integer keyboard; `digit`: with a decimal point. */
  keyboard?: 'number' | 'digit'
  unit?: string
  /** The last logged value, shown beside the field for reference ('上次 1,234'). */
  reference?: string
  placeholder?: string
  error?: string
  /** Hook for tests and journeys: `field-<name>`. */
  className?: string
}

/**
 * One number as a full-width row: label left, a large right-aligned input opening the numeric keyboard,
 * the last logged value underneath, and the field's Chinese error below that.
 */
export function NumberField(props: NumberFieldProps) {
  // The text is parsed by the form, so a changed number drops the message about the old one.
  const error = useFieldError(props.error, props.value ?? '')
  return (
    <View className={`number-field ${error ? 'number-field--invalid' : ''} ${props.className ?? ''}`}>
      <View className='number-field__row'>
        <View className='number-field__label'>
          <Text className='number-field__name'>{props.label}</Text>
          {props.reference ? <Text className='number-field__reference'>{props.reference}</Text> : null}
        </View>
        <TaroInput
          className='number-field__input'
          type={props.keyboard ?? 'number'}
          value={props.value ?? ''}
          placeholder={props.placeholder ?? '选填'}
          placeholderClass='number-field__placeholder'
          onInput={(e) => props.onChange(e.detail.value)}
        />
        {/* Always there, so inputs with and without a unit line up. */}
        <Text className='number-field__unit'>{props.unit ?? ''}</Text>
      </View>
      <FieldError message={error} />
    </View>
  )
}

export interface DayOption {
  day: string
  label: string
}

/** A few days as big one-tap chips (today, yesterday…): field staff rarely log older numbers. */
export function DayChips(props: { options: DayOption[]; value: string; onChange: (day: string) => void; error?: string; className?: string }) {
  return (
    <View className={`day-chips ${props.className ?? ''}`}>
      <View className='day-chips__options'>
        {props.options.map((o) => (
          <View
            key={o.day}
            className={`day-chip day-chip--${o.day} ${o.day === props.value ? 'day-chip--active' : ''}`}
            onClick={() => props.onChange(o.day)}
          >
            <Text className='day-chip__label'>{o.label}</Text>
            <Text className='day-chip__day'>{o.day.slice(5).replace('-', '/')}</Text>
          </View>
        ))}
      </View>
      <FieldError message={props.error} />
    </View>
  )
}

/** A titled white card holding a group of fields. */
export function FieldGroup(props: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`field-group ${props.className ?? ''}`}>
      {props.title ? <Text className='field-group__title'>{props.title}</Text> : null}
      <View className='field-group__body'>{props.children}</View>
    </View>
  )
}

/** The submit button, pinned to the bottom where a thumb reaches it. */
export function SubmitBar(props: { text: string; loading: boolean; onSubmit: () => void; className?: string; hint?: string }) {
  return (
    <View className='submit-bar'>
      {props.hint ? <Text className='submit-bar__hint'>{props.hint}</Text> : null}
      <Button className={props.className} block size='xlarge' type='primary' loading={props.loading} disabled={props.loading} onClick={props.onSubmit}>
        {props.text}
      </Button>
    </View>
  )
}
