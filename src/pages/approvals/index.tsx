import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ChangesDialog } from '../../components/ChangesDialog'
import { MeHeader } from '../../components/MeHeader'
import { ErrorState, LoadingState } from '../../components/PageState'
import { FieldStaffNote, InboxHeader, MyItemsList, WaitingList } from '../../components/ReviewInbox'
import { useInbox } from '../../hooks/useInbox'
import { useInboxDecision } from '../../hooks/useInboxDecision'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage, toastSuccess } from '../../utils/feedback'
import { askForReviewReminders, subscribeTemplateIds } from '../../utils/review'
import './index.scss'

/** Reviews are done by admins, managers and operators; a member with only the field role has none. */
function reviewsNothing(roles: readonly string[] | undefined): boolean {
  return Boolean(roles) && roles!.every((r) => r === 'field')
}

export default function ApprovalsPage() {
  const { me, loading, error, refresh: refreshMe } = useMe()
  const fieldOnly = reviewsNothing(me?.member?.roles)
  const inbox = useInbox(Boolean(me?.member) && !fieldOnly)
  const decision = useInboxDecision(inbox)
  usePullRefresh(() => Promise.all([refreshMe(), fieldOnly ? undefined : inbox.refresh()]))

  // Back from a decision on the production screen: the lists have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && !fieldOnly) void inbox.refresh()
    shown.current = true
  })

  const open = (itemId: string) => void Taro.navigateTo({ url: withQuery(ROUTES.production, { itemId }) })
  const openNotifications = () => void Taro.navigateTo({ url: ROUTES.notifications })
  // Reviewers opt in to WeChat reminders from a tap; the browser build and unconfigured builds have none.
  const canSubscribe = process.env.TARO_ENV === 'weapp' && subscribeTemplateIds().length > 0
  const subscribe = () => void askForReviewReminders().then(() => toastSuccess('已设置提醒'))

  if (!me?.member) {
    return (
      <View className='page approvals-page'>
        <MeHeader me={me} loading={loading} error={error} onRetry={() => void refreshMe()} now={new Date()} />
      </View>
    )
  }
  if (fieldOnly) {
    return (
      <View className='page approvals-page approvals-page--read-only'>
        <FieldStaffNote />
      </View>
    )
  }
  const data = inbox.data
  return (
    <View className='page approvals-page'>
      {data ? (
        <>
          <InboxHeader
            waiting={data.waitingTotal}
            overdue={data.overdueTotal}
            unread={data.unread}
            onOpenNotifications={openNotifications}
            onSubscribe={canSubscribe ? subscribe : undefined}
          />
          <View className='section approvals-waiting'>
            <Text className='section__title'>待我审核 · 最早提交的在前</Text>
            <WaitingList
              entries={data.waiting}
              busyId={decision.busyId}
              onOpen={decision.guardOpen(open)}
              onApprove={(e) => void decision.approve(e)}
              onRequestChanges={decision.ask}
            />
          </View>
          <View className='section approvals-mine'>
            <Text className='section__title'>我的内容</Text>
            <MyItemsList entries={data.mine} comments={data.comments} onOpen={open} />
          </View>
          <ChangesDialog
            target={decision.asking}
            busy={decision.busyId !== null}
            error={decision.error}
            onConfirm={(comment) => void decision.requestChanges(comment)}
            onCancel={decision.cancel}
          />
        </>
      ) : inbox.error ? (
        <ErrorState message={errorMessage(inbox.error)} onRetry={() => void inbox.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
    </View>
  )
}
