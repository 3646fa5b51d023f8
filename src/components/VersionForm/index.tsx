import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { submitVersionInput } from '../../../core/review/schemas'
import { splitLinks } from '../../utils/review'
import { FieldError, TextAreaField, TextField } from '../fields'
import './index.scss'

export interface VersionValues {
  text: string
  links: string[]
  fileIds: string[]
  note: string
}

export interface VersionFormProps {
  gateName: string
  /** The number the next version will get. */
  nextNo: number
  submitting: boolean
  /** Field path → message (client check or the function's VALIDATION answer). */
  errors: Record<string, string>
  /** Mini-program: pick images/video and upload them; absent in the browser build. */
  onAddMedia?: () => Promise<string[]>
  onSubmit: (values: VersionValues) => void
}

/** The first error under a list field ('links.2' → shown under 链接). */
function firstUnder(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1]
}

/** What the author hands in at a gate: text (script, outline), links, media files and a note. */
export function VersionForm(props: VersionFormProps) {
  const [text, setText] = useState('')
  const [links, setLinks] = useState('')
  const [note, setNote] = useState('')
  const [fileIds, setFileIds] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)

  const addMedia = async () => {
    if (!props.onAddMedia || uploading) return
    setUploading(true)
    try {
      const ids = await props.onAddMedia()
      setFileIds((cur) => [...cur, ...ids])
    } finally {
      setUploading(false)
    }
  }

  const submit = () => props.onSubmit({ text: text.trim(), links: splitLinks(links), fileIds, note: note.trim() })

  return (
    <View className='version-form'>
      <Text className='version-form__title'>{`提交「${props.gateName}」第 ${props.nextNo} 版`}</Text>
      <View className='version-form__field'>
        <Text className='version-form__label'>正文（脚本、提纲、文案）</Text>
        <TextAreaField className='field-version-text' value={text} onChange={setText} placeholder='粘贴脚本或提纲' schema={submitVersionInput.innerType().shape.text} error={props.errors.text} />
      </View>
      <View className='version-form__field'>
        <Text className='version-form__label'>链接（每行一个，选填）</Text>
        {/* No single limit: each link is checked (≤ 500, ≤ 10 links) when it is submitted. */}
        <TextAreaField className='field-version-links' value={links} onChange={setLinks} placeholder='https://…' error={firstUnder(props.errors, 'links')} />
      </View>
      <View className='version-form__field'>
        <Text className='version-form__label'>图片 / 视频</Text>
        {props.onAddMedia ? (
          <View className='version-form__media'>
            <Button className='version-add-media' size='small' fill='outline' type='primary' loading={uploading} disabled={uploading} onClick={() => void addMedia()}>
              添加图片或视频
            </Button>
            {fileIds.length ? <Text className='version-form__files'>{`已上传 ${fileIds.length} 个文件`}</Text> : null}
          </View>
        ) : (
          <Text className='version-form__hint version-no-upload'>浏览器版不能上传文件：请把成片或素材放到网盘后粘贴链接，或在微信小程序里上传图片和视频。</Text>
        )}
        <FieldError message={firstUnder(props.errors, 'fileIds')} />
      </View>
      <View className='version-form__field'>
        <Text className='version-form__label'>说明（选填）</Text>
        <TextField className='field-version-note' value={note} onChange={setNote} placeholder='这一版改了什么' schema={submitVersionInput.innerType().shape.note} error={props.errors.note} />
      </View>
      <Button className='version-submit' type='primary' block loading={props.submitting} disabled={props.submitting || uploading} onClick={submit}>
        提交审核
      </Button>
    </View>
  )
}
