import '../inputs'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { budgetCategoryLabel } from '../../../core/steering/budget'
import type { BudgetView } from '../../../core/steering/budgetSchemas'
import { formatCount, formatMoney, formatNumber, NO_VALUE } from '../../../core/format'
import { api } from '../../api'
import { ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { today } from '../../utils/content'
import { errorMessage } from '../../utils/feedback'
import { palette } from '../../styles/palette'
import { LineChart } from '../components/LineChart'
import { Stat } from '../components/parts'
import { MonthTable } from './MonthTable'
import { AdjustForm, PlanForm } from './PlanForms'
import { SpendForm } from './SpendForm'
import './index.scss'

const thisYear = () => Number(today().slice(0, 4))
const thisMonth = () => Number(today().slice(5, 7))

/** An axis label of fen in 元, large amounts in 万: '1.2万', '850'. */
function yuanAxis(fen: number): string {
  const yuan = fen / 100
  if (Math.abs(yuan) < 10_000) return formatNumber(yuan, 0)
  const wan = formatNumber(yuan / 10_000, 1)
  return `${wan.endsWith('.0') ? wan.slice(0, -2) : wan}万`
}

/** The forecast against the annual plan, in words. */
function forecastHint(v: BudgetView): string {
  if (v.forecastVsPlanFen === null) return v.annualPlanFen === null ? '还没有年度预算' : '今年还没开始'
  if (v.forecastVsPlanFen > 0) return `将超出预算 ${formatMoney(v.forecastVsPlanFen)}`
  return `低于预算 ${formatMoney(-v.forecastVsPlanFen)}`
}

/** 预算: plan vs actual per month, year to date, burn rate, the year-end forecast, unit costs and ROI; the forms to plan and log. */
export default function BudgetPage() {
  const [year, setYear] = useState(thisYear())
  const [month, setMonth] = useState(thisMonth())
  const budget = useApiQuery(() => api.steering.budget({ year }), [year])
  usePullRefresh(budget.refresh)
  const view = budget.data
  const refresh = () => void budget.refresh()

  if (!view) return <View className='page budget-page'>{budget.error ? <ErrorState message={errorMessage(budget.error)} error={budget.error} onRetry={refresh} /> : <LoadingState rows={6} />}</View>
  const u = view.unitCosts
  const overMonths = view.months.filter((m) => m.over).length
  return (
    <View className='page budget-page'>
      <View className='chips budget-years'>
        {view.years.map((y) => (
          <View key={y} className={`chip budget-year budget-year--${y} ${y === view.year ? 'chip--active' : ''}`} onClick={() => setYear(y)}>
            <Text>{y} 年</Text>
          </View>
        ))}
      </View>
      <View className='analytics-card'>
        <View className='stat-grid'>
          <Stat className='stat--annual' label='年度预算' value={formatMoney(view.annualPlanFen)} hint={overMonths ? `${overMonths} 个月超支` : undefined} />
          <Stat className={`stat--ytd ${view.ytd.over ? 'stat--over' : ''}`} label='年初至今 实际' value={formatMoney(view.ytd.actualFen)} hint={`计划 ${formatMoney(view.ytd.planFen)}`} />
          <Stat className='stat--burn' label='日均花费' value={formatMoney(view.burnRateFen)} hint={view.paceFrom && view.ytd.through ? `${view.paceFrom.slice(5)} 至 ${view.ytd.through.slice(5)}` : undefined} />
          <Stat className={`stat--forecast ${(view.forecastVsPlanFen ?? 0) > 0 ? 'stat--over' : ''}`} label='全年预测' value={formatMoney(view.forecastFen)} hint={forecastHint(view)} />
        </View>
      </View>
      <View className='analytics-card'>
        <Text className='analytics-card__title'>每月计划与实际</Text>
        <LineChart
          id='budget-months'
          type='column'
          label='每月预算计划与实际花费，超支月份为红色'
          categories={view.months.map((m) => String(m.month))}
          series={[
            { name: '计划', data: view.months.map((m) => m.planFen ?? null), color: palette.chartBlue },
            { name: '实际', data: view.months.map((m) => m.actualFen), color: palette.lightGreen, pointColors: view.months.map((m) => (m.over ? palette.lightRed : null)) },
          ]}
          formatY={yuanAxis}
        />
        <Text className='budget-legend'>单位：元；红色柱为超出当月预算。没有预算也没有花费的月份不列出。</Text>
        <MonthTable months={view.months.filter((m) => m.planFen !== null || m.actualFen !== 0 || (view.year === thisYear() && m.month === thisMonth()))} currentMonth={view.year === thisYear() ? thisMonth() : null} />
      </View>
      <View className='analytics-card'>
        <Text className='analytics-card__title'>单位成本与 ROI（年初至今）</Text>
        <View className='stat-grid'>
          <Stat className='stat--per-follower' label='每个新增粉丝' value={formatMoney(u.perFollowerFen)} hint={`新增 ${formatCount(view.basis.newFollowers)}`} />
          <Stat className='stat--per-paid' label='每个投流粉丝' value={formatMoney(u.perPaidFollowerFen)} hint={`投流新增 ${formatCount(view.basis.paidFollowers)}`} />
          <Stat className='stat--per-inquiry' label='每条咨询' value={formatMoney(u.perInquiryFen)} hint={`咨询 ${formatCount(view.basis.inquiries)}`} />
          <Stat className='stat--per-order' label='每个订单' value={formatMoney(u.perOrderFen)} hint={`订单 ${formatCount(view.basis.orders)}`} />
          <Stat className='stat--per-video' label='每条发布视频' value={formatMoney(u.perVideoFen)} hint={`发布 ${formatCount(view.basis.publishedVideos)}`} />
          <Stat className='stat--roi' label='ROI（成交额÷花费）' value={u.roi === null ? NO_VALUE : formatNumber(u.roi, 2)} hint={`成交额 ${formatMoney(view.basis.gmvFen)}`} />
        </View>
      </View>
      <View className='analytics-card'>
        <Text className='analytics-card__title'>按科目（全年）</Text>
        <View className='budget-months'>
          <View className='budget-months__row budget-months__row--head'>
            <Text className='budget-months__cell budget-months__cell--wide'>科目</Text>
            <Text className='budget-months__cell'>计划</Text>
            <Text className='budget-months__cell'>实际</Text>
          </View>
          {view.byCategory.map((c) => (
            <View key={c.category} className={`budget-months__row budget-category budget-category--${c.category} ${c.planFen !== null && c.actualFen > c.planFen ? 'budget-month--over' : ''}`}>
              <Text className='budget-months__cell budget-months__cell--wide'>{budgetCategoryLabel(c.category)}</Text>
              <Text className='budget-months__cell'>{formatMoney(c.planFen)}</Text>
              <Text className='budget-months__cell budget-month__actual'>{formatMoney(c.actualFen)}</Text>
            </View>
          ))}
        </View>
      </View>
      <SpendForm onSaved={refresh} />
      <PlanForm view={view} month={month} onMonth={setMonth} onSaved={refresh} />
      <AdjustForm view={view} month={month} onSaved={refresh} />
      <View className='analytics-card budget-history'>
        <Text className='analytics-card__title'>预算调整记录</Text>
        {view.history.length ? (
          view.history.map((h) => (
            <View key={h.id} className={`budget-revision budget-revision--${h.kind}`}>
              <Text className='budget-revision__what'>
                {h.month}月 {h.categoryLabel}：{h.beforeFen === null ? '制定' : `${formatMoney(h.beforeFen)} →`} {formatMoney(h.afterFen)}
              </Text>
              <Text className='budget-revision__who'>
                {h.byName} · {h.at.slice(0, 10)}
                {h.reason ? ` · ${h.reason}` : ''}
              </Text>
            </View>
          ))
        ) : (
          <Text className='analytics-card__text'>还没有预算记录</Text>
        )}
      </View>
      <View className='analytics-card budget-recent'>
        <Text className='analytics-card__title'>最近的花费</Text>
        {view.recentSpend.length ? (
          view.recentSpend.map((s) => (
            <View key={s.id} className='budget-revision budget-spend'>
              <Text className='budget-revision__what'>
                {s.date.slice(5)} {budgetCategoryLabel(s.category)} {formatMoney(s.amountFen)}
              </Text>
              <Text className='budget-revision__who'>
                {s.loggedByName}
                {s.supersedes ? ` · 更正${s.reason ? `：${s.reason}` : ''}` : ''}
              </Text>
            </View>
          ))
        ) : (
          <Text className='analytics-card__text'>{year} 年还没有记录花费</Text>
        )}
      </View>
    </View>
  )
}
