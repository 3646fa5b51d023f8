import '../inputs'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { MeView } from '../../../core/team/schemas'
import { api } from '../../api'
import { LoadingState } from '../../components/PageState'
import { ProfileForm, type ProfileValues } from '../../components/TeamForms'
import { useFormAction } from '../../hooks/useFormAction'
import { useMe } from '../../state/me'
import { toastSuccess } from '../../utils/feedback'

export default function ProfilePage() {
  const { me, setMe } = useMe()
  const save = useFormAction(
    (v: ProfileValues) => api.team.updateProfile(v),
    (updated: MeView) => {
      setMe(updated)
      toastSuccess('已保存')
      void Taro.navigateBack()
    },
  )
  const member = me?.member
  return (
    <View className='page profile-page'>
      {member ? (
        <ProfileForm
          initialValues={{ name: member.name, department: member.department }}
          onSubmit={save.submit}
          submitting={save.submitting}
          errors={save.errors}
        />
      ) : (
        <LoadingState rows={2} />
      )}
    </View>
  )
}
