import '../inputs'
import { useCallback, useEffect, useRef } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ItemDetail } from '../../../core/content/schemas'
import { firstOpenDay } from '../../../core/content/slots'
import { api, ApiError } from '../../api'
import { newRequestId } from '../../api/client'
import { ItemForm, type ItemFormValues } from '../../components/ItemForm'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { useItem } from '../../hooks/useItem'
import { useCanPlan, useMe } from '../../state/me'
import { today } from '../../utils/content'
import { errorMessage, toastSuccess } from '../../utils/feedback'
import { blankValues, formValuesOf, toCreateInput, toUpdateInput } from '../../utils/itemForm'
import './index.scss'

type Kind = 'plan' | 'idea' | 'edit'

/**
 * 新建内容 / 记录选题 / 编辑内容. Query: `id` edits an item; `kind=idea` records an idea for the
 * topic library (no date); otherwise a planned item, on `day` when given.
 */
export default function ItemEditorPage() {
  const { params } = useRouter()
  const id = params.id || undefined
  const kind: Kind = id ? 'edit' : params.kind === 'idea' ? 'idea' : 'plan'
  const { me } = useMe()
  const canPlan = useCanPlan()
  const owners = useApiQuery(() => api.content.owners(), [])
  const item = useItem(id)
  // One requestId per draft: a retried or repeated submit of the same draft never creates twice.
  const draftId = useRef(newRequestId())

  useEffect(() => {
    const title = kind === 'edit' ? '编辑内容' : kind === 'idea' ? '记录选题' : '新建内容'
    void Taro.setNavigationBarTitle({ title })
  }, [kind])

  const save = useCallback(
    async (values: ItemFormValues): Promise<ItemDetail | null> => {
      if (kind !== 'edit') return api.content.createItem(toCreateInput(values, kind === 'plan'), { requestId: draftId.current })
      if (!item.data) return null
      try {
        return await api.content.updateItem(toUpdateInput(values, item.data), { requestId: draftId.current })
      } catch (e) {
        // A CONFLICT reloads the form with the version that won; the person edits again on top of it.
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          await item.onWriteError(e)
          draftId.current = newRequestId()
          return null
        }
        throw e
      }
    },
    [kind, item],
  )
  const done = useCallback(
    (saved: ItemDetail | null) => {
      if (!saved) return
      toastSuccess(kind === 'edit' ? '已保存' : kind === 'idea' ? '已存入选题库' : '已加入日历')
      void Taro.navigateBack()
    },
    [kind],
  )
  const action = useFormAction(save, done)

  if (!canPlan) {
    return (
      <View className='page item-editor-page'>
        <ErrorState message='你的角色只能查看日历，不能新建或修改内容' />
      </View>
    )
  }
  const loadError = owners.error ?? item.error
  if (loadError) {
    return (
      <View className='page item-editor-page'>
        <ErrorState message={errorMessage(loadError)} onRetry={() => void Promise.all([owners.refresh(), item.refresh()])} />
      </View>
    )
  }
  if (!owners.data || !me?.member || (kind === 'edit' && !item.data)) {
    return (
      <View className='page item-editor-page'>
        <LoadingState rows={6} />
      </View>
    )
  }

  const initial = item.data ? formValuesOf(item.data) : blankValues(me.member.id, params.day || (kind === 'plan' ? firstOpenDay(new Date()) : undefined))
  return (
    <View className='page item-editor-page'>
      {kind === 'idea' ? <Text className='item-editor-page__hint'>选题先存入选题库，想好哪天发时再“安排发布”。</Text> : null}
      {kind === 'edit' && item.data?.plannedAt ? <Text className='item-editor-page__hint'>修改发布时间请在内容详情里“改期”，改期会记录在历史里。</Text> : null}
      <ItemForm
        // A new version (after a CONFLICT) remounts the form with the values that won.
        key={item.data?.version ?? 'new'}
        kind={kind}
        initialValues={initial}
        owners={owners.data}
        showSource={kind === 'idea' || item.data?.status === 'idea'}
        minDay={today()}
        submitting={action.submitting}
        errors={action.errors}
        submitText={kind === 'edit' ? '保存' : kind === 'idea' ? '存入选题库' : '加入日历'}
        onSubmit={(v) => void action.submit(v)}
      />
    </View>
  )
}
