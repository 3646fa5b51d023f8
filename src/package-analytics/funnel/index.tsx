import '../inputs'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { FunnelStageView, FunnelView } from '../../../core/analytics/schemas'
import { formatCount, formatPercent } from '../../../core/format'
import type { Channel } from '../../../core/results/metrics'
import { api } from '../../api'
import { ErrorState, LoadingState } from '../../components/PageState'
import { RangeSwitcher } from '../../components/RangeSwitcher'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { rangeInputOf } from '../../utils/analytics'
import { today } from '../../utils/content'
import { errorMessage } from '../../utils/feedback'
import { FilterChips, useRangeParam } from '../components/parts'
import './index.scss'

type Filters = { format?: string; layer?: string; category?: string; channel?: Channel }

const FILTERS: { key: keyof Filters; title: string }[] = [
  { key: 'format', title: '形式' },
  { key: 'layer', title: '内容层级' },
  { key: 'category', title: '选题分类' },
  { key: 'channel', title: '来源渠道' },
]

/** Whether this stage is the step the function named as the biggest drop-off ("播放→完播"). */
function isBiggestDrop(view: FunnelView, i: number): boolean {
  if (!view.biggestDrop || i === 0) return false
  return view.biggestDrop.text.includes(`${view.stages[i - 1].label}→${view.stages[i].label}`)
}

/** "全部内容" or the chosen filters' labels, e.g. "短视频 · 视频号". */
function filterSummary(view: FunnelView, filters: Filters): string {
  const chosen = FILTERS.map((f) => view.options[f.key].find((o) => o.value === filters[f.key])?.label ?? filters[f.key]).filter(Boolean)
  return chosen.length ? `筛选：${chosen.join(' · ')}` : '全部内容'
}

/** Bar width in % of the first stage (only a drawing scale; counts and rates come from the function). */
function barWidth(stage: FunnelStageView, first: number): number {
  if (!first) return 0
  return Math.max(1.5, Math.min(100, (stage.count / first) * 100))
}

/** 转化漏斗: exposure → order with step rates, the previous period's rates and the biggest drop-off. */
export default function FunnelPage() {
  const [range, setRange] = useRangeParam()
  const [filters, setFilters] = useState<Filters>({})
  const [filtersOpen, setFiltersOpen] = useState(false)
  const funnel = useApiQuery(
    () => api.analytics.funnel({ range: rangeInputOf(range), ...filters }),
    [range.kind, range.from, range.to, filters.format, filters.layer, filters.category, filters.channel],
  )
  usePullRefresh(funnel.refresh)
  const view = funnel.data
  const first = view?.stages[0]?.count ?? 0

  return (
    <View className='page funnel-page'>
      <RangeSwitcher value={range} onChange={setRange} label={view?.range.label} today={today()} />
      {view ? (
        <>
          <View className='analytics-card funnel-filters'>
            <View className='funnel-filters__head' onClick={() => setFiltersOpen((o) => !o)}>
              <Text className='funnel-filters__summary'>{filterSummary(view, filters)}</Text>
              <Text className='funnel-filters__toggle'>{filtersOpen ? '收起' : '筛选 ›'}</Text>
            </View>
            {filtersOpen ? FILTERS.map((f) =>
              view.options[f.key].length || filters[f.key] ? (
                <FilterChips
                  key={f.key}
                  name={f.key}
                  title={f.title}
                  options={view.options[f.key]}
                  value={filters[f.key]}
                  onChange={(v) => setFilters((old) => ({ ...old, [f.key]: v }))}
                />
              ) : null,
            ) : null}
          </View>
          {view.note ? <Text className='funnel-note'>{view.note}</Text> : null}
          {view.biggestDrop ? (
            <View className='funnel-drop'>
              <Text className='funnel-drop__text'>{view.biggestDrop.text}</Text>
              <Text className='funnel-drop__rate'>转化 {view.biggestDrop.rateDisplay}</Text>
              {view.previousBiggestDrop ? (
                <Text className='funnel-drop__prev'>
                  上期：{view.previousBiggestDrop.text}（{view.previousBiggestDrop.rateDisplay}）
                </Text>
              ) : null}
            </View>
          ) : null}
          <View className='analytics-card funnel-stages'>
            {view.stages.map((s, i) => (
              <View key={s.step} className={`funnel-stage funnel-stage--${s.step} ${isBiggestDrop(view, i) ? 'funnel-stage--drop' : ''}`}>
                <View className='funnel-stage__head'>
                  <Text className='funnel-stage__label'>{s.label}</Text>
                  <Text className='funnel-stage__count'>{formatCount(s.count)}</Text>
                </View>
                <View className='funnel-stage__track'>
                  <View className='funnel-stage__bar' style={{ width: `${barWidth(s, first)}%` }} />
                </View>
                {i > 0 ? (
                  <Text className='funnel-stage__rate'>
                    上一步转化 {s.rateDisplay}
                    {` · 上期 ${formatPercent(s.previousRate)}`}
                    {isBiggestDrop(view, i) ? ' · 最大流失' : ''}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        </>
      ) : funnel.error ? (
        <ErrorState message={errorMessage(funnel.error)} onRetry={() => void funnel.refresh()} />
      ) : (
        <LoadingState rows={7} />
      )}
    </View>
  )
}
