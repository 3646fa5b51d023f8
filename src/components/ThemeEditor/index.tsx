import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { setMonthThemeInput } from '../../../core/content/schemas'
import { monthTitle } from '../../utils/content'
import { TextField } from '../fields'
import { TabBarSpacer } from '../PageState'
import './index.scss'

export interface ThemeEditorProps {
  /** The month being edited; closed when null. */
  month: string | null
  theme: string
  saving: boolean
  error?: string
  onSave: (theme: string) => void
  onClose: () => void
}

/** Sets the month's theme (≤ 30 characters; empty clears it). */
export function ThemeEditor(props: ThemeEditorProps) {
  const [text, setText] = useState(props.theme)
  useEffect(() => {
    if (props.month) setText(props.theme)
  }, [props.month, props.theme])
  return (
    <Popup
      className='theme-editor'
      visible={props.month !== null}
      position='bottom'
      round
      closeable
      title={props.month ? `${monthTitle(props.month)} 主题` : ''}
      onClose={props.onClose}
    >
      <View className='theme-editor__body'>
        <Text className='theme-editor__hint'>一句话说清这个月主推什么，团队排期时会看到。</Text>
        <View className='theme-editor__input'>
          <TextField className='field-theme' value={text} onChange={setText} placeholder='例如：双十一囤货季' schema={setMonthThemeInput.shape.theme} error={props.error} />
        </View>
        <Button className='theme-save' block type='primary' loading={props.saving} disabled={props.saving} onClick={() => props.onSave(text)}>
          保存
        </Button>
      </View>
      <TabBarSpacer />
    </Popup>
  )
}
