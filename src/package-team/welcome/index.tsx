import '../inputs'
import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tabs } from '@nutui/nutui-react-taro'
import type { MeView } from '../../../core/team/schemas'
import { api } from '../../api'
import { signOut } from '../../api/dev'
import { CreateTeamForm, JoinTeamForm, type CreateTeamValues, type JoinTeamValues } from '../../components/TeamForms'
import { useFormAction } from '../../hooks/useFormAction'
import { ROUTES } from '../../routes'
import { useMe } from '../../state/me'
import { toastSuccess } from '../../utils/feedback'
import './index.scss'

export default function WelcomePage() {
  const { setMe } = useMe()
  const [tab, setTab] = useState<string | number>('create')
  const enterTeam = useCallback(
    (message: string) => (me: MeView) => {
      setMe(me)
      toastSuccess(message)
      void Taro.reLaunch({ url: ROUTES.dashboard })
    },
    [setMe],
  )
  const create = useFormAction((v: CreateTeamValues) => api.team.createTeam(v), enterTeam('团队已创建'))
  const join = useFormAction((v: JoinTeamValues) => api.team.joinTeam(v), enterTeam('已加入团队'))

  return (
    <View className='page welcome-page'>
      <View className='welcome-page__hero'>
        <Text className='welcome-page__title'>欢迎使用视频号运营台</Text>
        <Text className='welcome-page__lead'>创建一个新团队，或用管理员给你的邀请码加入已有团队。</Text>
      </View>
      <Tabs className='welcome-page__tabs' value={tab} onChange={setTab} activeType='line'>
        <Tabs.TabPane title='创建团队' value='create'>
          <CreateTeamForm onSubmit={create.submit} submitting={create.submitting} errors={create.errors} />
          <Text className='welcome-page__note'>创建者会成为团队的管理员，之后可以邀请同事并分配角色。</Text>
        </Tabs.TabPane>
        <Tabs.TabPane title='加入团队' value='join'>
          <JoinTeamForm onSubmit={join.submit} submitting={join.submitting} errors={join.errors} />
        </Tabs.TabPane>
      </Tabs>
      {process.env.TARO_ENV === 'h5' ? (
        <View
          className='welcome-page__switch'
          onClick={() => {
            signOut()
            setMe(null)
            void Taro.reLaunch({ url: ROUTES.login })
          }}
        >
          <Text>换个身份登录</Text>
        </View>
      ) : null}
    </View>
  )
}
