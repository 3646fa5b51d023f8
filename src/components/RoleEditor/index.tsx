import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Checkbox, Dialog } from '@nutui/nutui-react-taro'
import { ROLES, ROLE_LABELS, type Role } from '../../../core/roles'
import type { MemberView } from '../../../core/team/schemas'
import './index.scss'

export interface RoleEditorProps {
  /** The member being edited; the dialog is closed when null. */
  member: MemberView | null
  saving: boolean
  onConfirm: (roles: Role[]) => void
  onCancel: () => void
}

/** Chooses a member's roles (one person may hold several) in a NutUI Dialog. */
export function RoleEditor({ member, saving, onConfirm, onCancel }: RoleEditorProps) {
  const [roles, setRoles] = useState<Role[]>([])
  useEffect(() => {
    if (member) setRoles([...member.roles])
  }, [member])

  return (
    <Dialog
      className='role-editor'
      visible={member !== null}
      title={member ? `修改 ${member.name} 的角色` : ''}
      confirmText={saving ? '保存中…' : '保存'}
      cancelText='取消'
      disableConfirmButton={saving || roles.length === 0}
      onConfirm={() => onConfirm(ROLES.filter((r) => roles.includes(r)))}
      onCancel={onCancel}
      content={
        <View className='role-editor__body'>
          <Checkbox.Group
            className='role-editor__group'
            value={roles}
            onChange={(v) => setRoles(v as Role[])}
          >
            {ROLES.map((r) => (
              <Checkbox key={r} className={`role-option role-option--${r}`} value={r} label={ROLE_LABELS[r]} />
            ))}
          </Checkbox.Group>
          {roles.length === 0 ? <Text className='role-editor__hint'>至少选择一个角色</Text> : null}
        </View>
      }
    />
  )
}
