import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Popup } from '@nutui/nutui-react-taro'
import { AGENDA_MAX } from '../../../core/content/meetings'
import { STATUS_LABELS, type ItemCard } from '../../../core/content/schemas'
import { monthDay } from '../../utils/content'

export interface AgendaSheetProps {
  visible: boolean
  /** Ideas of the topic library, then items on the calendar from today on. */
  choices: ItemCard[] | undefined
  chosen: string[]
  saving: boolean
  onConfirm: (ids: string[]) => void
  onClose: () => void
}

/** Picks what the meeting discusses: items on the calendar and ideas, by title. */
export function AgendaSheet(props: AgendaSheetProps) {
  const [ids, setIds] = useState<string[]>(props.chosen)
  useEffect(() => {
    if (props.visible) setIds(props.chosen)
  }, [props.visible, props.chosen])
  const toggle = (id: string) => setIds((x) => (x.includes(id) ? x.filter((y) => y !== id) : x.length >= AGENDA_MAX ? x : [...x, id]))
  return (
    <Popup className='agenda-sheet' visible={props.visible} position='bottom' round closeable title='选择议程' onClose={props.onClose}>
      <View className='ideas-sheet__body'>
        {props.choices === undefined ? <Text className='meeting-empty'>加载中…</Text> : null}
        {props.choices?.map((c) => (
          <View key={c.id} className={`pick-row pick-agenda pick-agenda--${c.id}`}>
            <Checkbox className='pick-row__check' checked={ids.includes(c.id)} onChange={() => toggle(c.id)} label={c.title} />
            <Text className='pick-row__hint'>{c.day ? `${STATUS_LABELS[c.status]} · ${monthDay(c.day)}` : STATUS_LABELS[c.status]}</Text>
          </View>
        ))}
        <Button className='agenda-confirm' block type='primary' loading={props.saving} disabled={props.saving} onClick={() => props.onConfirm(ids)}>
          {`确定（${ids.length} 项）`}
        </Button>
      </View>
    </Popup>
  )
}
