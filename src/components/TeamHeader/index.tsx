import { Text, View } from '@tarojs/components'
import type { MeView } from '../../../core/team/schemas'
import { departmentLabel, greeting } from '../../utils/labels'
import { RoleTags } from '../RoleTags'
import './index.scss'

export interface TeamHeaderProps {
  me: MeView
  now: Date
}

/** Greets the member and names their team, at the top of every tab. */
export function TeamHeader({ me, now }: TeamHeaderProps) {
  const member = me.member
  return (
    <View className='team-header'>
      <View className='team-header__team'>
        <Text className='team-header__team-name'>{me.team?.name ?? '未加入团队'}</Text>
        {me.team ? <Text className='team-header__count'>{me.team.memberCount} 位成员</Text> : null}
      </View>
      {member ? (
        <>
          <Text className='team-header__hello'>
            {greeting(now)}，{member.name}
          </Text>
          <View className='team-header__meta'>
            <Text className='team-header__dept'>{departmentLabel(member.department)}</Text>
            <RoleTags roles={member.roles} inverse />
          </View>
        </>
      ) : null}
    </View>
  )
}
