import '../inputs'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import type { Role } from '../../../core/roles'
import type { InviteView } from '../../../core/team/schemas'
import { api, ApiError } from '../../api'
import { InviteCodeCard, InviteCreator, InviteList } from '../../components/InvitePanel'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useIsAdmin } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'

export default function InvitePage() {
  const isAdmin = useIsAdmin()
  const invites = useApiQuery(() => api.team.listInvites(), [isAdmin], { enabled: isAdmin })
  usePullRefresh(invites.refresh)
  const [role, setRole] = useState<Role>('field')
  const [generating, setGenerating] = useState(false)
  const [created, setCreated] = useState<InviteView | null>(null)
  const [denial, setDenial] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<InviteView | null>(null)

  // Everyone may try: the team function decides, and a refusal is shown as it says it.
  const generate = async () => {
    setGenerating(true)
    setDenial(null)
    try {
      setCreated(await api.team.createInvite({ role }))
      if (isAdmin) void invites.refresh()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FORBIDDEN') setDenial(e.message)
      toastError(e)
    } finally {
      setGenerating(false)
    }
  }

  const revoke = async () => {
    if (!revoking) return
    const code = revoking.code
    setRevoking(null)
    try {
      await api.team.revokeInvite({ code })
      if (created?.code === code) setCreated(null)
      toastSuccess('已撤销')
    } catch (e) {
      toastError(e)
    }
    await invites.refresh()
  }

  return (
    <View className='page invite-page'>
      <InviteCreator role={role} onRoleChange={setRole} onGenerate={() => void generate()} generating={generating} denial={denial} />
      {created ? <InviteCodeCard invite={created} onCopy={(code) => void Taro.setClipboardData({ data: code })} /> : null}
      {isAdmin ? (
        <View className='section'>
          <Text className='section__title'>未使用的邀请码</Text>
          {invites.data ? (
            <InviteList invites={invites.data} onRevoke={setRevoking} />
          ) : invites.error ? (
            <ErrorState message={errorMessage(invites.error)} onRetry={() => void invites.refresh()} />
          ) : (
            <LoadingState rows={2} />
          )}
        </View>
      ) : null}
      <Dialog
        className='invite-revoke-confirm'
        visible={revoking !== null}
        title='撤销邀请码'
        content={revoking ? `撤销后邀请码 ${revoking.code} 将无法再使用。` : ''}
        confirmText='撤销'
        cancelText='取消'
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </View>
  )
}
