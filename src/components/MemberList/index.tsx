import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import type { MemberView } from '../../../core/team/schemas'
import { departmentLabel, formatDateTime } from '../../utils/labels'
import { RoleTags } from '../RoleTags'
import './index.scss'

export interface MemberListProps {
  members: readonly MemberView[]
  /** Admin controls (change roles, remove) appear only when true; the function enforces it anyway. */
  canManage: boolean
  onEditRoles?: (member: MemberView) => void
  onRemove?: (member: MemberView) => void
}

/** The team's members with department and roles in Chinese. */
export function MemberList({ members, canManage, onEditRoles, onRemove }: MemberListProps) {
  return (
    <View className='member-list'>
      {canManage ? null : <Text className='member-list__hint'>仅管理员可修改角色</Text>}
      <Cell.Group>
        {members.map((m) => (
          <Cell key={m.id} className={`member-row member-row--${m.id}`} align='flex-start'>
            <View className='member-row__body'>
              <View className='member-row__head'>
                <View className='member-row__avatar'>{m.name.slice(0, 1)}</View>
                <View className='member-row__who'>
                  <View className='member-row__name-line'>
                    <Text className='member-row__name'>{m.name}</Text>
                    {m.isMe ? <Text className='member-row__me'>我</Text> : null}
                  </View>
                  <Text className='member-row__meta'>
                    {departmentLabel(m.department)} · {formatDateTime(m.joinedAt)} 加入
                  </Text>
                </View>
              </View>
              <View className='member-row__roles'>
                <RoleTags roles={m.roles} />
              </View>
              {canManage ? (
                <View className='member-row__actions'>
                  <Button className='member-edit-roles' size='small' fill='outline' type='primary' onClick={() => onEditRoles?.(m)}>
                    修改角色
                  </Button>
                  {m.isMe ? null : (
                    <Button className='member-remove' size='small' fill='outline' type='danger' onClick={() => onRemove?.(m)}>
                      移除
                    </Button>
                  )}
                </View>
              ) : null}
            </View>
          </Cell>
        ))}
      </Cell.Group>
    </View>
  )
}
