import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, CalendarCard, DatePicker, Popup } from '@nutui/nutui-react-taro'
import { rescheduleItemInput } from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { calendarDate, dayTitle } from '../../utils/content'
import { FieldError, TextField } from '../fields'
import './index.scss'

/** Common publishing slots: one tap instead of a wheel for most posts. */
const QUICK_TIMES = ['08:00', '12:00', '18:00', '20:00']

export interface Schedule {
  day: DayKey
  time: string
  reason: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const keyOf = (d: { year: number; month: number; date: number }) => `${d.year}-${pad(d.month)}-${pad(d.date)}`

export interface ScheduleSheetProps {
  visible: boolean
  title: string
  /** Where the picker starts: the item's current slot, or a suggestion. */
  initial: { day: DayKey; time: string }
  /** Earliest day that can be chosen (today, China time). */
  minDay: DayKey
  /** Rescheduling asks why (optional, kept in the item's history). */
  withReason: boolean
  confirmText: string
  saving: boolean
  errors?: Record<string, string>
  onConfirm: (schedule: Schedule) => void
  onClose: () => void
}

/** Picks a publish day (a one-month card) and time (quick slots or a wheel), plus a reason when moving. */
export function ScheduleSheet(props: ScheduleSheetProps) {
  const [day, setDay] = useState(props.initial.day)
  const [time, setTime] = useState(props.initial.time)
  const [reason, setReason] = useState('')
  const [wheel, setWheel] = useState(false)
  useEffect(() => {
    if (!props.visible) return
    setDay(props.initial.day)
    setTime(props.initial.time)
    setReason('')
  }, [props.visible, props.initial.day, props.initial.time])

  const [h, m] = time.split(':').map(Number)
  return (
    <Popup className='schedule-sheet' visible={props.visible} position='bottom' round closeable title={props.title} onClose={props.onClose}>
      <View className='schedule-sheet__body'>
        {props.visible ? (
          <CalendarCard
            className='schedule-calendar'
            type='single'
            firstDayOfWeek={1}
            value={calendarDate(day)}
            defaultValue={calendarDate(props.initial.day)}
            startDate={calendarDate(props.minDay)}
            renderDay={(d) => <View className={`schedule-day ${d.type === 'current' ? `schedule-day--${keyOf(d)}` : ''}`}>{d.date}</View>}
            onDayClick={(d) => {
              // Days of the neighbouring months are only shown greyed: switch months with the arrows.
              const key = keyOf(d)
              if (d.type === 'current' && key >= props.minDay) setDay(key)
            }}
          />
        ) : null}
        <Text className='schedule-sheet__chosen'>
          {`${dayTitle(day)} ${time}`}
        </Text>
        <View className='schedule-sheet__times'>
          {QUICK_TIMES.map((t) => (
            <Text key={t} className={`time-chip time-chip--${t.replace(':', '')} ${t === time ? 'time-chip--active' : ''}`} onClick={() => setTime(t)}>
              {t}
            </Text>
          ))}
          <Text className={`time-chip time-chip--custom ${QUICK_TIMES.includes(time) ? '' : 'time-chip--active'}`} onClick={() => setWheel(true)}>
            {QUICK_TIMES.includes(time) ? '其他时间' : time}
          </Text>
        </View>
        <FieldError message={props.errors?.plannedAt} />
        {props.withReason ? (
          <View className='schedule-sheet__reason'>
            <TextField className='field-reason' value={reason} onChange={setReason} placeholder='改期原因（选填），会记录在排期历史里' schema={rescheduleItemInput.shape.reason} error={props.errors?.reason} />
          </View>
        ) : null}
        <Button
          className='schedule-confirm'
          block
          type='primary'
          loading={props.saving}
          disabled={props.saving}
          onClick={() => props.onConfirm({ day, time, reason: reason.trim() })}
        >
          {props.confirmText}
        </Button>
      </View>
      <DatePicker
        title='选择时间'
        type='hour-minutes'
        minuteStep={5}
        visible={wheel}
        defaultValue={new Date(2000, 0, 1, h || 0, m || 0)}
        onClose={() => setWheel(false)}
        onConfirm={(_, values) => setTime(`${pad(Number(values[0]))}:${pad(Number(values[1]))}`)}
      />
    </Popup>
  )
}
