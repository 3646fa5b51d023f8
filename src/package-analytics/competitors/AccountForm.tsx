import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { addCompetitorInput, COMPETITOR_KIND_LABELS, COMPETITOR_KINDS, type CompetitorKind, type CompetitorView } from '../../../core/research/competitors'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ChoiceField, optionsOf, TextField } from '../../components/fields'
import { useFormAction } from '../../hooks/useFormAction'
import { toastSuccess } from '../../utils/feedback'

/** 添加账号: a name and 同行 / 标杆, a note if useful. */
export function AccountForm(props: { onSaved: (c: CompetitorView) => void; onCancel: () => void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<CompetitorKind | undefined>()
  const [note, setNote] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.research.addCompetitor({ name, kind: kind as CompetitorKind, ...(note.trim() ? { note } : {}) }, { requestId: requestId.current }),
    (saved) => {
      toastSuccess('已添加')
      requestId.current = newRequestId()
      props.onSaved(saved)
    },
  )
  return (
    <View className='analytics-card account-form'>
      <Text className='analytics-card__title'>添加账号</Text>
      <Text className='account-form__label'>账号名称</Text>
      <TextField className='field-name' value={name} onChange={setName} schema={addCompetitorInput.shape.name} placeholder='视频号名称' error={form.errors.name} />
      <Text className='account-form__label'>类型</Text>
      <ChoiceField value={kind} onChange={setKind} options={optionsOf(COMPETITOR_KINDS, COMPETITOR_KIND_LABELS)} optionClass='account-kind' error={form.errors.kind} />
      <Text className='account-form__label'>备注（选填）</Text>
      <TextField className='field-note' value={note} onChange={setNote} schema={addCompetitorInput.shape.note} placeholder='例如：同城同价位，主打上门安装' error={form.errors.note} />
      <View className='account-form__actions'>
        <Button className='account-cancel' fill='outline' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='account-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          添加
        </Button>
      </View>
    </View>
  )
}
