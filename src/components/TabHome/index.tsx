import { View } from '@tarojs/components'
import type { MeView } from '../../../core/team/schemas'
import type { ApiError } from '../../api/client'
import { MeHeader } from '../MeHeader'
import { EmptyState, type EmptyStateProps } from '../PageState'

export interface TabHomeProps {
  me: MeView | null
  loading: boolean
  error: ApiError | null
  onRetry: () => void
  now: Date
  empty: EmptyStateProps
  className?: string
}

/** A tab whose content is still to come: greets the member and says honestly that there is no data. */
export function TabHome(props: TabHomeProps) {
  return (
    <View className={`page ${props.className ?? ''}`}>
      <MeHeader me={props.me} loading={props.loading} error={props.error} onRetry={props.onRetry} now={props.now} />
      <View className='section'>
        <EmptyState {...props.empty} />
      </View>
    </View>
  )
}
