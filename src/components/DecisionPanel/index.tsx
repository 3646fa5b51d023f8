import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { requestChangesInput } from '../../../core/review/schemas'
import { TextAreaField } from '../fields'
import './index.scss'

export interface DecisionPanelProps {
  gateName: string
  versionNo: number
  busy: boolean
  /** The comment's error (要求修改 needs one), from the client check or the function. */
  error?: string
  onApprove: (comment: string) => void
  onRequestChanges: (comment: string) => void
}

/** A reviewer's decision on the version in review: 通过 (comment optional) or 要求修改 (comment required). */
export function DecisionPanel(props: DecisionPanelProps) {
  const [comment, setComment] = useState('')
  // A refusal's message stays until the reviewer edits the comment it was about.
  const [error, setError] = useState(props.error)
  useEffect(() => setError(props.error), [props.error])
  return (
    <View className='decision-panel'>
      <Text className='decision-panel__title'>{`审核「${props.gateName}」第 ${props.versionNo} 版`}</Text>
      <TextAreaField
        className='field-decision-comment'
        value={comment}
        onChange={(v) => {
          setComment(v)
          setError(undefined)
        }}
        placeholder='审核意见（要求修改时必填）'
        schema={requestChangesInput.shape.comment}
        error={error}
      />
      <View className='decision-panel__buttons'>
        <Button className='decision-request-changes' type='warning' fill='outline' disabled={props.busy} onClick={() => props.onRequestChanges(comment)}>
          要求修改
        </Button>
        <Button className='decision-approve' type='primary' disabled={props.busy} onClick={() => props.onApprove(comment)}>
          通过
        </Button>
      </View>
    </View>
  )
}

/** Why this member sees no decision buttons at a gate in review (e.g. 不能审核自己的提交), under what is going on. */
export function ReviewBlocked({ status, reason }: { status?: string; reason: string | null }) {
  return (
    <View className='review-blocked'>
      {status ? <Text className='review-blocked__status'>{status}</Text> : null}
      {reason ? <Text className='review-blocked__reason'>{reason}</Text> : null}
    </View>
  )
}
