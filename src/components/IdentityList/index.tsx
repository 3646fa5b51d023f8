import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import type { DevIdentity } from '../../api/dev'
import { RoleTags } from '../RoleTags'
import './index.scss'

export interface IdentityListProps {
  identities: readonly DevIdentity[]
  /** openid being signed in, to show a spinner on that row only. */
  busy: string | null
  onPick: (identity: DevIdentity) => void
}

/** Demo members of the local cloud to sign in as (browser only). */
export function IdentityList({ identities, busy, onPick }: IdentityListProps) {
  if (identities.length === 0) {
    return <Text className='identity-list__empty'>本地云里还没有演示成员，可以以新用户身份开始。</Text>
  }
  return (
    <Cell.Group className='identity-list'>
      {identities.map((idt) => (
        <Cell
          key={idt.openid}
          className={`identity-row identity-row--${idt.openid}`}
          align='center'
          onClick={() => busy === null && onPick(idt)}
          title={
            <View className='identity-row__who'>
              <Text className='identity-row__name'>{idt.name}</Text>
              <Text className='identity-row__team'>{idt.teamName ?? '未加入团队'}</Text>
            </View>
          }
          description={<RoleTags roles={idt.roles} />}
          extra={
            <Button className='identity-signin' size='small' type='primary' fill='outline' loading={busy === idt.openid}>
              登录
            </Button>
          }
        />
      ))}
    </Cell.Group>
  )
}
