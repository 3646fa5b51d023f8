import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { AnalyticsLinks, type AnalyticsLink } from '../../components/AnalyticsLinks'
import { AlertList } from '../../components/AlertList'
import { AsOfBanner } from '../../components/AsOfBanner'
import { KpiGrid } from '../../components/KpiGrid'
import { MeHeader } from '../../components/MeHeader'
import { ErrorState, LoadingState, TabBarSpacer } from '../../components/PageState'
import { RangeSwitcher } from '../../components/RangeSwitcher'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { RESULTS_ROUTES, resultsUrl } from '../../package-results/routes'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { rangeInputOf, rangeQuery, type RangeChoice } from '../../utils/analytics'
import { today } from '../../utils/content'
import { errorMessage } from '../../utils/feedback'
import './index.scss'

/** Core KPIs first (targets set per quarter), then the auxiliary ones (per month). */
const TIERS = [
  { every: 'quarter', title: '核心目标 · 每季度复核' },
  { every: 'month', title: '辅助目标 · 每月复核' },
] as const

const LINK_ROUTES = { funnel: ROUTES.funnel, growth: ROUTES.growth, targets: ROUTES.targets, analyses: ROUTES.analyses } as const

/**
 * 看板: the KPI cards with their lights for a range, and how fresh the numbers are. Everything shown
 * comes from `analytics.dashboard`; this page only lays it out. Field staff see the cards only.
 */
export default function DashboardPage() {
  const meState = useMe()
  const member = meState.me?.member
  const [range, setRange] = useState<RangeChoice>({ kind: 'week' })
  const dashboard = useApiQuery(() => api.analytics.dashboard(rangeInputOf(range)), [range.kind, range.from, range.to], { enabled: Boolean(member) })
  const canAnalyse = allows(manifest.analytics.kpiDetail.access, member?.roles)
  const canWatch = allows(manifest.research.competitors.access, member?.roles)

  usePullRefresh(async () => {
    await meState.refresh()
    if (member) await dashboard.refresh()
  })
  // Back from 填报 or a target change: the numbers may have moved.
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else if (member) void dashboard.refresh()
  })

  // The greeting and team name, or the signed-out / no-team / loading state (as every tab shows it).
  const header = <MeHeader me={meState.me} loading={meState.loading} error={meState.error} onRetry={() => void meState.refresh()} now={new Date()} />
  if (!member) return <View className='page dashboard-page'>{header}</View>

  const go = (url: string) => void Taro.navigateTo({ url })
  const view = dashboard.data
  return (
    <View className='page dashboard-page'>
      {header}
      <View className='dashboard-page__range'>
        <RangeSwitcher value={range} onChange={setRange} label={view?.range.label} today={today()} />
      </View>
      <View className='dashboard-page__links'>
        <Text className='dashboard-page__reports' onClick={() => go(ROUTES.reports)}>
          报告 ›
        </Text>
        <Text className='dashboard-page__experiments' onClick={() => go(ROUTES.experiments)}>
          实验 ›
        </Text>
        {canWatch ? (
          <Text className='dashboard-page__competitors' onClick={() => go(ROUTES.competitors)}>
            竞品 ›
          </Text>
        ) : null}
      </View>
      {view ? (
        <>
          <AsOfBanner
            asOf={view.asOf}
            onItem={(m) => go(resultsUrl(RESULTS_ROUTES.snapshot, { itemId: m.id }))}
            onLog={() => void Taro.switchTab({ url: ROUTES.log })}
          />
          {dashboard.error ? <Text className='dashboard-page__stale'>没有刷新：{errorMessage(dashboard.error)}</Text> : null}
          <AlertList
            alerts={view.alerts}
            onOpen={canAnalyse ? (a) => go(withQuery(ROUTES.analysis, { id: a.analysisId })) : undefined}
            onAll={canAnalyse ? () => go(ROUTES.analyses) : undefined}
          />
          {TIERS.map((t) => (
            <View key={t.every} className={`section dashboard-cards dashboard-cards--${t.every}`}>
              <Text className='section__title'>{t.title}</Text>
              <KpiGrid cards={view.cards.filter((c) => c.reviewedEvery === t.every)} onOpen={canAnalyse ? (c) => go(withQuery(ROUTES.kpiDetail, { kpi: c.kpi, ...rangeQuery(range) })) : undefined} />
            </View>
          ))}
          {canAnalyse ? (
            <View className='section'>
              <Text className='section__title'>分析</Text>
              <AnalyticsLinks onOpen={(key: AnalyticsLink) => go(withQuery(LINK_ROUTES[key], key === 'targets' || key === 'analyses' ? {} : rangeQuery(range)))} />
            </View>
          ) : (
            <Text className='dashboard-page__note'>红黄绿灯：达标为绿，接近目标为黄，未达标为红。</Text>
          )}
        </>
      ) : dashboard.error ? (
        <ErrorState message={errorMessage(dashboard.error)} onRetry={() => void dashboard.refresh()} />
      ) : (
        <View className='section'>
          <LoadingState rows={6} />
        </View>
      )}
      <TabBarSpacer />
    </View>
  )
}
