import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { MONTH_THEME_MAX } from '../../../core/content/labels'
import { monthTitle } from '../../utils/content'
import { TextField } from '../fields/TextField'
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

/** The counter's rule, read from the zod-free limit: the calendar tab is in the main package, which carries no zod. */
const THEME_LIMIT = { max: MONTH_THEME_MAX, label: '月度主题' }

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
          <TextField className='field-theme' value={text} onChange={setText} placeholder='例如：双十一囤货季' limit={THEME_LIMIT} error={props.error} />
        </View>
        <Button className='theme-save' block type='primary' loading={props.saving} disabled={props.saving} onClick={() => props.onSave(text)}>
          保存
        </Button>
      </View>
      <TabBarSpacer />
    </Popup>
  )
}
