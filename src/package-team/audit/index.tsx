import '../inputs'
import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '../../api'
import { AuditFilters } from '../../components/AuditFilters'
import { AuditList } from '../../components/AuditList'
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useAuditLog } from '../../hooks/useAuditLog'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { errorMessage } from '../../utils/feedback'

/** 我的 → 审计日志: who changed what and when, for admins (the team function refuses everyone else). */
export default function AuditPage() {
  const log = useAuditLog()
  const members = useApiQuery(() => api.team.listMembers(), [])
  usePullRefresh(log.refresh)
  useReachBottom(() => void log.loadMore())

  return (
    <View className='page audit-page'>
      <AuditFilters members={members.data ?? []} value={log.filters} onChange={log.setFilters} />
      <View className='section'>
        {log.entries ? (
          log.entries.length ? (
            <AuditList entries={log.entries} />
          ) : (
            <EmptyState className='audit-empty' title='没有符合条件的记录' description='成员的每一次修改（角色、内容、评审、填报、目标）都会记在这里。' />
          )
        ) : log.error ? (
          <ErrorState message={errorMessage(log.error)} onRetry={() => void log.refresh()} />
        ) : (
          <LoadingState rows={5} />
        )}
        <LoadMore hasMore={Boolean(log.hasMore)} loading={log.loading} shown={log.entries?.length ?? 0} onMore={() => void log.loadMore()} buttonClassName='audit-more' />
      </View>
    </View>
  )
}
