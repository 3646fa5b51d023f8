import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { Role } from '../../../core/roles'
import { roleLabels } from '../../utils/labels'
import { palette } from '../../styles/palette'
import './index.scss'

/** A member's roles as Chinese tags, in the canonical role order. */
export function RoleTags(props: { roles: readonly Role[]; /** On a green background. */ inverse?: boolean }) {
  return (
    <View className='role-tags'>
      {roleLabels(props.roles).map((label) => (
        <Tag key={label} className='role-tags__tag' background={props.inverse ? palette.white : palette.brandTint} color={palette.greenText}>
          {label}
        </Tag>
      ))}
    </View>
  )
}
