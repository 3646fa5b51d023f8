import '../inputs'
import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { manifest } from '../../../core/api/manifest'
import { allows } from '../../../core/roles'
import type { RiskSummary } from '../../../core/steering/riskSchemas'
import { RATING_MAX } from '../../../core/steering/risks'
import { api } from '../../api'
import { newRequestId } from '../../api/client'
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState'
import { useApiQuery } from '../../hooks/useApiQuery'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { ROUTES, withQuery } from '../../routes'
import { useMe } from '../../state/me'
import { errorMessage, toastError, toastSuccess } from '../../utils/feedback'
import '../components/common.scss'
import { RadarChart } from '../components/RadarChart'
import { HeatMap } from './HeatMap'
import { RiskForm } from './RiskForm'
import './index.scss'

/**
 * 风险雷达: the heat map of open risks (likelihood × impact), the radar of the highest score per category,
 * and the list — overdue reviews first, then by score. Managers register risks and check the signals now;
 * operators read and may propose one.
 */
export default function RisksPage() {
  const { me } = useMe()
  const roles = me?.member?.roles
  const canEdit = allows(manifest.steering.createRisk.access, roles)
  const list = useApiQuery(() => api.steering.risks({}), [])
  const [adding, setAdding] = useState(false)
  const [checking, setChecking] = useState(false)
  usePullRefresh(list.refresh)
  // Back from a risk whose score or status changed: the map and the list show it.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.refresh()
    shown.current = true
  })
  const page = list.data

  const check = async () => {
    setChecking(true)
    try {
      const r = await api.steering.checkRiskSignals({}, { requestId: newRequestId() })
      toastSuccess(r.created || r.reminded ? `新建议 ${r.created} 条，复查提醒 ${r.reminded} 条` : '没有新的信号')
      await list.refresh()
    } catch (e) {
      toastError(e)
    } finally {
      setChecking(false)
    }
  }

  if (!page) return <View className='page risks-page'>{list.error ? <ErrorState message={errorMessage(list.error)} error={list.error} onRetry={() => void list.refresh()} /> : <LoadingState rows={4} />}</View>
  const open = (r: RiskSummary) => void Taro.navigateTo({ url: withQuery(ROUTES.risk, { id: r.id }) })
  return (
    <View className='page risks-page'>
      <View className='risks-summary'>
        <Text className='risks-summary__text'>{`未关闭 ${page.risks.filter((r) => r.status !== 'closed').length} 项 · 复查逾期 ${page.overdue} 项 · 待处理建议 ${page.openSuggestions} 条`}</Text>
        {canEdit ? (
          <Button className='risks-check' size='small' fill='outline' type='primary' loading={checking} disabled={checking} onClick={() => void check()}>
            检查信号
          </Button>
        ) : null}
      </View>
      <View className='analytics-card risks-heat'>
        <Text className='analytics-card__title'>风险热力图</Text>
        <HeatMap heat={page.heat} matrix={page.matrix} />
      </View>
      <View className='analytics-card risks-radar'>
        <Text className='analytics-card__title'>风险雷达（各类最高评分）</Text>
        <RadarChart id='risk-radar' name='最高评分' categories={page.radar.map((r) => r.label)} data={page.radar.map((r) => r.score)} max={RATING_MAX * RATING_MAX} label={page.radar.map((r) => `${r.label} ${r.score}`).join('，')} />
        <View className='risks-radar__list'>
          {page.radar.map((r) => (
            <Text key={r.category} className='risks-radar__item'>{`${r.label} ${r.score || '—'}`}</Text>
          ))}
        </View>
      </View>
      {adding ? (
        <RiskForm
          mode={canEdit ? 'create' : 'propose'}
          owners={page.owners}
          onSaved={(d) => {
            setAdding(false)
            void list.refresh()
            void Taro.navigateTo({ url: withQuery(ROUTES.risk, { id: d.risk.id }) })
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <View className='analytics-card risks-list'>
        <View className='risks-list__head'>
          <Text className='analytics-card__title'>风险清单</Text>
          {adding ? null : (
            <Text className='risk-add' onClick={() => setAdding(true)}>
              {canEdit ? '+ 登记风险' : '+ 提议风险'}
            </Text>
          )}
        </View>
        {page.risks.length ? (
          page.risks.map((r) => <RiskRow key={r.id} risk={r} onOpen={() => open(r)} />)
        ) : (
          <EmptyState title='还没有登记风险' description={canEdit ? '按六类风险登记，评估可能性与影响，设定复查日期。' : '发现风险可以提议，由主管评估。'} />
        )}
      </View>
    </View>
  )
}

function RiskRow(props: { risk: RiskSummary; onOpen: () => void }) {
  const r = props.risk
  return (
    <View className={`risk-row risk-row--${r.status} ${r.reviewOverdue ? 'risk-row--overdue' : ''}`} onClick={props.onOpen}>
      <View className='risk-row__head'>
        <Text className={`risk-level risk-level--${r.level}`}>{`${r.levelLabel} ${r.score}`}</Text>
        <Text className='risk-row__title'>{r.title}</Text>
      </View>
      <Text className='risk-row__meta'>{`${r.categoryLabel} · 可能性 ${r.likelihood} × 影响 ${r.impact} · ${r.statusLabel} · ${r.ownerName}`}</Text>
      <View className='risk-row__foot'>
        <Text className={`risk-row__review ${r.reviewOverdue ? 'risk-row__review--overdue' : ''}`}>{r.reviewOverdue ? `复查逾期（${r.reviewDay}）` : `复查 ${r.reviewDay}`}</Text>
        {r.openSuggestions ? <Text className='risk-row__suggest'>{`${r.openSuggestions} 条建议待处理`}</Text> : null}
      </View>
    </View>
  )
}
