import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Popup } from '@nutui/nutui-react-taro'
import { nextFreeDays, SCHEDULE_MAX } from '../../../core/content/meetings'
import type { ItemCard } from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { FieldError } from '../../components/fields'
import { DayStepper } from './parts'

export interface IdeasSheetProps {
  visible: boolean
  ideas: ItemCard[] | undefined
  /** Days that already have something on the calendar: default days skip them. */
  busyDays: DayKey[]
  /** The first day an idea can still go out on (tomorrow once today's publish time has passed). */
  firstDay: DayKey
  saving: boolean
  error?: string
  onConfirm: (chosen: { itemId: string; day: DayKey }[]) => void
  onClose: () => void
}

/** 从选题库排期: tick ideas, each gets the next free day (changeable), one confirm moves them all. */
export function IdeasSheet(props: IdeasSheetProps) {
  const [ticked, setTicked] = useState<string[]>([])
  const [days, setDays] = useState<Record<string, DayKey>>({})
  useEffect(() => {
    if (props.visible) {
      setTicked([])
      setDays({})
    }
  }, [props.visible])

  // Defaults follow the order of ticking; a day picked by hand stays, and is no longer free for the others.
  const shown = useMemo(() => {
    const out: Record<string, DayKey> = {}
    const taken = new Set(props.busyDays)
    for (const id of ticked) if (days[id]) taken.add(days[id])
    const free = nextFreeDays(props.firstDay, taken, ticked.length)
    let n = 0
    for (const id of ticked) out[id] = days[id] ?? free[n++]
    return out
  }, [ticked, days, props.busyDays, props.firstDay])

  const toggle = (id: string) => setTicked((t) => (t.includes(id) ? t.filter((x) => x !== id) : t.length >= SCHEDULE_MAX ? t : [...t, id]))
  return (
    <Popup className='ideas-sheet' visible={props.visible} position='bottom' round closeable title='从选题库排期' onClose={props.onClose}>
      <View className='ideas-sheet__body'>
        {props.ideas === undefined ? <Text className='meeting-empty'>加载中…</Text> : null}
        {props.ideas?.length === 0 ? <Text className='meeting-empty'>选题库是空的。</Text> : null}
        {props.ideas?.map((i) => (
          <View key={i.id} className={`pick-row pick-idea pick-idea--${i.id}`}>
            <Checkbox className='pick-row__check' checked={ticked.includes(i.id)} onChange={() => toggle(i.id)} label={i.title} />
            {ticked.includes(i.id) ? (
              <DayStepper className='pick-row__day' day={shown[i.id]} min={props.firstDay} onChange={(d) => setDays((x) => ({ ...x, [i.id]: d }))} />
            ) : null}
          </View>
        ))}
        <FieldError message={props.error} />
        <Button
          className='ideas-confirm'
          block
          type='primary'
          loading={props.saving}
          disabled={props.saving || !ticked.length}
          onClick={() => props.onConfirm(ticked.map((id) => ({ itemId: id, day: shown[id] })))}
        >
          {ticked.length ? `排入日历（${ticked.length} 个）` : '请勾选选题'}
        </Button>
      </View>
    </Popup>
  )
}
