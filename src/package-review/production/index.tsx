import '../inputs'
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { markPublishedInput } from '../../../core/content/schemas'
import { addCommentInput } from '../../../core/review/schemas'
import { namesText } from '../../../core/review/reviewers'
import { api } from '../../api'
import { CycleCard } from '../../components/CycleCard'
import { DecisionPanel, ReviewBlocked } from '../../components/DecisionPanel'
import { TextAreaField, TextField } from '../../components/fields'
import { ErrorState, LoadingState } from '../../components/PageState'
import { GateStatus, GateStepper, ProductionTitle, PublishPanel } from '../../components/ProductionHeader'
import { ReviewTimeline } from '../../components/ReviewTimeline'
import { VersionForm, type VersionValues } from '../../components/VersionForm'
import { useProduction } from '../../hooks/useProduction'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useCanPlan, useMe } from '../../state/me'
import { errorMessage } from '../../utils/feedback'
import { CAN_UPLOAD_MEDIA, pickAndUploadMedia } from '../../utils/media'
import { askForReviewReminders } from '../../utils/review'
import './index.scss'

type Dialogs = { kind: 'publish' } | { kind: 'comment'; versionNo: number } | null

export default function ProductionPage() {
  const { params } = useRouter()
  const itemId = params.itemId ?? ''
  const p = useProduction(itemId)
  const canProduce = useCanPlan()
  const { me } = useMe()
  usePullRefresh(p.reloadAll)
  const [dialog, setDialog] = useState<Dialogs>(null)
  const [postUrl, setPostUrl] = useState('')
  const [comment, setComment] = useState('')

  const view = p.production.data
  // Anyone who produces may hand in a version, but only the owner drafting needs the form open;
  // for a reviewer (or the owner waiting on review) it stays behind a button below the decision.
  const [formOpen, setFormOpen] = useState(false)
  const stage = view ? `${view.gateIndex}-${view.versionNo}-${view.status}` : ''
  useEffect(() => setFormOpen(false), [stage])
  const submit = (v: VersionValues) => {
    if (!view) return
    // Asked from the tap itself (WeChat requires it): the reviewers' reply reaches the author.
    void askForReviewReminders()
    void p.run(
      () =>
        api.review.submitVersion({
          itemId,
          version: view.version,
          ...(v.text ? { text: v.text } : {}),
          ...(v.links.length ? { links: v.links } : {}),
          ...(v.fileIds.length ? { fileIds: v.fileIds } : {}),
          ...(v.note ? { note: v.note } : {}),
        }),
      '已提交审核',
    )
  }
  const decide = (kind: 'approve' | 'requestChanges', text: string) => {
    if (!view) return
    const input = { itemId, version: view.version, versionNo: view.versionNo, ...(text.trim() || kind === 'requestChanges' ? { comment: text } : {}) }
    void p.run(() => (kind === 'approve' ? api.review.approve(input) : api.review.requestChanges({ ...input, comment: text })), kind === 'approve' ? '已通过' : '已要求修改')
  }
  const publish = async () => {
    const item = p.item.data
    if (!item) return
    const ok = await p.run(() => api.content.markPublished({ id: item.id, version: item.version, ...(postUrl.trim() ? { postUrl: postUrl.trim() } : {}) }), '已标记为已发布')
    if (ok) {
      setDialog(null)
      void p.production.refresh()
    }
  }
  const sendComment = async () => {
    if (dialog?.kind !== 'comment') return
    const ok = await p.run(() => api.review.addComment({ itemId, comment, versionNo: dialog.versionNo }), '已评论')
    if (ok) setDialog(null)
  }

  if (!view) {
    const item = p.item.data
    if (p.notStarted && item) {
      return (
        <View className='page production-page production-page--not-started'>
          <ProductionTitle production={{ title: item.title, format: item.format, ownerName: item.ownerName }} />
          <View className='production-start'>
            <Text className='production-start__text'>
              {item.status === 'idea' ? '这条选题还没有排期：安排发布时间后才能开始制作。' : '还没有开始制作。开始后按评审流程逐关提交，每关审核通过后进入下一关。'}
            </Text>
            {canProduce && item.status === 'planned' ? (
              <Button className='production-start-button' type='primary' block disabled={p.busy} onClick={() => void p.run(() => api.review.startProduction({ itemId }), '已开始制作')}>
                开始制作
              </Button>
            ) : null}
          </View>
        </View>
      )
    }
    const error = p.notStarted ? p.item.error : p.production.error
    return (
      <View className='page production-page'>
        {error ? <ErrorState message={errorMessage(error)} onRetry={() => void p.reloadAll()} /> : <LoadingState rows={6} />}
      </View>
    )
  }

  const moves = view.moves
  const isOwner = view.ownerId === me?.member?.id
  const inReview = view.status === 'in_production' && view.gateState === 'in_review'
  const showForm = moves.canSubmit && ((isOwner && !inReview) || formOpen)
  const waitingOn = view.reviewerNames.length ? namesText(view.reviewerNames) : ''
  // The author's status line already names the reviewers: a refusal that names them again is left out.
  const ownReason = waitingOn && moves.reviewBlockedReason?.endsWith(`${waitingOn} 审核`) ? null : moves.reviewBlockedReason
  return (
    <View className='page production-page'>
      <ProductionTitle production={view} />
      <GateStepper production={view} />
      <GateStatus production={view} now={new Date()} />
      {view.status === 'scheduled' ? (
        <PublishPanel
          plannedAt={view.plannedAt}
          canPublish={moves.canPublish && canProduce}
          busy={p.busy}
          onPublish={() => {
            setPostUrl('')
            p.setErrors({})
            setDialog({ kind: 'publish' })
          }}
        />
      ) : null}
      {moves.canReview ? (
        <DecisionPanel
          key={stage}
          gateName={view.gateName}
          versionNo={view.versionNo}
          busy={p.busy}
          error={p.errors.comment}
          onApprove={(c) => decide('approve', c)}
          onRequestChanges={(c) => decide('requestChanges', c)}
        />
      ) : isOwner && inReview ? (
        <ReviewBlocked status={`已提交第 ${view.versionNo} 版，等待${waitingOn ? ` ${waitingOn} ` : '审核人'}审核`} reason={ownReason} />
      ) : moves.reviewBlockedReason ? (
        <ReviewBlocked reason={moves.reviewBlockedReason} />
      ) : null}
      {showForm ? (
        <VersionForm
          key={stage}
          gateName={view.gateName}
          nextNo={view.versionNo + 1}
          submitting={p.busy}
          errors={p.errors}
          onAddMedia={CAN_UPLOAD_MEDIA ? () => pickAndUploadMedia(itemId) : undefined}
          onSubmit={submit}
        />
      ) : moves.canSubmit ? (
        <Button className='production-open-form' fill='outline' type='primary' block onClick={() => setFormOpen(true)}>
          {isOwner ? '再提交一版' : '代为提交新版本'}
        </Button>
      ) : null}
      {p.cycle.data ? <CycleCard cycle={p.cycle.data} /> : null}
      {p.timeline.data ? (
        <ReviewTimeline
          entries={p.timeline.data}
          onComment={
            canProduce
              ? (versionNo) => {
                  setComment('')
                  p.setErrors({})
                  setDialog({ kind: 'comment', versionNo })
                }
              : undefined
          }
        />
      ) : null}
      <Dialog
        className='production-publish-confirm'
        visible={dialog?.kind === 'publish'}
        title='标记已发布'
        content={
          <View className='production-page__dialog'>
            <Text className='production-page__dialog-text'>确认这条内容已在视频号发布？发布时间记为现在。</Text>
            <TextField className='field-post-url' value={postUrl} onChange={setPostUrl} placeholder='视频号链接（选填）' schema={markPublishedInput.shape.postUrl} error={p.errors.postUrl} />
          </View>
        }
        confirmText='已发布'
        cancelText='取消'
        disableConfirmButton={p.busy}
        onConfirm={() => void publish()}
        onCancel={() => setDialog(null)}
      />
      <Dialog
        className='production-comment-dialog'
        visible={dialog?.kind === 'comment'}
        title={dialog?.kind === 'comment' ? `评论第 ${dialog.versionNo} 版` : '评论'}
        content={
          <View className='production-page__dialog'>
            <TextAreaField className='field-comment' value={comment} onChange={setComment} placeholder='写下你的意见' schema={addCommentInput.shape.comment} error={p.errors.comment} />
          </View>
        }
        confirmText='发送'
        cancelText='取消'
        disableConfirmButton={p.busy}
        onConfirm={() => void sendComment()}
        onCancel={() => setDialog(null)}
      />
    </View>
  )
}
