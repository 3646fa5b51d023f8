import '../inputs'
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import type { Role } from '../../../core/roles'
import type { MemberView } from '../../../core/team/schemas'
import { api, ApiError } from '../../api'
import { MemberList } from '../../components/MemberList'
import { ErrorState, LoadingState } from '../../components/PageState'
import { RoleEditor } from '../../components/RoleEditor'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useIsAdmin, useMe } from '../../state/me'
import { toastError, toastSuccess } from '../../utils/feedback'

export default function MembersPage() {
  const isAdmin = useIsAdmin()
  const { refresh: refreshMe } = useMe()
  const members = useApiQuery(() => api.team.listMembers(), [])
  usePullRefresh(members.refresh)
  const [editing, setEditing] = useState<MemberView | null>(null)
  const [removing, setRemoving] = useState<MemberView | null>(null)
  const [saving, setSaving] = useState(false)

  /** Runs one admin write; a CONFLICT means someone else changed the member first: show theirs. */
  const write = async (run: () => Promise<unknown>, done: string, touchesMe: boolean) => {
    setSaving(true)
    try {
      await run()
      toastSuccess(done)
      if (touchesMe) void refreshMe()
    } catch (e) {
      toastError(e)
      if (!(e instanceof ApiError && e.code === 'CONFLICT')) return
    } finally {
      setSaving(false)
      setEditing(null)
      setRemoving(null)
    }
    await members.refresh()
  }

  const saveRoles = (roles: Role[]) => {
    if (!editing) return
    const m = editing
    void write(() => api.team.setMemberRoles({ memberId: m.id, roles, version: m.version }), '角色已更新', m.isMe)
  }

  const remove = () => {
    if (!removing) return
    const m = removing
    void write(() => api.team.removeMember({ memberId: m.id }), '已移除', false)
  }

  return (
    <View className='page members-page'>
      {members.data ? (
        <MemberList members={members.data} canManage={isAdmin} onEditRoles={setEditing} onRemove={setRemoving} />
      ) : members.error ? (
        <ErrorState message={members.error.message} onRetry={() => void members.refresh()} />
      ) : (
        <LoadingState rows={4} />
      )}
      <RoleEditor member={editing} saving={saving} onConfirm={saveRoles} onCancel={() => setEditing(null)} />
      <Dialog
        className='member-remove-confirm'
        visible={removing !== null}
        title='移除成员'
        content={removing ? `确定将 ${removing.name} 移出团队吗？移除后对方将无法再查看团队数据。` : ''}
        confirmText='移除'
        cancelText='取消'
        disableConfirmButton={saving}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </View>
  )
}
