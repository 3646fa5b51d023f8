import { Picker, Text, View } from '@tarojs/components'
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../../core/results/metrics'
import { FieldError } from '../fields'
import { DayChips, FieldGroup, NumberField, SubmitBar, type DayOption } from '../ResultsFields'
import './index.scss'

interface Common {
  dayOptions: DayOption[]
  errors: Record<string, string>
  submitting: boolean
  onSubmit: () => void
}

export interface LiveTexts {
  itemId: string
  day: string
  start: string
  end: string
  uniqueViewers?: string
  peakConcurrent?: string
  avgWatchSeconds?: string
  newFollowers?: string
  comments?: string
  orders?: string
  gmvYuan?: string
}

export type LiveNumber = Exclude<keyof LiveTexts, 'itemId' | 'day' | 'start' | 'end'>

const LIVE_FIELDS: { field: LiveNumber; label: string; keyboard?: 'digit'; unit?: string; required?: boolean }[] = [
  { field: 'uniqueViewers', label: '观看人数', required: true },
  { field: 'peakConcurrent', label: '最高在线', required: true },
  { field: 'avgWatchSeconds', label: '人均观看时长', keyboard: 'digit', unit: '秒' },
  { field: 'newFollowers', label: '新增关注', required: true },
  { field: 'comments', label: '评论' },
  { field: 'orders', label: '订单', required: true },
  { field: 'gmvYuan', label: '成交额', keyboard: 'digit', unit: '元', required: true },
]

export interface LiveFormProps extends Common {
  /** Livestream items to choose from. */
  lives: { id: string; title: string; day: string }[]
  values: LiveTexts
  onChange: (patch: Partial<LiveTexts>) => void
}

function TimeField(props: { label: string; value: string; onChange: (v: string) => void; error?: string; className: string }) {
  return (
    <View className={`time-field ${props.className}`}>
      <Picker mode='time' value={props.value} onChange={(e) => props.onChange(String(e.detail.value))}>
        <View className='time-field__row'>
          <Text className='time-field__label'>{props.label}</Text>
          <Text className='time-field__value'>{props.value}</Text>
        </View>
      </Picker>
      <FieldError message={props.error} />
    </View>
  )
}

/** 直播数据: which session, when it ran, and its numbers (viewers, peak, follows, orders, GMV). */
export function LiveForm(props: LiveFormProps) {
  const v = props.values
  return (
    <View className='results-form live-form'>
      <FieldGroup title='哪一场直播'>
        {props.lives.length ? (
          <View className='live-choices'>
            {props.lives.map((l) => (
              <View key={l.id} className={`live-choice live-choice--${l.id} ${v.itemId === l.id ? 'live-choice--active' : ''}`} onClick={() => props.onChange({ itemId: l.id })}>
                <Text className='live-choice__title'>{l.title}</Text>
                <Text className='live-choice__day'>{l.day.slice(5).replace('-', '/')}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className='results-form__empty'>最近 30 天没有已发布的直播</Text>
        )}
        <FieldError message={props.errors.itemId} />
      </FieldGroup>
      <FieldGroup title='时间'>
        <View className='results-form__pad'>
          <DayChips className='field-day' options={props.dayOptions} value={v.day} onChange={(day) => props.onChange({ day })} />
        </View>
        <TimeField className='field-start' label='开播' value={v.start} onChange={(start) => props.onChange({ start })} error={props.errors.startAt} />
        <TimeField className='field-end' label='下播' value={v.end} onChange={(end) => props.onChange({ end })} error={props.errors.endAt} />
      </FieldGroup>
      <FieldGroup title='数据'>
        {LIVE_FIELDS.map((f) => (
          <NumberField
            key={f.field}
            className={`field-${f.field}`}
            label={f.label}
            placeholder={f.required ? '必填' : undefined}
            keyboard={f.keyboard}
            unit={f.unit}
            value={v[f.field]}
            error={props.errors[f.field === 'gmvYuan' ? 'gmvFen' : f.field]}
            onChange={(t) => props.onChange({ [f.field]: t })}
          />
        ))}
      </FieldGroup>
      <SubmitBar className='live-submit' text='提交' loading={props.submitting} onSubmit={props.onSubmit} />
    </View>
  )
}

export interface LeadsFormProps extends Common {
  day: string
  counts: Partial<Record<Channel, string>>
  onDay: (day: string) => void
  onCount: (channel: Channel, text: string) => void
}

/** 线索: the day's inquiries by source channel, all six on one screen; blank channels are skipped. */
export function LeadsForm(props: LeadsFormProps) {
  return (
    <View className='results-form leads-form'>
      <FieldGroup title='日期'>
        <View className='results-form__pad'>
          <DayChips className='field-date' options={props.dayOptions} value={props.day} onChange={props.onDay} error={props.errors.date} />
        </View>
      </FieldGroup>
      <FieldGroup title='咨询数（按来源渠道）'>
        {CHANNELS.map((c) => (
          <NumberField
            key={c}
            className={`field-channel-${c}`}
            label={CHANNEL_LABELS[c]}
            value={props.counts[c]}
            error={props.errors[c]}
            onChange={(t) => props.onCount(c, t)}
          />
        ))}
      </FieldGroup>
      <SubmitBar className='leads-submit' text='提交' hint='只提交填了数的渠道' loading={props.submitting} onSubmit={props.onSubmit} />
    </View>
  )
}

export interface FollowersFormProps extends Common {
  day: string
  total?: string
  onDay: (day: string) => void
  onTotal: (text: string) => void
}

/** 粉丝总数: the account's follower total on a day, as the data centre shows it. */
export function FollowersForm(props: FollowersFormProps) {
  return (
    <View className='results-form followers-form'>
      <FieldGroup title='日期'>
        <View className='results-form__pad'>
          <DayChips className='field-date' options={props.dayOptions} value={props.day} onChange={props.onDay} error={props.errors.date} />
        </View>
      </FieldGroup>
      <FieldGroup title='账号粉丝总数'>
        <NumberField className='field-total' label='粉丝总数' placeholder='必填' value={props.total} error={props.errors.total} onChange={props.onTotal} />
      </FieldGroup>
      <SubmitBar className='followers-submit' text='提交' loading={props.submitting} onSubmit={props.onSubmit} />
    </View>
  )
}
