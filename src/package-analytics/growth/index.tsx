import '../inputs'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { ErrorState, LoadingState } from '../../components/PageState'
import { RangeSwitcher } from '../../components/RangeSwitcher'
import { Button } from '@nutui/nutui-react-taro'
import { DayChips, FieldGroup, NumberField } from '../../components/ResultsFields'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useFormAction } from '../../hooks/useFormAction'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../state/me'
import { formatCount, formatMoney, formatPercent } from '../../../core/format'
import { rangeInputOf, yuanToFen } from '../../utils/analytics'
import { shortDay, today } from '../../utils/content'
import { errorMessage, toastSuccess } from '../../utils/feedback'
import { ApiError } from '../../api'
import { recentDays } from '../../package-results/lib/days'
import { DataTable } from '../components/DataTable'
import { LineChart } from '../components/LineChart'
import { Stat, useRangeParam } from '../components/parts'
import { palette } from '../../styles/palette'
import './index.scss'

/** 投流花费 for one day, in 元 (sent in fen). One requestId per entry, kept across retries. */
function SpendForm(props: { onSaved: () => void }) {
  const [date, setDate] = useState(today())
  const [amount, setAmount] = useState('')
  const requestId = useRef(newRequestId())
  const form = useFormAction(
    async () => {
      const amountFen = yuanToFen(amount)
      if (amountFen === undefined) throw new ApiError('VALIDATION', '投流花费：必填', [{ path: 'amountFen', message: '投流花费：必填' }])
      if (Number.isNaN(amountFen)) throw new ApiError('VALIDATION', '投流花费：请输入金额（元，最多两位小数）', [{ path: 'amountFen', message: '投流花费：请输入金额（元，最多两位小数）' }])
      return api.analytics.logSpend({ date, amountFen }, { requestId: requestId.current })
    },
    (saved) => {
      toastSuccess(`已记录 ${formatMoney(saved.amountFen)}`)
      requestId.current = newRequestId()
      setAmount('')
      props.onSaved()
    },
  )
  return (
    <FieldGroup title='记录投流花费' className='spend-form'>
      <DayChips options={recentDays(new Date())} value={date} onChange={setDate} error={form.errors.date} className='spend-day' />
      <NumberField label='花费' unit='元' keyboard='digit' placeholder='必填' value={amount} onChange={setAmount} error={form.errors.amountFen} className='field-amountFen' />
      <Text className='spend-form__hint'>同一天再次记录会替换之前的金额；用于计算每个粉丝的获取成本。</Text>
      <Button className='spend-submit' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit(undefined)}>
        保存花费
      </Button>
    </FieldGroup>
  )
}

/** 粉丝增长: total, net adds, growth rate, organic vs paid, cost per follower, and when the target is reached. */
export default function GrowthPage() {
  const [range, setRange] = useRangeParam()
  const { me } = useMe()
  const canLogSpend = allows(manifest.analytics.logSpend.access, me?.member?.roles)
  const growth = useApiQuery(() => api.analytics.growth({ range: rangeInputOf(range) }), [range.kind, range.from, range.to])
  usePullRefresh(growth.refresh)
  const view = growth.data

  return (
    <View className='page growth-page'>
      <RangeSwitcher value={range} onChange={setRange} label={view?.range.label} today={today()} />
      {view ? (
        <>
          <View className='analytics-card'>
            <View className='stat-grid'>
              <Stat className='stat--total' label='粉丝总数' value={formatCount(view.total)} hint={`目标 ${formatCount(view.target)}`} />
              <Stat className='stat--net' label='净增' value={formatCount(view.netAdds)} hint={`增长率 ${formatPercent(view.growthRate)}`} />
              <Stat className='stat--organic' label='自然新增' value={formatCount(view.organic)} />
              <Stat className='stat--paid' label='投流新增' value={formatCount(view.paid)} hint={`投流占比 ${formatPercent(view.paidShare)}`} />
              <Stat className='stat--spend' label='投流花费' value={formatMoney(view.spendFen)} />
              <Stat className='stat--cpf' label='每个粉丝成本' value={formatMoney(view.costPerFollowerFen)} />
            </View>
            <Text className='growth-forecast'>{view.forecastText}</Text>
          </View>
          <View className='analytics-card'>
            <Text className='analytics-card__title'>粉丝总数</Text>
            <LineChart
              id='growth-total'
              label='粉丝总数走势'
              categories={view.series.map((p) => shortDay(p.day))}
              series={[{ name: '粉丝总数', data: view.series.map((p) => p.total) }]}
              zeroBased={false}
              formatY={formatCount}
            />
          </View>
          <View className='analytics-card'>
            <Text className='analytics-card__title'>每日新增：自然与投流</Text>
            <LineChart
              id='growth-split'
              type='column'
              label='每日自然新增与投流新增'
              categories={view.series.map((p) => shortDay(p.day))}
              series={[
                { name: '自然', data: view.series.map((p) => p.organic), color: palette.lightGreen },
                { name: '投流', data: view.series.map((p) => p.paid), color: palette.lightYellow },
              ]}
              formatY={formatCount}
            />
            <DataTable
              className='growth-table'
              columns={['日期', '总数', '净增', '自然', '投流']}
              rows={view.series.map((p) => ({ key: p.day, cells: [shortDay(p.day), formatCount(p.total), formatCount(p.netAdds), formatCount(p.organic), formatCount(p.paid)] }))}
            />
          </View>
          {canLogSpend ? <SpendForm onSaved={() => void growth.refresh()} /> : null}
        </>
      ) : growth.error ? (
        <ErrorState message={errorMessage(growth.error)} onRetry={() => void growth.refresh()} />
      ) : (
        <LoadingState rows={6} />
      )}
    </View>
  )
}
