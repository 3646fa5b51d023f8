import '../inputs'
import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '../../api'
import { ErrorState, LoadingState } from '../../components/PageState'
import { SnapshotHistory } from '../../components/SnapshotHistory'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../state/me'
import { errorMessage } from '../../utils/feedback'
import { canCorrect } from '../lib/history'
import { RESULTS_ROUTES, resultsUrl } from '../routes'

/** 数据记录: one item's snapshots with who logged them, and 更正 for the logger (24 h) or a manager. */
export default function HistoryPage() {
  const { params } = useRouter()
  const itemId = params.itemId ?? ''
  const { me } = useMe()
  const history = useApiQuery(() => api.results.itemHistory({ itemId }), [itemId], { enabled: Boolean(itemId) })
  usePullRefresh(history.refresh)
  // Back from a correction: show the new record and the replaced one.
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else void history.refresh()
  })

  if (!history.data) {
    return (
      <View className='page history-page'>
        {history.error ? <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refresh()} /> : <LoadingState rows={6} />}
      </View>
    )
  }
  const member = me?.member ? { id: me.member.id, roles: me.member.roles } : null
  const now = new Date()
  return (
    <View className='page history-page'>
      <SnapshotHistory
        history={history.data}
        canCorrect={(e) => canCorrect(e, member, now)}
        onCorrect={(e) => void Taro.navigateTo({ url: resultsUrl(RESULTS_ROUTES.snapshot, { itemId, correct: e.id }) })}
        onLog={() => void Taro.navigateTo({ url: resultsUrl(RESULTS_ROUTES.snapshot, { itemId }) })}
      />
    </View>
  )
}
