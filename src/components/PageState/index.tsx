import { Text, View } from '@tarojs/components'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { Tips } from '@nutui/icons-react-taro'
import { ApiError } from '../../api/client'
import { palette } from '../../styles/palette'
import './index.scss'

/** Placeholder rows while the first answer is on its way. */
export function LoadingState(props: { rows?: number }) {
  return (
    <View className='page-state page-state--loading'>
      <Skeleton rows={props.rows ?? 3} animated />
    </View>
  )
}

export interface EmptyStateProps {
  title: string
  description?: string
  className?: string
}

/** An honest "nothing here yet": says what will appear and that no data exists. */
export function EmptyState(props: EmptyStateProps) {
  return (
    <View className={`page-state page-state--empty ${props.className ?? ''}`}>
      <Empty
        className='page-state__empty'
        imageSize={64}
        image={<View className='page-state__icon'><Tips size={28} color={palette.textFaint} /></View>}
        title={props.title}
        description={props.description}
      />
    </View>
  )
}

/** Refusals a retry cannot change: the role may not see it, or it is gone. */
const FINAL_TITLES: Partial<Record<string, string>> = { FORBIDDEN: '无权查看', NOT_FOUND: '内容不存在' }

/**
 * A failed load with its Chinese reason and a retry. Given the `error`, a refusal no retry can change
 * (FORBIDDEN, NOT_FOUND) says so and offers none, so a field staff member who follows a link to a
 * manager's page is not left tapping 重试.
 */
export function ErrorState(props: { message: string; onRetry?: () => void; error?: unknown }) {
  const final = props.error instanceof ApiError ? FINAL_TITLES[props.error.code] : undefined
  return (
    <View className={`page-state page-state--error ${final ? 'page-state--final' : ''}`}>
      <Empty
        className='page-state__empty'
        imageSize={64}
        image={<View className='page-state__icon'><Tips size={28} color={palette.lightRed} /></View>}
        title={final ?? '加载失败'}
        description={props.message}
      />
      {props.onRetry && !final ? (
        <View className='page-state__action'>
          <Button size='small' fill='outline' type='primary' onClick={props.onRetry}>
            重试
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** Room under a bottom sheet on a tab page for the browser build's tab bar; nothing in the mini-program. */
export function TabBarSpacer() {
  return process.env.TARO_ENV === 'h5' ? <View className='tabbar-spacer' /> : null
}

export interface LoadMoreProps {
  /** Whether the function said there is another page. */
  hasMore: boolean
  loading: boolean
  /** How many rows are shown: "没有更多了" only under a list that has rows. */
  shown: number
  onMore: () => void
  /** Class of the button, for tests and journeys. */
  buttonClassName?: string
}

/** The foot of a paged list: 加载更多 while there is more, then 没有更多了. */
export function LoadMore(props: LoadMoreProps) {
  if (props.hasMore) {
    return (
      <View className='load-more'>
        <Button className={props.buttonClassName} size='small' fill='outline' loading={props.loading} onClick={props.onMore}>
          加载更多
        </Button>
      </View>
    )
  }
  return props.shown > 0 ? <Text className='load-more__end'>没有更多了</Text> : null
}
