import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { markPublishedInput, type ItemDetail } from '../../../core/content/schemas'
import { suggestedSlot } from '../../../core/content/slots'
import { api } from '../../api'
import { TextField } from '../../components/fields'
import { ItemActions, ItemSummary, ScheduleHistory } from '../../components/ItemDetailView'
import { GateReviewers } from '../../components/GateReviewers'
import { ErrorState, LoadingState } from '../../components/PageState'
import { ScheduleSheet, type Schedule } from '../../components/ScheduleSheet'
import { useItem } from '../../hooks/useItem'
import { useItemReview } from '../../hooks/useItemReview'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useCanPlan } from '../../state/me'
import { chinaIso, splitChinaTime, today } from '../../utils/content'
import { errorMessage, fieldErrorMap, toastSuccess } from '../../utils/feedback'
import './index.scss'

type Dialogs = 'schedule' | 'publish' | 'archive' | null

export default function ItemPage() {
  const { params } = useRouter()
  const item = useItem(params.id)
  const review = useItemReview(params.id, item.data?.status === 'planned')
  const canPlan = useCanPlan()
  usePullRefresh(item.refresh)
  const [open, setOpen] = useState<Dialogs>(null)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [postUrl, setPostUrl] = useState('')
  const busyRef = useRef(false)

  // Back from the editor or the production screen: show what was saved or decided there.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void Promise.all([item.refresh(), item.data?.status === 'planned' ? review.refresh() : undefined])
    shown.current = true
  })

  /** Runs one write on the item; the answer is the item as it now is. */
  const write = async (run: (i: ItemDetail) => Promise<ItemDetail>, done: string) => {
    const current = item.data
    if (!current || busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setErrors({})
    try {
      item.replace(await run(current))
      toastSuccess(done)
      setOpen(null)
    } catch (e) {
      const fields = fieldErrorMap(e)
      setErrors(fields)
      // Field problems stay in the open sheet; anything else (e.g. a CONFLICT) closes it.
      if (Object.keys(fields).length === 0) setOpen(null)
      await item.onWriteError(e)
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const schedule = (s: Schedule) =>
    void write(
      (i) => api.content.rescheduleItem({ id: i.id, version: i.version, plannedAt: chinaIso(s.day, s.time), ...(s.reason ? { reason: s.reason } : {}) }),
      item.data?.status === 'idea' ? '已安排发布' : '已改期',
    )
  const publish = () =>
    void write((i) => api.content.markPublished({ id: i.id, version: i.version, ...(postUrl.trim() ? { postUrl: postUrl.trim() } : {}) }), '已标记为已发布')
  const archive = () => void write((i) => api.content.archiveItem({ id: i.id, version: i.version }), '已归档')

  if (!item.data) {
    return (
      <View className='page item-page'>
        {item.error ? <ErrorState message={errorMessage(item.error)} onRetry={() => void item.refresh()} /> : <LoadingState rows={6} />}
      </View>
    )
  }
  const data = item.data
  const slot = suggestedSlot(data.plannedAt ? splitChinaTime(data.plannedAt) : undefined, new Date())
  return (
    <View className='page item-page'>
      <ItemSummary item={data} />
      {data.status !== 'idea' && data.status !== 'archived' ? (
        <View className='item-production-link' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.production, { itemId: data.id }) })}>
          <Text className='item-production-link__title'>制作进度</Text>
          <Text className='item-production-link__hint'>选题 → 终审的评审关卡、版本和制作周期 ›</Text>
          {review.data && data.status === 'planned' ? <GateReviewers production={review.data} now={new Date()} /> : null}
        </View>
      ) : null}
      {canPlan && data.status !== 'idea' && data.status !== 'archived' ? (
        <View className='item-experiment-link' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.experiments, { new: '1', itemId: data.id, itemTitle: data.title }) })}>
          <Text className='item-production-link__title'>加入实验</Text>
          <Text className='item-production-link__hint'>放进 A/B 实验的 B 组，或加入已有草稿 ›</Text>
        </View>
      ) : null}
      {canPlan ? (
        <ItemActions
          item={data}
          busy={busy}
          onEdit={() => void Taro.navigateTo({ url: withQuery(ROUTES.itemEditor, { id: data.id }) })}
          onSchedule={() => {
            setErrors({})
            setOpen('schedule')
          }}
          onPublish={() => {
            setPostUrl('')
            setOpen('publish')
          }}
          onArchive={() => setOpen('archive')}
        />
      ) : null}
      <ScheduleHistory history={data.history} />
      <ScheduleSheet
        visible={open === 'schedule'}
        title={data.status === 'idea' ? '安排发布' : '改期'}
        initial={slot}
        minDay={today()}
        withReason={data.status !== 'idea'}
        confirmText={data.status === 'idea' ? '安排发布' : '确认改期'}
        saving={busy}
        errors={errors}
        onConfirm={schedule}
        onClose={() => setOpen(null)}
      />
      <Dialog
        className='item-publish-confirm'
        visible={open === 'publish'}
        title='标记已发布'
        content={
          <View className='item-page__publish'>
            <View className='item-page__publish-text'>确认这条内容已在视频号发布？发布时间记为现在。</View>
            <TextField className='field-post-url' value={postUrl} onChange={setPostUrl} placeholder='视频号链接（选填）' schema={markPublishedInput.shape.postUrl} error={errors.postUrl} />
          </View>
        }
        confirmText='已发布'
        cancelText='取消'
        disableConfirmButton={busy}
        onConfirm={publish}
        onCancel={() => setOpen(null)}
      />
      <Dialog
        className='item-archive-confirm'
        visible={open === 'archive'}
        title='归档内容'
        content='归档后它不再出现在日历和选题库里，也不计入发布节奏和内容结构。'
        confirmText='归档'
        cancelText='取消'
        disableConfirmButton={busy}
        onConfirm={archive}
        onCancel={() => setOpen(null)}
      />
    </View>
  )
}
