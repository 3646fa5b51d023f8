import { Picker, Text, View } from '@tarojs/components'
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../../core/results/metrics'
import { correctLeadsInput, correctLiveInput } from '../../../core/results/schemas'
import { FieldError, TextField } from '../fields'
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

/** A session already logged for the chosen livestream, as the list shows it. */
export interface LoggedSession {
  id: string
  /** e.g. "11/26 19:00–21:00 · 观看 800 · 订单 40" */
  text: string
  by: string
  canCorrect: boolean
}

export interface LiveFormProps extends Common {
  /** Livestream items to choose from. */
  lives: { id: string; title: string; day: string }[]
  values: LiveTexts
  onChange: (patch: Partial<LiveTexts>) => void
  /** Sessions logged for the chosen livestream; 更正 opens one in the form. */
  sessions?: LoggedSession[]
  onCorrect?: (sessionId: string) => void
  /** Set while correcting a session: the form edits its numbers and asks why. */
  correcting?: { title: string; reason: string; onReason: (r: string) => void; onCancel: () => void }
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
      {props.correcting ? (
        <FieldGroup title='更正直播数据'>
          <View className='live-correcting'>
            <Text className='live-correcting__title'>{props.correcting.title}</Text>
            <Text className='live-correcting__cancel' onClick={props.correcting.onCancel}>
              取消更正
            </Text>
          </View>
          <View className='live-correcting__reason field-reason'>
            <TextField value={props.correcting.reason} onChange={props.correcting.onReason} placeholder='更正原因，例如：观看人数看错了' schema={correctLiveInput.innerType().shape.reason} error={props.errors.reason} />
          </View>
        </FieldGroup>
      ) : (
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
          <Text className='results-form__empty'>最近 30 天日历上没有直播</Text>
        )}
        <FieldError message={props.errors.itemId} />
        {props.sessions?.length ? (
          <View className='live-sessions'>
            <Text className='live-sessions__title'>已记录 {props.sessions.length} 场</Text>
            {props.sessions.map((s) => (
              <View key={s.id} className='live-session'>
                <View className='live-session__body'>
                  <Text className='live-session__text'>{s.text}</Text>
                  <Text className='live-session__by'>{s.by}</Text>
                </View>
                {s.canCorrect && props.onCorrect ? (
                  <Text className={`live-session__fix live-session__fix--${s.id}`} onClick={() => props.onCorrect!(s.id)}>
                    更正
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        ) : null}
      </FieldGroup>
      )}
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
      <SubmitBar className='live-submit' text={props.correcting ? '提交更正' : '提交'} loading={props.submitting} onSubmit={props.onSubmit} />
    </View>
  )
}

export interface LeadsFormProps extends Common {
  day: string
  counts: Partial<Record<Channel, string>>
  onDay: (day: string) => void
  onCount: (channel: Channel, text: string) => void
  /** Leads logged lately (records in force); 更正 opens one in the correction form. */
  recent?: { id: string; text: string; by: string; canCorrect: boolean }[]
  onCorrect?: (leadId: string) => void
}

export interface LeadCorrectionProps {
  /** e.g. "11/26 · 企业微信 · 原为 7" */
  title: string
  count?: string
  reason: string
  errors: Record<string, string>
  submitting: boolean
  onCount: (text: string) => void
  onReason: (text: string) => void
  onCancel: () => void
  onSubmit: () => void
}

/** 更正线索: one record's count replaced (0 when it was logged by mistake), with the reason. */
export function LeadCorrectionForm(props: LeadCorrectionProps) {
  return (
    <View className='results-form lead-correction'>
      <FieldGroup title='更正线索'>
        <View className='live-correcting'>
          <Text className='live-correcting__title'>{props.title}</Text>
          <Text className='live-correcting__cancel lead-correction__cancel' onClick={props.onCancel}>
            取消
          </Text>
        </View>
        <NumberField className='field-count' label='正确的咨询数' placeholder='必填' value={props.count} error={props.errors.count} onChange={props.onCount} />
        <View className='live-correcting__reason field-reason'>
          <TextField value={props.reason} onChange={props.onReason} placeholder='更正原因，例如：重复填报了' schema={correctLeadsInput.shape.reason} error={props.errors.reason} />
        </View>
      </FieldGroup>
      <SubmitBar className='lead-correction-submit' text='提交更正' loading={props.submitting} onSubmit={props.onSubmit} />
    </View>
  )
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
      {props.recent?.length ? (
        <FieldGroup title='最近填报'>
          <View className='live-sessions'>
            {props.recent.map((l) => (
              <View key={l.id} className='live-session lead-record'>
                <View className='live-session__body'>
                  <Text className='live-session__text'>{l.text}</Text>
                  <Text className='live-session__by'>{l.by}</Text>
                </View>
                {l.canCorrect && props.onCorrect ? (
                  <Text className={`live-session__fix lead-record__fix--${l.id}`} onClick={() => props.onCorrect!(l.id)}>
                    更正
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        </FieldGroup>
      ) : null}
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
