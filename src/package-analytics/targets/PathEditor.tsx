import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { setConversionPathInput, type ConversionPathView } from '../../../core/analytics/conversionPath'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { FieldError, TextField } from '../../components/fields'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { errorMessage, toastSuccess } from '../../utils/feedback'

/** Where a team without a path starts: the plan's own 8 steps are not named, so a short editable outline. */
const STARTER = ['关注', '浏览主页', '私信咨询', '下单']

/**
 * The team's conversion path from 关注 to 下单 (转化路径步数 is its length): read by everyone on the
 * 目标 screen, edited by staff as an ordered list of steps; each save is a new version from today.
 */
export function PathEditor({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const path = useApiQuery(() => api.analytics.conversionPath({}), [])
  const [steps, setSteps] = useState<string[] | null>(null)
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    () => api.analytics.setConversionPath({ steps: (steps ?? []).map((s) => s.trim()) }, { requestId: requestId.current }),
    (saved: ConversionPathView) => {
      toastSuccess(`转化路径已保存：${saved.steps.length} 步`)
      requestId.current = newRequestId()
      path.replace(saved)
      setSteps(null)
      onSaved()
    },
  )
  if (path.error) return <Text className='path-editor__empty'>{errorMessage(path.error)}</Text>
  if (!path.data) return <Text className='path-editor__empty'>加载中…</Text>
  const cur = path.data
  if (!steps) {
    return (
      <View className='path-editor'>
        <Text className='path-editor__path'>{cur.steps.length ? `${cur.steps.join(' → ')}（${cur.steps.length} 步）` : '还没有记录转化路径'}</Text>
        {cur.byName && cur.at ? <Text className='path-editor__meta'>{`${cur.byName} 于 ${cur.at.slice(0, 10)} 记录${cur.history.length ? `，此前 ${cur.history.map((h) => `${h.day.slice(5)} ${h.length} 步`).join('、')}` : ''}`}</Text> : null}
        {canEdit ? (
          <Button size='small' fill='outline' className='path-edit' onClick={() => setSteps(cur.steps.length ? [...cur.steps] : [...STARTER])}>
            编辑路径
          </Button>
        ) : null}
      </View>
    )
  }
  const set = (i: number, v: string) => setSteps(steps.map((s, j) => (j === i ? v : s)))
  const move = (i: number, d: -1 | 1) => {
    const next = [...steps]
    ;[next[i], next[i + d]] = [next[i + d], next[i]]
    setSteps(next)
  }
  return (
    <View className='path-editor path-editor--editing'>
      <Text className='path-editor__hint'>按顺序写出用户从关注到下单要经过的每一步；保存后从今天起按新路径计步数。</Text>
      {steps.map((s, i) => (
        <View key={i} className='path-step'>
          <Text className='path-step__no'>{i + 1}</Text>
          <TextField className={`path-step__input field-step-${i}`} value={s} onChange={(v) => set(i, v)} schema={setConversionPathInput.shape.steps.element} placeholder='例如：私信咨询' error={form.errors[`steps.${i}`]} />
          <View className='path-step__ops'>
            {i > 0 ? <Text className='path-step__op path-step__up' onClick={() => move(i, -1)}>上移</Text> : null}
            <Text className='path-step__op path-step__remove' onClick={() => setSteps(steps.filter((_, j) => j !== i))}>删除</Text>
          </View>
        </View>
      ))}
      <FieldError message={form.errors.steps} />
      <Button size='small' fill='none' className='path-add' onClick={() => setSteps([...steps, ''])}>
        ＋ 添加一步
      </Button>
      <View className='target-form__actions'>
        <Button className='path-cancel' fill='outline' onClick={() => setSteps(null)}>
          取消
        </Button>
        <Button className='path-save' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
          {`保存（${steps.length} 步）`}
        </Button>
      </View>
    </View>
  )
}
