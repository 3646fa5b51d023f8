import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import type { ItemCard } from '../../../core/content/schemas'
import type { DayKey } from '../../../core/time/china'
import { dayTitle } from '../../utils/content'
import { ItemRow } from '../ItemRow'
import { ErrorState, LoadingState, TabBarSpacer } from '../PageState'
import './index.scss'

export interface DaySheetProps {
  /** The day shown; the sheet is closed when null. */
  day: DayKey | null
  items: readonly ItemCard[] | undefined
  error: string | null
  canPlan: boolean
  onClose: () => void
  onOpenItem: (item: ItemCard) => void
  onCreate: (day: DayKey) => void
  onRetry: () => void
}

/** Everything planned on one day, in a bottom sheet, with "+ 新建内容" for planners. */
export function DaySheet(props: DaySheetProps) {
  const { day, items } = props
  return (
    <Popup
      className='day-sheet'
      visible={day !== null}
      position='bottom'
      round
      closeable
      title={day ? dayTitle(day) : ''}
      onClose={props.onClose}
    >
      <View className='day-sheet__body'>
        {items ? (
          items.length ? (
            items.map((item) => <ItemRow key={item.id} item={item} onOpen={props.onOpenItem} />)
          ) : (
            <Text className='day-sheet__empty'>这一天还没有内容</Text>
          )
        ) : props.error ? (
          <ErrorState message={props.error} onRetry={props.onRetry} />
        ) : (
          <LoadingState rows={2} />
        )}
      </View>
      {props.canPlan && day ? (
        <View className='day-sheet__footer'>
          <Button className='day-sheet-create' block type='primary' onClick={() => props.onCreate(day)}>
            + 新建内容
          </Button>
        </View>
      ) : null}
      <TabBarSpacer />
    </Popup>
  )
}
