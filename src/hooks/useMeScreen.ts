import { useMe } from '../state/me'
import { usePullRefresh } from './usePullRefresh'

/** What a tab needs to greet the member: the shared `me`, pull-to-refresh wired to it, and the time. */
export function useMeScreen() {
  const { me, loading, error, refresh } = useMe()
  usePullRefresh(refresh)
  return { me, loading, error, onRetry: () => void refresh(), now: new Date() }
}
