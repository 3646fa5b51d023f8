import '../inputs'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { KPIS, type KpiKey } from '../../../core/analytics/schemas'
import { formatCount, formatNumber, formatPercent } from '../../../core/format'
import { api } from '../../api'
import { KpiCardView } from '../../components/KpiGrid'
import { ErrorState, LoadingState } from '../../components/PageState'
import { RangeSwitcher } from '../../components/RangeSwitcher'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { rangeInputOf } from '../../utils/analytics'
import { shortDay, today } from '../../utils/content'
import { errorMessage } from '../../utils/feedback'
import { DataTable } from '../components/DataTable'
import { LineChart } from '../components/LineChart'
import { useRangeParam } from '../components/parts'
import './index.scss'

/** One KPI: its card, the daily series as a chart and as a table, the items that moved it, its formula. */
export default function KpiDetailPage() {
  const { params } = useRouter()
  const kpi = (KPIS as readonly string[]).includes(params.kpi ?? '') ? (params.kpi as KpiKey) : 'completionRate'
  const [range, setRange] = useRangeParam()
  const detail = useApiQuery(() => api.analytics.kpiDetail({ kpi, range: rangeInputOf(range) }), [kpi, range.kind, range.from, range.to])
  usePullRefresh(detail.refresh)
  const view = detail.data
  // Ratios are drawn in percent so the axis reads like the cards.
  const scale = view?.card.unit === 'ratio' ? 100 : 1

  return (
    <View className='page kpi-page'>
      <RangeSwitcher value={range} onChange={setRange} today={today()} />
      {view ? (
        <>
          <View className='kpi-page__card'>
            <KpiCardView card={view.card} />
          </View>
          <View className='analytics-card'>
            <Text className='analytics-card__title'>每日走势</Text>
            <LineChart
              id='kpi-series'
              label={`${view.card.label}每日走势`}
              categories={view.series.map((p) => shortDay(p.day))}
              series={[{ name: view.card.label, data: view.series.map((p) => (p.value === null ? null : Math.round(p.value * scale * 10) / 10)) }]}
              formatY={scale === 100 ? (v) => formatPercent(v / 100) : view.card.unit === 'count' ? formatCount : (v) => formatNumber(v, 1)}
            />
            <DataTable
              className='kpi-series-table'
              columns={['日期', view.card.label]}
              rows={view.series.map((p) => ({ key: p.day, cells: [shortDay(p.day), p.display] }))}
            />
          </View>
          {view.parts ? (
            <View className='analytics-card kpi-parts'>
              <Text className='analytics-card__title'>{`${view.parts.title}${view.card.label}`}</Text>
              <DataTable className='kpi-parts-table' columns={[view.parts.title.replace(/^各/, ''), `${view.card.label}（通过/结论）`]} rows={view.parts.rows.map((r) => ({ key: r.key, cells: [r.label, r.display] }))} />
            </View>
          ) : null}
          <View className='analytics-card'>
            <Text className='analytics-card__title'>影响最大的内容</Text>
            {view.movers.length ? (
              view.movers.map((m, i) => (
                <View key={m.itemId} className={`mover mover--${m.itemId}`}>
                  <Text className='mover__rank'>{i + 1}</Text>
                  <Text className='mover__title'>{m.title}</Text>
                  <Text className='mover__amount'>{m.display}</Text>
                </View>
              ))
            ) : (
              <Text className='analytics-card__text'>这是账号层面的指标，不按单条内容拆分。</Text>
            )}
          </View>
          <View className='analytics-card'>
            <Text className='analytics-card__title'>计算方式</Text>
            <Text className='analytics-card__text kpi-formula'>{view.formula}</Text>
          </View>
        </>
      ) : detail.error ? (
        <ErrorState message={errorMessage(detail.error)} error={detail.error} onRetry={() => void detail.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
    </View>
  )
}
