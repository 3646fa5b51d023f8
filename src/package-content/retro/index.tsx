import '../inputs'
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { OUTCOMES, OUTCOME_LABELS, saveRetrospectiveInput, type Outcome, type RetrospectiveView } from '../../../core/content/retrospectives'
import { api } from '../../api'
import { ChoiceField, optionsOf, TextAreaField, TextField } from '../../components/fields'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { monthDay } from '../../utils/content'
import { errorMessage, fieldErrorMap, toastError, toastSuccess } from '../../utils/feedback'
import { tagsOf } from '../../utils/itemForm'
import './index.scss'

interface Draft {
  worked: string
  change: string
  tagsText: string
  outcome: Outcome | ''
}

const draftOf = (r: RetrospectiveView): Draft => ({ worked: r.worked, change: r.change, tagsText: r.tags.join(' '), outcome: r.outcome ?? '' })
const OUTCOME_OPTIONS = optionsOf(OUTCOMES, OUTCOME_LABELS)

function Numbers(props: { r: RetrospectiveView }) {
  const r = props.r
  return (
    <View className='retro-numbers'>
      <View className='retro-numbers__row retro-numbers__row--head'>
        <Text className='retro-numbers__label'>第 7 天</Text>
        <Text className='retro-numbers__value'>本条</Text>
        <Text className='retro-numbers__value'>团队均值</Text>
        <Text className='retro-numbers__versus'>对比</Text>
      </View>
      {r.comparison.map((c) => (
        <View key={c.metric} className={`retro-numbers__row retro-metric--${c.metric}`}>
          <Text className='retro-numbers__label'>{c.label}</Text>
          <Text className='retro-numbers__value'>{c.value}</Text>
          <Text className='retro-numbers__value'>{c.average}</Text>
          <Text className={`retro-numbers__versus retro-versus--${c.direction ?? 'none'}`}>{c.versus}</Text>
        </View>
      ))}
      <Text className='retro-numbers__note'>{r.asOf ? `本条取 ${monthDay(r.asOf)}的累计数据（发布当天为第 1 天）` : '第 7 天前没有录入数据'}</Text>
      <Text className='retro-numbers__note'>{r.averageNote}</Text>
    </View>
  )
}

/** 单条复盘: the item's day-7 numbers against the team's average, and what worked, what to change, tags and outcome. */
export default function RetrospectivePage() {
  const id = useRouter().params.id ?? ''
  const retro = useApiQuery<RetrospectiveView>(() => api.content.getRetrospective({ id }), [id])
  usePullRefresh(retro.refresh)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const r = retro.data
  useEffect(() => {
    if (r && !draft) setDraft(draftOf(r))
  }, [r, draft])

  if (!r || !draft) {
    return <View className='page retro-page'>{retro.error ? <ErrorState message={errorMessage(retro.error)} onRetry={() => void retro.refresh()} /> : <LoadingState rows={6} />}</View>
  }
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })

  const save = async () => {
    if (saving) return
    if (!draft.outcome) {
      setErrors({ outcome: '结果：请选择' })
      return
    }
    setSaving(true)
    setErrors({})
    try {
      const saved = await api.content.saveRetrospective({ id: r.id, version: r.version, worked: draft.worked, change: draft.change, tags: tagsOf(draft.tagsText), outcome: draft.outcome })
      retro.replace(saved)
      setDraft(draftOf(saved))
      toastSuccess(r.status === 'written' ? '复盘已更新' : '复盘已保存，已进入案例库')
    } catch (e) {
      const fields = fieldErrorMap(e)
      setErrors(fields)
      if (!Object.keys(fields).length) toastError(e)
      if ((e as { code?: string }).code === 'CONFLICT') void retro.refresh().then(() => setDraft(null))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='page retro-page'>
      <View className='retro-head'>
        <Text className='retro-head__title'>{r.title}</Text>
        <Text className='retro-head__meta'>{`${r.tagLine} · ${monthDay(r.publishedDay)}发布 · 负责人 ${r.ownerName}`}</Text>
        <Text className={`retro-head__status retro-head__status--${r.status}`}>
          {r.status === 'written' ? `${r.outcomeLabel ?? ''} · ${r.writtenByName ?? ''} 已复盘` : `待复盘 · ${monthDay(r.dueDay)} 起`}
        </Text>
      </View>
      <Numbers r={r} />
      {r.mayWrite ? (
        <View className='retro-form'>
          <Text className='retro-form__label'>做得好的</Text>
          <TextAreaField className='field-worked' value={draft.worked} onChange={(worked) => set({ worked })} schema={saveRetrospectiveInput.shape.worked} placeholder='开头、选题、画面、发布时间……哪些值得下次照做' error={errors.worked} />
          <Text className='retro-form__label'>要改进的</Text>
          <TextAreaField className='field-change' value={draft.change} onChange={(change) => set({ change })} schema={saveRetrospectiveInput.shape.change} placeholder='下次换一种做法的地方' error={errors.change} />
          <Text className='retro-form__label'>标签</Text>
          <TextField className='field-tags' value={draft.tagsText} onChange={(tagsText) => set({ tagsText })} placeholder='用空格分隔，例如：开箱 对比' error={errors.tags} />
          <Text className='retro-form__label'>结果</Text>
          <ChoiceField className='field-outcome' value={draft.outcome} onChange={(outcome) => set({ outcome })} options={OUTCOME_OPTIONS} optionClass='outcome-option' error={errors.outcome} />
          <Button className='retro-save' block type='primary' loading={saving} onClick={() => void save()}>
            {r.status === 'written' ? '保存修改' : '保存复盘'}
          </Button>
        </View>
      ) : (
        <View className='retro-form retro-form--read'>
          <Text className='retro-form__label'>做得好的</Text>
          <Text className='retro-form__text retro-worked'>{r.worked || '（尚未填写）'}</Text>
          <Text className='retro-form__label'>要改进的</Text>
          <Text className='retro-form__text'>{r.change || '（尚未填写）'}</Text>
          {r.tags.length ? <Text className='retro-form__text'>{`标签：${r.tags.join('、')}`}</Text> : null}
        </View>
      )}
    </View>
  )
}
