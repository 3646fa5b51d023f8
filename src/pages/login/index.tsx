import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { listDevIdentities, signInAs, signInAsNewUser, type DevIdentity } from '../../api/dev'
import { IdentityList } from '../../components/IdentityList'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { ROUTES } from '../../routes'
import { useMe } from '../../state/me'
import { toastError } from '../../utils/feedback'
import './index.scss'

const NEW_USER = '__new__'

/** Browser only: choose who you are on the local cloud. */
export default function LoginPage() {
  const { refresh } = useMe()
  const identities = useApiQuery(listDevIdentities, [])
  const [busy, setBusy] = useState<string | null>(null)

  const enter = async (key: string, signIn: () => Promise<void>) => {
    setBusy(key)
    try {
      await signIn()
      const { me, error } = await refresh()
      if (error) throw error
      void Taro.reLaunch({ url: me?.member ? ROUTES.dashboard : ROUTES.welcome })
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='page login-page'>
      <View className='login-page__hero'>
        <Text className='login-page__brand'>视频号运营台</Text>
        <Text className='login-page__lead'>本地演示环境：选择一位演示成员登录，或以新用户身份从创建团队开始。</Text>
      </View>
      <View className='section'>
        <Text className='section__title'>以演示成员身份登录</Text>
        {identities.error ? (
          <ErrorState message={identities.error.message} onRetry={() => void identities.refresh()} />
        ) : identities.data ? (
          <IdentityList
            identities={identities.data}
            busy={busy}
            onPick={(idt: DevIdentity) => void enter(idt.openid, () => signInAs(idt.openid))}
          />
        ) : (
          <LoadingState rows={3} />
        )}
      </View>
      <View className='section'>
        <Button
          className='login-new-user'
          block
          type='primary'
          fill='outline'
          loading={busy === NEW_USER}
          disabled={busy !== null && busy !== NEW_USER}
          onClick={() => void enter(NEW_USER, signInAsNewUser)}
        >
          新用户
        </Button>
        <Text className='login-page__note'>新用户还不属于任何团队，登录后可以创建团队或用邀请码加入。</Text>
      </View>
    </View>
  )
}
