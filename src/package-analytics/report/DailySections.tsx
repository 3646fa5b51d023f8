import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DailyContent, ReportView } from '../../../core/reports/schemas'
import { AlertList } from '../../components/AlertList'
import { KpiGrid } from '../../components/KpiGrid'
import { RESULTS_ROUTES, resultsUrl } from '../../package-results/routes'
import { ROUTES, withQuery } from '../../routes'

const go = (url: string) => void Taro.navigateTo({ url })

/** Published items still missing numbers, each with its owner; a tap opens its 填报 form. */
export function MissingList({ r, d }: { r: ReportView; d: DailyContent }) {
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
export function DailySections({ r, d }: { r: ReportView; d: DailyContent }) {
  return (
    <>
      <View className='section report-cards'>
        <Text className='section__title'>{`${r.period.slice(5)} 指标`}</Text>
        <KpiGrid cards={d.cards} />
      </View>
      <MissingList r={r} d={d} />
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
