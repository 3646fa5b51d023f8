import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReportView } from '../../../core/reports/schemas'
import { AlertList } from '../../components/AlertList'
import { KpiGrid } from '../../components/KpiGrid'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { api } from '../../api'
import { RESULTS_ROUTES, resultsUrl } from '../../package-results/routes'
import { ROUTES, withQuery } from '../../routes'
import { errorMessage } from '../../utils/feedback'
import { formatDateTime } from '../../utils/labels'
import '../components/common.scss'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** Published items still missing numbers, each with its owner; a tap opens its 填报 form. */
function MissingList({ r }: { r: ReportView }) {
  const d = r.daily
  return (
    <View className='analytics-card report-section report-missing'>
      <Text className='analytics-card__title'>{r.audience === 'field' ? `待录入 ${d.missingCount} 条` : `待录入作品 ${d.missingCount} 条`}</Text>
      {d.missing.length ? (
        d.missing.map((m) => (
          <View key={m.id} className={`report-line report-missing__item report-missing__item--${m.id}`} onClick={() => go(resultsUrl(RESULTS_ROUTES.snapshot, { itemId: m.id }))}>
            <Text className='report-line__title'>{m.title}</Text>
            <Text className='report-line__meta'>{`${m.publishedDay.slice(5)} 发布 · ${m.lastDay ? `最后填报 ${m.lastDay.slice(5)}` : '从未填报'} · 负责人 ${m.ownerName}`}</Text>
          </View>
        ))
      ) : (
        <Text className='analytics-card__text'>已发布作品的数据都已录入。</Text>
      )}
      {d.missingCount > d.missing.length ? <Text className='report-line__meta'>{`另有 ${d.missingCount - d.missing.length} 条`}</Text> : null}
    </View>
  )
}

/** Staff sections: the day's cards with their lights, overdue reviews, alerts and open special analyses. */
function FullSections({ r }: { r: ReportView }) {
  const d = r.daily
  return (
    <>
      <View className='section report-cards'>
        <Text className='section__title'>{`${r.period.slice(5)} 指标`}</Text>
        <KpiGrid cards={d.cards} />
      </View>
      <MissingList r={r} />
      <View className='analytics-card report-section report-reviews'>
        <Text className='analytics-card__title'>{`超时评审 ${d.overdueReviewCount} 条`}</Text>
        {d.overdueReviews.length ? (
          d.overdueReviews.map((x) => (
            <View key={x.itemId} className='report-line' onClick={() => go(withQuery(ROUTES.production, { itemId: x.itemId }))}>
              <Text className='report-line__title'>{x.title}</Text>
              <Text className='report-line__meta'>{`${x.gateName} · 超时 ${x.overdueHours} 小时 · 负责人 ${x.ownerName}`}</Text>
            </View>
          ))
        ) : (
          <Text className='analytics-card__text'>没有超时的评审。</Text>
        )}
      </View>
      <AlertList alerts={d.alerts} onOpen={(a) => go(withQuery(ROUTES.analysis, { id: a.analysisId }))} />
      <View className='analytics-card report-section report-analyses'>
        <Text className='analytics-card__title'>{`进行中的专项分析 ${d.analyses.length} 项`}</Text>
        {d.analyses.length ? (
          d.analyses.map((a) => (
            <View key={a.id} className='report-line' onClick={() => go(withQuery(ROUTES.analysis, { id: a.id }))}>
              <Text className='report-line__title'>{a.title}</Text>
              <Text className='report-line__meta'>{`${a.statusLabel} · ${a.ownerText} · 截止 ${a.dueDay}`}</Text>
            </View>
          ))
        ) : (
          <Text className='analytics-card__text'>没有进行中的专项分析。</Text>
        )}
      </View>
    </>
  )
}

/**
 * One report (日报): its frozen numbers with their lights and "数据截至 …", then the lists to act on.
 * Field staff get the short version the function sends them: only what they still have to log.
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
        {r.audience === 'full' ? <Text className='report-head__freshness'>{r.daily.asOfText}</Text> : null}
      </View>
      {r.audience === 'field' ? (
        r.daily.missingCount ? <MissingList r={r} /> : <EmptyState title='没有待录入的作品' description={`生成于 ${formatDateTime(r.generatedAt)}，已发布作品的数据都已录入。`} />
      ) : (
        <FullSections r={r} />
      )}
    </View>
  )
}
