import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro'
import { CHANGES_NEED_COMMENT, COMMENT_LABEL } from '../../../core/review/machine'
import { FieldError } from '../fields/FieldError'
import { TabBarSpacer } from '../PageState'
import './index.scss'

export interface ChangesDialogProps {
  /** The version sent back; null while the dialog is closed. */
  target: { itemId: string; title: string; gateName: string; versionNo: number } | null
  busy: boolean
  /** The comment's error (要求修改 needs one), from the client check or the function. */
  error?: string
  onConfirm: (comment: string) => void
  onCancel: () => void
}

/** Asks a reviewer deciding from the inbox for the comment 要求修改 needs. */
export function ChangesDialog({ target, busy, error: given, onConfirm, onCancel }: ChangesDialogProps) {
  const [comment, setComment] = useState('')
  const [error, setError] = useState(given)
  useEffect(() => setError(given), [given])
  // A new row starts with an empty comment.
  useEffect(() => {
    setComment('')
    setError(undefined)
  }, [target?.itemId, target?.versionNo])
  const confirm = () => {
    // Checked before sending: the inbox is in the main package, which carries no contract schema.
    if (comment.trim()) onConfirm(comment)
    else setError(`${COMMENT_LABEL}：${CHANGES_NEED_COMMENT}`)
  }
  // A bottom sheet like the calendar tab's (NutUI Popup), rather than a centred Dialog: the keyboard leaves
  // the text and the buttons in view, and the main package carries one overlay component, not two.
  return (
    <Popup
      className='changes-dialog'
      visible={target !== null}
      position='bottom'
      round
      closeable
      title={target ? `要求修改「${target.gateName}」第 ${target.versionNo} 版` : '要求修改'}
      onClose={onCancel}
    >
      <View className='changes-dialog__body'>
        {target ? <Text className='changes-dialog__item'>{target.title}</Text> : null}
        <TextArea
          className='field-changes-comment'
          value={comment}
          onChange={(v) => {
            setComment(v)
            setError(undefined)
          }}
          placeholder='写下要改什么（必填）'
          maxLength={500}
          autoSize
        />
        <FieldError message={error} />
        <View className='changes-dialog__actions'>
          <Button className='changes-dialog__cancel' fill='outline' onClick={onCancel}>
            取消
          </Button>
          <Button className='changes-dialog__confirm' type='primary' loading={busy} disabled={busy} onClick={confirm}>
            要求修改
          </Button>
        </View>
      </View>
      <TabBarSpacer />
    </Popup>
  )
}
