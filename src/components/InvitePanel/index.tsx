import { Text, View } from '@tarojs/components'
import { Button, Cell, Radio } from '@nutui/nutui-react-taro'
import { ROLES, ROLE_LABELS, type Role } from '../../../core/roles'
import { INVITE_TTL_HOURS_DEFAULT, type InviteView } from '../../../core/team/schemas'
import { formatDateTime } from '../../utils/labels'
import './index.scss'

export interface InviteCreatorProps {
  role: Role
  onRoleChange: (role: Role) => void
  onGenerate: () => void
  generating: boolean
  /** The server's refusal (e.g. FORBIDDEN for a non-admin), shown where the code would be. */
  denial: string | null
}

/** Chooses the new member's role and asks the team function for a code. */
export function InviteCreator(props: InviteCreatorProps) {
  return (
    <View className='invite-creator'>
      <Text className='invite-creator__label'>新成员的角色</Text>
      <Radio.Group
        className='invite-creator__roles'
        value={props.role}
        direction='horizontal'
        shape='button'
        onChange={(v) => props.onRoleChange(v as Role)}
      >
        {ROLES.map((r) => (
          <Radio key={r} className={`invite-role invite-role--${r}`} value={r} shape='button'>
            {ROLE_LABELS[r]}
          </Radio>
        ))}
      </Radio.Group>
      <Text className='invite-creator__note'>邀请码 {INVITE_TTL_HOURS_DEFAULT} 小时内有效，只能使用一次。</Text>
      <Button className='invite-generate' block type='primary' loading={props.generating} onClick={props.onGenerate}>
        生成邀请码
      </Button>
      {props.denial ? (
        <View className='invite-creator__denial invite-denial'>
          <Text>{props.denial}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** A freshly made code, large enough to read aloud, with its expiry and a copy button. */
export function InviteCodeCard(props: { invite: InviteView; onCopy: (code: string) => void }) {
  const { invite } = props
  return (
    <View className='invite-code-card'>
      <Text className='invite-code-card__title'>邀请码已生成</Text>
      <Text className='invite-code-card__code' userSelect>
        {invite.code}
      </Text>
      <Text className='invite-code-card__meta'>
        角色：{ROLE_LABELS[invite.role]} · 有效期至 {formatDateTime(invite.expiresAt)}
      </Text>
      <Button className='invite-copy' size='small' type='primary' fill='outline' onClick={() => props.onCopy(invite.code)}>
        复制邀请码
      </Button>
    </View>
  )
}

/** Codes not yet used or expired, each revocable. */
export function InviteList(props: { invites: readonly InviteView[]; onRevoke: (invite: InviteView) => void }) {
  if (props.invites.length === 0) return <Text className='invite-list__empty'>暂无未使用的邀请码</Text>
  return (
    <Cell.Group className='invite-list'>
      {props.invites.map((inv) => (
        <Cell
          key={inv.code}
          className={`invite-row invite-row--${inv.code}`}
          title={<Text className='invite-row__code'>{inv.code}</Text>}
          description={
            <View className='invite-row__meta'>
              <Text>
                {ROLE_LABELS[inv.role]} · {inv.createdByName} 创建
              </Text>
              <Text>{formatDateTime(inv.expiresAt)} 到期</Text>
            </View>
          }
          extra={
            <Button className='invite-revoke' size='small' fill='outline' type='danger' onClick={() => props.onRevoke(inv)}>
              撤销
            </Button>
          }
          align='center'
        />
      ))}
    </Cell.Group>
  )
}
