import '../inputs'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { api } from '../../api'
import { ROUTES, withQuery } from '../../routes'
import { errorMessage } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import { DailySections, MissingList } from './DailySections'
import { MonthlySections, WeeklySections } from './PeriodicSections'
import { ShareBar } from './ShareBar'
import '../components/common.scss'
import './index.scss'

/**
 * One report (日报, 周报 or 月报): its frozen numbers with their lights and "数据截至 …", then the lists to act on.
 * Field staff get the 日报's short version the function sends them: only what they still have to log.
 */
export default function ReportPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const q = useApiQuery(() => api.analytics.report({ id }), [id])
  usePullRefresh(q.refresh)
  const r = q.data
  if (!r) {
    return <View className='page report-page'>{q.error ? <ErrorState message={errorMessage(q.error)} error={q.error} onRetry={() => void q.refresh()} /> : <LoadingState rows={6} />}</View>
  }
  return (
    <View className={`page report-page report-page--${r.audience}`}>
      <View className='analytics-card report-head'>
        <Text className='report-head__title'>{r.title}</Text>
        <Text className='report-head__asof'>{r.dataAsOfText}</Text>
        <Text className='report-head__meta'>{`${r.generatedByName} · 第 ${r.revision} 版 · 指标口径 v${r.definitionsVersion}`}</Text>
        {r.superseded ? <Text className='report-head__superseded'>此版本已被重新生成的版本替代</Text> : null}
        {r.audience === 'full' && r.daily ? <Text className='report-head__freshness'>{r.daily.asOfText}</Text> : null}
        {r.weekly || r.monthly ? <Text className='report-head__freshness'>{(r.weekly ?? r.monthly)!.asOfText}</Text> : null}
      </View>
      {r.versions?.length ? (
        <View className='analytics-card report-versions'>
          <Text className='analytics-card__title'>{`全部版本 ${r.versions.length} 个`}</Text>
          {r.versions.map((v) => (
            <View
              key={v.id}
              className={`report-line report-versions__item${v.id === r.id ? ' report-versions__item--shown' : ''}`}
              onClick={() => (v.id === r.id ? undefined : void Taro.redirectTo({ url: withQuery(ROUTES.report, { id: v.id }) }))}
            >
              <Text className='report-line__title'>{`第 ${v.revision} 版${v.current ? '（当前）' : '（已替代）'}${v.id === r.id ? ' · 正在查看' : ''}`}</Text>
              <Text className='report-line__meta'>{`生成于 ${formatDateTime(v.generatedAt)}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {r.audience === 'full' ? <ShareBar r={r} /> : null}
      {r.weekly ? <WeeklySections w={r.weekly} /> : null}
      {r.monthly ? <MonthlySections m={r.monthly} /> : null}
      {r.daily && r.audience === 'field' ? (
        r.daily.missingCount ? <MissingList r={r} d={r.daily} /> : <EmptyState title='没有待录入的作品' description={`生成于 ${formatDateTime(r.generatedAt)}，已发布作品的数据都已录入。`} />
      ) : null}
      {r.daily && r.audience === 'full' ? <DailySections r={r} d={r.daily} /> : null}
    </View>
  )
}
