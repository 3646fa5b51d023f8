import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Form } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { OwnerOption } from '../../../core/api/content'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  FORMATS,
  FORMAT_LABELS,
  LAYERS,
  LAYER_LABELS,
  SOURCES,
  SOURCE_LABELS,
  createItemInput,
  type Category,
  type Format,
  type Layer,
  type Source,
} from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { DEFAULT_PUBLISH_TIME } from '../../../core/content/slots'
import { dayTitle } from '../../utils/content'
import { ChoiceField, FieldError, TextAreaField, TextField, optionsOf } from '../fields'
import { FormErrors, useFieldError } from '../fields/feedback'
import { ScheduleSheet } from '../ScheduleSheet'
import { palette } from '../../styles/palette'
import './index.scss'

export interface ItemFormValues {
  title: string
  format: Format | ''
  layer: Layer | ''
  category: Category | ''
  ownerId: string
  /** Create only: when the item goes out (China time); absent for an idea. */
  slot?: { day: DayKey; time: string }
  notes: string
  /** Tags as typed: separated by spaces or commas. */
  tagsText: string
  source: Source | ''
}

export interface ItemFormProps {
  initialValues: ItemFormValues
  owners: readonly OwnerOption[]
  /** `plan`: with a publish time; `idea`: for the topic library, with a source; `edit`: time changes go through 改期. */
  kind: 'plan' | 'idea' | 'edit'
  /** Shown in edit mode for ideas, which have a source. */
  showSource: boolean
  minDay: DayKey
  submitting: boolean
  /** Field path → Chinese message, from the schema check or the function's answer. */
  errors: Record<string, string>
  submitText: string
  onSubmit: (values: ItemFormValues) => void
}

const OWNER_GONE = '负责人：原负责人已不能负责内容（不能开始制作或提交版本，或已离开团队），请重新选择'

/** The first message of a field or any of its items (`tags.2` shows under 标签). */
function errorOf(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`))
  return key ? errors[key] : undefined
}

/** A publish slot as a tappable row that opens the day/time sheet. */
function SlotField(props: { value?: { day: DayKey; time: string }; onChange?: (v: { day: DayKey; time: string }) => void; minDay: DayKey; error?: string }) {
  const [open, setOpen] = useState(false)
  const value = props.value ?? { day: props.minDay, time: DEFAULT_PUBLISH_TIME }
  const error = useFieldError(props.error, props.value)
  return (
    <View className='slot-field'>
      <View className='slot-field__row field-planned-at' onClick={() => setOpen(true)}>
        <Text className='slot-field__value'>
          {`${dayTitle(value.day)} ${value.time}`}
        </Text>
        <ArrowRight size={12} color={palette.textFaint} />
      </View>
      <FieldError message={error} />
      <ScheduleSheet
        visible={open}
        title='计划发布时间'
        initial={value}
        minDay={props.minDay}
        withReason={false}
        confirmText='确定'
        saving={false}
        onConfirm={(s) => {
          props.onChange?.({ day: s.day, time: s.time })
          setOpen(false)
        }}
        onClose={() => setOpen(false)}
      />
    </View>
  )
}

/** Create or edit one content item: what it is (format, layer, category), who owns it, when, and notes. */
export function ItemForm(props: ItemFormProps) {
  const [form] = Form.useForm()
  const { errors } = props
  const owners = props.owners.map((o) => ({ value: o.id, label: o.name }))
  // An item kept from before (or whose owner left or changed role) may name someone not offered.
  const ownerGone = props.initialValues.ownerId !== '' && !owners.some((o) => o.value === props.initialValues.ownerId)
  return (
    <FormErrors.Provider value={errors}>
      <Form
        className='item-form'
        form={form}
        labelPosition='top'
        initialValues={props.initialValues}
        onFinish={(values: ItemFormValues) => props.onSubmit({ ...props.initialValues, ...values })}
        footer={
          <View className='item-form__footer'>
            <Button
              className='item-submit'
              block
              type='primary'
              loading={props.submitting}
              disabled={props.submitting}
              onClick={() => form.submit()}
            >
              {props.submitText}
            </Button>
          </View>
        }
      >
        <Form.Item label='标题' name='title' required>
          <TextField className='field-title' placeholder='一句话说清这条内容' schema={createItemInput.shape.title} error={errorOf(errors, 'title')} />
        </Form.Item>
        <Form.Item label='形式' name='format' required>
          <ChoiceField options={optionsOf(FORMATS, FORMAT_LABELS)} optionClass='format-option' className='field-format' error={errorOf(errors, 'format')} />
        </Form.Item>
        <Form.Item label='内容层级' name='layer' required>
          <ChoiceField options={optionsOf(LAYERS, LAYER_LABELS)} optionClass='layer-option' className='field-layer' error={errorOf(errors, 'layer')} />
        </Form.Item>
        <Form.Item label='选题类别' name='category' required>
          <ChoiceField options={optionsOf(CATEGORIES, CATEGORY_LABELS)} optionClass='category-option' className='field-category' error={errorOf(errors, 'category')} />
        </Form.Item>
        <Form.Item label='负责人' name='ownerId' required>
          <ChoiceField options={owners} optionClass='owner-option' className='field-owner' error={errorOf(errors, 'ownerId') ?? (ownerGone ? OWNER_GONE : undefined)} />
        </Form.Item>
        {props.kind === 'plan' ? (
          <Form.Item label='计划发布时间' name='slot' required>
            <SlotField minDay={props.minDay} error={errorOf(errors, 'plannedAt')} />
          </Form.Item>
        ) : null}
        {props.kind === 'idea' || props.showSource ? (
          <Form.Item label='选题来源' name='source'>
            <ChoiceField options={optionsOf(SOURCES, SOURCE_LABELS)} optionClass='source-option' className='field-source' error={errorOf(errors, 'source')} />
          </Form.Item>
        ) : null}
        <Form.Item label='标签' name='tagsText'>
          <TextField className='field-tags' placeholder='用空格分隔，例如：新品 双十一' error={errorOf(errors, 'tags')} />
        </Form.Item>
        <Form.Item label='备注' name='notes'>
          <TextAreaField className='field-notes' placeholder='脚本要点、拍摄地点、素材链接…' schema={createItemInput.shape.notes} error={errorOf(errors, 'notes')} />
        </Form.Item>
      </Form>
    </FormErrors.Provider>
  )
}
